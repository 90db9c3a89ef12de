package dev.kept.notifications;

import dev.kept.people.PersonInvited;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** E-mails an invited person the link to set their password. */
@Component
class InvitationMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'");

    private final MailDelivery delivery;

    InvitationMails(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(PersonInvited invited) {
        String body = """
                Hello %s,

                %s invited you to join %s on Kept, where people make clear commitments, share them \
                with a partner or their team, and close each one with an honest check.

                Set your password to get started (the link works once, until %s):

                %s

                If you did not expect this, you can ignore this e-mail.
                """.formatted(
                        invited.name(),
                        invited.invitedBy(),
                        invited.organizationName(),
                        WHEN.format(invited.expiresAt().atZone(ZoneOffset.UTC)),
                        invited.link());
        delivery.deliver(
                invited.organizationId(),
                "invitation:" + invited.invitationId(),
                new Mail(invited.email(), "You are invited to " + invited.organizationName() + " on Kept", body));
    }
}
