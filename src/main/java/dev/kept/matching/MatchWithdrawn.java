package dev.kept.matching;

import java.util.List;
import java.util.UUID;

/**
 * Published when a match proposal is withdrawn because the rules of partnerships no longer allow
 * it: {@code memberIds} are its people, who take part in the program's next run. It does not say
 * which rule, since that may be someone's private declaration.
 */
public record MatchWithdrawn(UUID organizationId, UUID proposalId, String programName, List<UUID> memberIds) {

    public MatchWithdrawn {
        memberIds = List.copyOf(memberIds);
    }
}
