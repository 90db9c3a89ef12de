package dev.kept.notifications;

import dev.kept.people.PersonInvited;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** E-mails an invited person, member or outside partner, the link to set their password. */
@Component
class InvitationMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'");

    private final MailDelivery delivery;

    InvitationMails(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(PersonInvited invited) {
        String body = invited.asPartner() ? partnerInvitation(invited) : memberInvitation(invited);
        String subject = invited.asPartner()
                ? invited.invitedBy() + " asks you to be their accountability partner on Kept"
                : "You are invited to " + invited.organizationName() + " on Kept";
        delivery.deliver(
                invited.organizationId(),
                "invitation:" + invited.invitationId(),
                new Mail(invited.email(), subject, body, invited.asPartner()).withSecretLink());
    }

    private static String partnerInvitation(PersonInvited invited) {
        return """
                Hello,

                %s (%s) asks you to be their accountability partner on Kept: they share \
                commitments with you, you meet now and then, and you challenge them on what they \
                promised. What partners share stays between the two of you.

                You join as a guest: you see your partnerships and what is shared with you, nothing \
                else of %s. Choose your name and a password here (the link works once, until %s):

                %s

                If you did not expect this, you can ignore this e-mail.
                """.formatted(
                        invited.invitedBy(),
                        invited.organizationName(),
                        invited.organizationName(),
                        WHEN.format(invited.expiresAt().atZone(ZoneOffset.UTC)),
                        invited.link());
    }

    private static String memberInvitation(PersonInvited invited) {
        return """
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
    }
}
