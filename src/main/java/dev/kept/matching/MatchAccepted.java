package dev.kept.matching;

import java.util.List;
import java.util.UUID;

/**
 * Published when everyone in a match proposal accepted it and their partnerships are formed:
 * {@code memberIds} are the people of the proposal.
 */
public record MatchAccepted(UUID organizationId, UUID proposalId, String programName, List<UUID> memberIds) {

    public MatchAccepted {
        memberIds = List.copyOf(memberIds);
    }
}
