package dev.kept.notifications;

import dev.kept.people.PasswordResetRequested;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** E-mails a person the link to choose a new password they asked for. */
@Component
class PasswordResetMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'");

    private final MailDelivery delivery;

    PasswordResetMails(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested requested) {
        String body = """
                Hello %s,

                Someone, probably you, asked to choose a new password for your Kept account. \
                Choose it here (the link works once, until %s):

                %s

                Once it is chosen, every session signed in with the old password ends. If you did \
                not ask for this, you can ignore this e-mail: your password stays as it is.
                """.formatted(
                        requested.name(), WHEN.format(requested.expiresAt().atZone(ZoneOffset.UTC)), requested.link());
        delivery.deliver(
                requested.organizationId(),
                "password-reset:" + requested.resetId(),
                new Mail(requested.email(), "Choose a new password for Kept", body).withSecretLink());
    }
}
