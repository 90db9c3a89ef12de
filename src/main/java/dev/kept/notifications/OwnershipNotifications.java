package dev.kept.notifications;

import dev.kept.commitments.CoOwnershipChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the invited co-owner of the invitation, and the owner of the acceptance. */
@Component
class OwnershipNotifications {

    private final Inbox inbox;

    OwnershipNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(CoOwnershipChanged changed) {
        inbox.tell(
                changed.organizationId(),
                changed.recipientId(),
                "co-owner:" + changed.commitmentId() + ":" + changed.recipientId() + ":" + changed.accepted(),
                changed.accepted() ? "CO_OWNER_ACCEPTED" : "CO_OWNER_INVITED",
                changed.actorName()
                        + (changed.accepted()
                                ? " accepted to co-own your commitment: it is yours together now."
                                : " invites you to co-own a commitment."),
                "/commitments/" + changed.commitmentId());
    }
}
