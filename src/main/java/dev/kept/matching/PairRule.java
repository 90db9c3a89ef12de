package dev.kept.matching;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether two people may never be paired. The caller computes it from what the engine must
 * not see: the reporting line at any depth, declared competitors of either side, previous partners
 * when the program asks for it, and membership of another organization.
 *
 * <p>Implementations must be symmetric; the engine asks about each pair in one order only.
 */
@FunctionalInterface
public interface PairRule {

    boolean forbids(UUID a, UUID b);

    /** A rule that forbids nothing. */
    static PairRule none() {
        return (a, b) -> false;
    }

    /** Forbids exactly the given unordered pairs. */
    static PairRule forbiddenPairs(Collection<? extends Collection<UUID>> pairs) {
        Set<Set<UUID>> forbidden = new HashSet<>();
        for (Collection<UUID> pair : pairs) {
            forbidden.add(Set.copyOf(pair));
        }
        return (a, b) -> forbidden.contains(Set.of(a, b));
    }

    /** Forbids a pair when this rule or the other one does. */
    default PairRule or(PairRule other) {
        return (a, b) -> forbids(a, b) || other.forbids(a, b);
    }

    /**
     * The rule for one program: what is always forbidden, plus previous partners when the program
     * asks to avoid them.
     */
    static PairRule forProgram(ProgramRules rules, PairRule alwaysForbidden, PairRule previousPartners) {
        return rules.avoidPreviousPartners() ? alwaysForbidden.or(previousPartners) : alwaysForbidden;
    }
}
