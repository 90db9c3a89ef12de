package dev.kept.notifications;

import dev.kept.advice.AdviceAnswered;
import dev.kept.advice.AdviceRequested;
import dev.kept.decisions.DecisionRecorded;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells, in the app, the people invited to answer an advice request, its asker of each answer, and
 * the members of the teams a decision affects. It names people; it never quotes a question or an answer.
 */
@Component
class TeamNotifications {

    private final Inbox inbox;

    TeamNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(AdviceRequested requested) {
        for (UUID invited : requested.invitedIds()) {
            inbox.tell(
                    requested.organizationId(),
                    invited,
                    "advice:" + requested.requestId() + ":" + invited,
                    "ADVICE_REQUESTED",
                    requested.askerName() + " asks for your advice, in an area you know well.",
                    "/advice/" + requested.requestId());
        }
    }

    @ApplicationModuleListener
    void on(AdviceAnswered answered) {
        inbox.tell(
                answered.organizationId(),
                answered.askerId(),
                "advice-answer:" + answered.answerId(),
                "ADVICE_ANSWERED",
                answered.authorName() + " answered your request for advice.",
                "/advice/" + answered.requestId());
    }

    @ApplicationModuleListener
    void on(DecisionRecorded recorded) {
        for (UUID recipient : recorded.recipientIds()) {
            inbox.tell(
                    recorded.organizationId(),
                    recipient,
                    "decision:" + recorded.decisionId() + ":" + recipient,
                    "DECISION_RECORDED",
                    recorded.authorName() + " recorded a decision that affects your team: " + recorded.title(),
                    "/decisions/" + recorded.decisionId());
        }
    }
}
