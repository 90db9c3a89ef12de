package dev.kept.notifications;

import dev.kept.recognition.KudosGiven;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the person thanked, or each member of the team thanked, in the app; never the message. */
@Component
class RecognitionNotifications {

    private final Inbox inbox;

    RecognitionNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(KudosGiven given) {
        String text = given.teamName() == null
                ? given.giverName() + " thanked you."
                : given.giverName() + " thanked your team " + given.teamName() + ".";
        for (UUID recipient : given.recipientIds()) {
            inbox.tell(
                    given.organizationId(),
                    recipient,
                    "kudos:" + given.kudosId() + ":" + recipient,
                    "KUDOS",
                    text,
                    "/kudos#kudos-" + given.kudosId());
        }
    }
}
