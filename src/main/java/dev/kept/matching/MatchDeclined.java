package dev.kept.matching;

import java.util.List;
import java.util.UUID;

/**
 * Published when someone declines a match proposal: {@code otherIds} are the other people of it,
 * who take part in the program's next run. It does not say who declined.
 */
public record MatchDeclined(UUID organizationId, UUID proposalId, String programName, List<UUID> otherIds) {

    public MatchDeclined {
        otherIds = List.copyOf(otherIds);
    }
}
