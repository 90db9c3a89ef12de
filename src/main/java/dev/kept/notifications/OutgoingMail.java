package dev.kept.notifications;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An e-mail in Kept's outbox: waiting to be sent, sent, given up, or only written to the log when
 * no mail server is configured. It is read here; it changes only through the conditional updates of
 * {@link MailDelivery} and {@link MailSender}, which is what keeps two instances from sending it
 * twice.
 */
@Table("outgoing_mail")
class OutgoingMail {

    enum Status {
        /** waiting to be sent, from {@code nextAttemptAt} on */
        PENDING,
        /** claimed by one instance, which is sending it */
        SENDING,
        SENT,
        /** written to the log: no mail server is configured */
        LOGGED,
        /** given up after too many failed attempts, or it could not be composed */
        FAILED
    }

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final String dedupKey;
    private final String recipient;
    private final String subject;
    private final String body;
    private final Status status;
    private final boolean confidential;
    private final boolean secretLink;
    private final Instant createdAt;
    private final Instant sentAt;
    private final int attempts;
    private final Instant nextAttemptAt;
    private final Instant claimedAt;
    private final String lastError;
    private final String attachmentName;
    private final String attachmentType;
    private final String attachment;

    @Version
    private final Long version;

    @PersistenceCreator
    OutgoingMail(
            UUID id,
            UUID organizationId,
            String dedupKey,
            String recipient,
            String subject,
            String body,
            Status status,
            boolean confidential,
            boolean secretLink,
            Instant createdAt,
            Instant sentAt,
            int attempts,
            Instant nextAttemptAt,
            Instant claimedAt,
            String lastError,
            String attachmentName,
            String attachmentType,
            String attachment,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.dedupKey = dedupKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = status;
        this.confidential = confidential;
        this.secretLink = secretLink;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.claimedAt = claimedAt;
        this.lastError = lastError;
        this.attachmentName = attachmentName;
        this.attachmentType = attachmentType;
        this.attachment = attachment;
        this.version = version;
    }

    /** What became of it, in the admin's words. */
    public String getStatusText() {
        return switch (status) {
            case SENT -> "sent";
            case LOGGED -> "logged, not sent";
            case SENDING -> "sending";
            case PENDING -> attempts == 0 ? "waiting to be sent" : "waiting to retry after " + attempts(attempts);
            case FAILED -> "failed after " + attempts(attempts);
        };
    }

    private static String attempts(int count) {
        return count == 1 ? "1 failed attempt" : count + " failed attempts";
    }

    Mail.Attachment attachmentOrNull() {
        return attachmentName == null ? null : new Mail.Attachment(attachmentName, attachmentType, attachment);
    }

    public UUID getId() {
        return id;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    /** Whether it carries a link that lets whoever reads it act as its recipient. */
    public boolean isSecretLink() {
        return secretLink;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public String getAttachmentName() {
        return attachmentName;
    }
}
