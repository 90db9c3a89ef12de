package dev.kept.notifications;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends an e-mail once per key. With {@code spring.mail.host} set it goes out over SMTP; without
 * it, it is written to the log and kept for the admin outbox page, so a laptop needs no mail server.
 * A failure to send propagates, so the event that asked for the e-mail stays incomplete and is
 * delivered again later.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final OutgoingMailRepository outbox;
    private final MailProperties properties;
    private final Clock clock;

    MailDelivery(
            ObjectProvider<JavaMailSender> sender,
            OutgoingMailRepository outbox,
            MailProperties properties,
            Clock clock) {
        this.sender = sender;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void deliver(UUID organizationId, String dedupKey, Mail mail) {
        if (outbox.existsByDedupKey(dedupKey)) {
            return;
        }
        JavaMailSender smtp = sender.getIfAvailable();
        OutgoingMail.Status status;
        if (smtp == null) {
            log.info(
                    "E-mail (no spring.mail.host set, so not sent) to {}: {}\n{}",
                    mail.to(),
                    mail.subject(),
                    mail.body());
            status = OutgoingMail.Status.LOGGED;
        } else {
            send(smtp, mail);
            status = OutgoingMail.Status.SENT;
        }
        outbox.save(OutgoingMail.record(organizationId, dedupKey, mail, status, clock.instant()));
    }

    private void send(JavaMailSender smtp, Mail mail) {
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(properties.mailFrom()));
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            smtp.send(message);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("Could not compose the e-mail to " + mail.to(), e);
        }
    }
}
