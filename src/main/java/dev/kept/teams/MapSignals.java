package dev.kept.teams;

import dev.kept.people.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the map shows beside the commitments: open jeopardy flags, help given and thanks, on the
 * goals of the tree and on the commitments the viewer sees, each read through its own entry so the
 * viewer gets only what they may see.
 */
@Component
class MapSignals {

    /** Everything found for one map, to be picked per goal. */
    record Found(List<Tagged> flags, List<Tagged> help, List<Tagged> thanks) {

        List<GoalMapView.Signal> flags(UUID goalId, Set<UUID> commitments) {
            return pick(flags, goalId, commitments);
        }

        List<GoalMapView.Signal> help(UUID goalId, Set<UUID> commitments) {
            return pick(help, goalId, commitments);
        }

        List<GoalMapView.Signal> thanks(UUID goalId, Set<UUID> commitments) {
            return pick(thanks, goalId, commitments);
        }

        private static List<GoalMapView.Signal> pick(List<Tagged> all, UUID goalId, Set<UUID> commitments) {
            List<GoalMapView.Signal> picked = new ArrayList<>();
            for (Tagged tagged : all) {
                if (tagged.goalId() != null
                        ? tagged.goalId().equals(goalId)
                        : commitments.contains(tagged.signal().commitmentId())) {
                    picked.add(tagged.signal());
                }
            }
            return picked;
        }
    }

    /** A signal on a goal ({@code goalId} set) or on a commitment (its id in the signal). */
    record Tagged(UUID goalId, GoalMapView.Signal signal) {}

    Found on(Caller caller, Collection<UUID> goalIds, Collection<UUID> commitmentIds) {
        return new Found(List.of(), List.of(), List.of());
    }
}
