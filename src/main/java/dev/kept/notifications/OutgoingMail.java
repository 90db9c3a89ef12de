package dev.kept.notifications;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An e-mail Kept sent, or wrote to the log when no mail server is configured. */
@Table("outgoing_mail")
class OutgoingMail {

    enum Status {
        SENT,
        LOGGED
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
    private final Instant createdAt;
    private final Instant sentAt;

    @Version
    private Long version;

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
            Instant createdAt,
            Instant sentAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.dedupKey = dedupKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = status;
        this.confidential = confidential;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.version = version;
    }

    static OutgoingMail record(UUID organizationId, String dedupKey, Mail mail, Status status, Instant now) {
        return new OutgoingMail(
                UUID.randomUUID(),
                organizationId,
                dedupKey,
                mail.to(),
                mail.subject(),
                mail.body(),
                status,
                mail.confidential(),
                now,
                now,
                null);
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
