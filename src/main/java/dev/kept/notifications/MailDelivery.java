package dev.kept.notifications;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts an e-mail in the outbox once per key, in the caller's transaction: it is sent only if what
 * asked for it commits, and a listener that runs twice adds nothing. With {@code spring.mail.host}
 * set it waits there (PENDING) for {@link MailSender}; without it, it is written to the log and kept
 * for the admin outbox page, so a laptop needs no mail server. Every e-mail ends with the link to
 * the page where people choose which e-mails they get.
 */
@Component
class MailDelivery {

    private static final String PREFERENCES_PATH = "/settings/notifications";

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final JdbcClient jdbc;
    private final MailProperties properties;
    private final Clock clock;

    MailDelivery(ObjectProvider<JavaMailSender> smtp, JdbcClient jdbc, MailProperties properties, Clock clock) {
        this.smtp = smtp;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Which of these e-mails were queued already (sent, logged or waiting), in one query. */
    @Transactional(readOnly = true)
    Set<String> queued(Collection<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select dedup_key from outgoing_mail where dedup_key in (:keys)")
                .param("keys", dedupKeys)
                .query(String.class)
                .list());
    }

    @Transactional
    public void deliver(UUID organizationId, String dedupKey, Mail mail) {
        boolean sendable = smtp.getIfAvailable() != null;
        String body = withFooter(mail.body());
        Instant now = clock.instant();
        Mail.Attachment attachment = mail.attachment();
        // "on conflict do nothing" rather than catching the duplicate key: on PostgreSQL a failed
        // statement would abort the listener's whole transaction
        int added = jdbc.sql("""
                        insert into outgoing_mail
                            (id, organization_id, dedup_key, recipient, subject, body, status, confidential,
                             secret_link, created_at, sent_at, attempts, next_attempt_at,
                             attachment_name, attachment_type, attachment, version)
                        values (:id, :organization, :key, :recipient, :subject, :body, :status, :confidential,
                                :secretLink, :now, :sentAt, 0, :nextAttemptAt,
                                :attachmentName, :attachmentType, :attachment, 0)
                        on conflict do nothing""")
                .param("id", UUID.randomUUID())
                .param("organization", organizationId)
                .param("key", dedupKey)
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("body", body)
                .param("status", (sendable ? OutgoingMail.Status.PENDING : OutgoingMail.Status.LOGGED).name())
                .param("confidential", mail.confidential())
                .param("secretLink", mail.secretLink())
                .param("now", timestamp(now))
                .param("sentAt", sendable ? null : timestamp(now), Types.TIMESTAMP)
                .param("nextAttemptAt", sendable ? timestamp(now) : null, Types.TIMESTAMP)
                .param("attachmentName", attachment == null ? null : attachment.filename(), Types.VARCHAR)
                .param("attachmentType", attachment == null ? null : attachment.contentType(), Types.VARCHAR)
                .param("attachment", attachment == null ? null : attachment.content(), Types.VARCHAR)
                .update();
        if (added == 1 && !sendable) {
            log.info(
                    "E-mail (no spring.mail.host set, so not sent) to {}: {}\n{}{}",
                    mail.to(),
                    mail.subject(),
                    body,
                    attachment == null ? "" : "\n[attachment " + attachment.filename() + "]");
        }
    }

    /**
     * An instant as the outbox stores it. The databases keep microseconds and round the rest, which
     * could put a mail due "now" a fraction after now; cut here, it is never later.
     */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private String withFooter(String body) {
        return body.stripTrailing() + "\n\n-- \nChange which e-mails Kept sends you: "
                + properties.link(PREFERENCES_PATH) + "\n";
    }
}
