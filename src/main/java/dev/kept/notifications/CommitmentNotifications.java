package dev.kept.notifications;

import dev.kept.commitments.AwaitingOtherSide;
import dev.kept.commitments.CommitmentConfirmed;
import dev.kept.commitments.CommitmentOverdue;
import dev.kept.commitments.RenegotiationDecided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells owners, in the app, what happened to their commitments: overdue and not assessed, a
 * renegotiation decided, the outcome confirmed or disputed. The texts never quote a commitment.
 */
@Component
class CommitmentNotifications {

    private final Inbox inbox;

    CommitmentNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(CommitmentOverdue overdue) {
        inbox.tell(
                overdue.organizationId(),
                overdue.ownerId(),
                "overdue:" + overdue.commitmentId() + ":" + overdue.due(),
                "COMMITMENT_OVERDUE",
                "One of your commitments was due on " + overdue.due() + ": assess the outcome and reflect.",
                link(overdue.commitmentId()));
    }

    @ApplicationModuleListener
    void on(RenegotiationDecided decided) {
        inbox.tell(
                decided.organizationId(),
                decided.ownerId(),
                "renegotiation:" + decided.commitmentId() + ":" + decided.position(),
                decided.accepted() ? "RENEGOTIATION_ACCEPTED" : "RENEGOTIATION_DECLINED",
                decided.decidedByName() + (decided.accepted() ? " accepted" : " declined")
                        + " your renegotiation of a commitment.",
                link(decided.commitmentId()));
    }

    @ApplicationModuleListener
    void on(AwaitingOtherSide awaiting) {
        boolean renegotiation = awaiting.what() == AwaitingOtherSide.What.RENEGOTIATION;
        inbox.tell(
                awaiting.organizationId(),
                awaiting.recipientId(),
                "awaiting:" + awaiting.commitmentId() + ":" + awaiting.what() + ":" + awaiting.version() + ":"
                        + awaiting.recipientId(),
                renegotiation ? "RENEGOTIATION_PROPOSED" : "OUTCOME_TO_CONFIRM",
                awaiting.ownerName()
                        + (renegotiation
                                ? " proposes new terms for a commitment you hold them to: accept or decline."
                                : " assessed a commitment you hold them to: confirm or dispute the outcome."),
                link(awaiting.commitmentId()));
    }

    @ApplicationModuleListener
    void on(CommitmentConfirmed confirmed) {
        inbox.tell(
                confirmed.organizationId(),
                confirmed.ownerId(),
                "confirmation:" + confirmed.commitmentId(),
                confirmed.agreed() ? "OUTCOME_CONFIRMED" : "OUTCOME_DISPUTED",
                confirmed.confirmedByName() + (confirmed.agreed() ? " confirmed" : " disputed")
                        + " your assessment of a commitment.",
                link(confirmed.commitmentId()));
    }

    private static String link(java.util.UUID commitmentId) {
        return "/commitments/" + commitmentId;
    }
}
