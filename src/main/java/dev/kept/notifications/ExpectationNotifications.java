package dev.kept.notifications;

import dev.kept.commitments.ExpectationUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells each side of an expectation, in the app, what the other did; never the terms. */
@Component
class ExpectationNotifications {

    private final Inbox inbox;

    ExpectationNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(ExpectationUpdated updated) {
        String what = switch (updated.what()) {
            case ASKED -> "asks you for a commitment.";
            case QUESTION -> "asked a question about what you expect.";
            case ANSWER -> "answered in the thread of an expectation.";
            case COUNTER -> "proposed other terms for what you expect.";
            case COUNTER_ACCEPTED -> "accepted your counter-proposal.";
            case COUNTER_DECLINED -> "declined your counter-proposal.";
            case ACCEPTED -> "accepted what you expect: it is their commitment now.";
            case DECLINED -> "declined what you expect.";
            case WITHDRAWN -> "withdrew what they expected of you.";
        };
        inbox.tell(
                updated.organizationId(),
                updated.recipientId(),
                "expectation:" + updated.expectationId() + ":" + updated.what() + ":" + updated.step() + ":"
                        + updated.recipientId(),
                "EXPECTATION_" + updated.what(),
                updated.actorName() + " " + what,
                "/expectations/" + updated.expectationId());
    }
}
