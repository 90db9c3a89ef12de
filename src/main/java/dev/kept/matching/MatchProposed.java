package dev.kept.matching;

import java.util.List;
import java.util.UUID;

/**
 * Published when a run of a matching program proposes people to each other, or offers someone
 * left unmatched a coach: each of {@code recipientIds} is asked to accept or decline. It carries no
 * reasons and nothing of anyone's profile; notifications name the program only.
 */
public record MatchProposed(
        UUID organizationId, UUID proposalId, String programName, boolean coachOffer, List<UUID> recipientIds) {

    public MatchProposed {
        recipientIds = List.copyOf(recipientIds);
    }
}
