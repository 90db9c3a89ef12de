package dev.kept.notifications;

import dev.kept.matching.MatchAccepted;
import dev.kept.matching.MatchDeclined;
import dev.kept.matching.MatchProposed;
import dev.kept.matching.MatchWithdrawn;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people in the app about their matches: a proposal or a coach offer to answer, a match
 * everyone accepted, a match declined or withdrawn. The texts name the program only; why two people fit is
 * shown on the match itself, to its people.
 */
@Component
class MatchingNotifications {

    private final Inbox inbox;

    MatchingNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(MatchProposed proposed) {
        String text = proposed.coachOffer()
                ? "You are offered a coach in " + proposed.programName() + "."
                : "You have a match to accept or decline in " + proposed.programName() + ".";
        for (UUID person : proposed.recipientIds()) {
            inbox.tell(
                    proposed.organizationId(),
                    person,
                    "match:" + proposed.proposalId() + ":" + person,
                    "MATCH_PROPOSED",
                    text,
                    link(proposed.proposalId()));
        }
    }

    @ApplicationModuleListener
    void on(MatchAccepted accepted) {
        for (UUID person : accepted.memberIds()) {
            inbox.tell(
                    accepted.organizationId(),
                    person,
                    "match-accepted:" + accepted.proposalId() + ":" + person,
                    "MATCH_ACCEPTED",
                    "Everyone accepted your match in " + accepted.programName() + ": you are partners now.",
                    "/partnerships");
        }
    }

    @ApplicationModuleListener
    void on(MatchDeclined declined) {
        for (UUID person : declined.otherIds()) {
            inbox.tell(
                    declined.organizationId(),
                    person,
                    "match-declined:" + declined.proposalId() + ":" + person,
                    "MATCH_DECLINED",
                    "Your match in " + declined.programName() + " was declined; the next run matches you again.",
                    link(declined.proposalId()));
        }
    }

    @ApplicationModuleListener
    void on(MatchWithdrawn withdrawn) {
        for (UUID person : withdrawn.memberIds()) {
            inbox.tell(
                    withdrawn.organizationId(),
                    person,
                    "match-withdrawn:" + withdrawn.proposalId() + ":" + person,
                    "MATCH_WITHDRAWN",
                    "Your match in " + withdrawn.programName()
                            + " can no longer be formed under the partnership rules; the next run matches you again.",
                    link(withdrawn.proposalId()));
        }
    }

    private static String link(UUID proposalId) {
        return "/matching/proposals/" + proposalId;
    }
}
