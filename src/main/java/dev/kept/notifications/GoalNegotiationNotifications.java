package dev.kept.notifications;

import dev.kept.goals.GoalNegotiated;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the leads and negotiators of the other teams of each step in a co-owned goal's negotiation. */
@Component
class GoalNegotiationNotifications {

    private final Inbox inbox;

    GoalNegotiationNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(GoalNegotiated step) {
        String goal = "\u201c" + step.goalTitle() + "\u201d";
        String text = step.agreed()
                ? "Every team has accepted the same terms: " + goal + " is co-owned now."
                : switch (step.step()) {
                    case "PROPOSED" ->
                        step.teamName() + " proposes to co-own " + goal
                                + " with your team: accept, counter-propose or decline.";
                    case "COUNTERED" ->
                        step.teamName() + " counter-proposes new terms for " + goal + " (round " + step.round() + ").";
                    case "ACCEPTED" ->
                        step.teamName() + " accepted the terms of round " + step.round() + " for " + goal + ".";
                    case "DECLINED" -> step.teamName() + " declined to co-own " + goal + ".";
                    default -> step.teamName() + " withdrew the proposal to co-own " + goal + ".";
                };
        String link = "/goals/" + step.goalId() + "/proposals/" + step.proposalId();
        for (UUID person : step.tell()) {
            inbox.tell(
                    step.organizationId(),
                    person,
                    "goal-proposal:" + step.proposalId() + ":" + step.round() + ":" + step.step() + ":" + step.teamId()
                            + ":" + person,
                    step.agreed() ? "GOAL_CO_OWNED" : "GOAL_PROPOSAL",
                    text,
                    link);
        }
    }
}
