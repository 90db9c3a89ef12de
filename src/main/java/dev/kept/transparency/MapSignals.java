package dev.kept.transparency;

import dev.kept.people.Caller;
import dev.kept.recognition.Kudos;
import dev.kept.recognition.KudosView;
import dev.kept.recognition.ThanksFor;
import dev.kept.teamwork.FlagView;
import dev.kept.teamwork.Flags;
import dev.kept.teamwork.HelpOffers;
import dev.kept.teamwork.TargetType;
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

    /** The most flags, accepted help offers and thanks read for one map, of each kind per kind of target. */
    static final int MOST = 100;

    private final Flags flags;
    private final HelpOffers help;
    private final Kudos kudos;

    MapSignals(Flags flags, HelpOffers help, Kudos kudos) {
        this.flags = flags;
        this.help = help;
        this.kudos = kudos;
    }

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
        List<Tagged> flagged = new ArrayList<>();
        for (TargetType type : List.of(TargetType.GOAL, TargetType.COMMITMENT)) {
            Collection<UUID> ids = type == TargetType.GOAL ? goalIds : commitmentIds;
            if (ids.isEmpty()) {
                continue;
            }
            flags.onTargets(caller, type, ids, MOST).stream()
                    .filter(FlagView::isOpen)
                    .forEach(flag -> flagged.add(tagged(
                            type,
                            flag.targetId(),
                            new GoalMapView.Signal(
                                    flag.id(),
                                    commitmentOf(type, flag.targetId()),
                                    flag.raisedByName(),
                                    flag.noticed(),
                                    "/flags/" + flag.id()))));
        }
        List<Tagged> helped = new ArrayList<>();
        for (TargetType type : List.of(TargetType.GOAL, TargetType.COMMITMENT)) {
            Collection<UUID> ids = type == TargetType.GOAL ? goalIds : commitmentIds;
            if (ids.isEmpty()) {
                continue;
            }
            help.acceptedOn(caller, type, ids, MOST)
                    .forEach(offer -> helped.add(tagged(
                            type,
                            offer.targetId(),
                            new GoalMapView.Signal(
                                    offer.id(),
                                    commitmentOf(type, offer.targetId()),
                                    offer.offeredByName() + " to " + offer.recipientName(),
                                    offer.what(),
                                    "/help-offers/" + offer.id()))));
        }
        List<Tagged> thanked = new ArrayList<>();
        for (ThanksFor kind : ThanksFor.values()) {
            Collection<UUID> ids = kind == ThanksFor.GOAL ? goalIds : commitmentIds;
            if (ids.isEmpty()) {
                continue;
            }
            TargetType type = kind == ThanksFor.GOAL ? TargetType.GOAL : TargetType.COMMITMENT;
            kudos.forTargets(caller, kind, ids, MOST)
                    .forEach(thanks -> thanked.add(tagged(
                            type,
                            thanks.forId(),
                            new GoalMapView.Signal(
                                    thanks.id(),
                                    commitmentOf(type, thanks.forId()),
                                    thanks.giverName() + " to " + recipient(thanks)
                                            + (thanks.acrossTeams() ? " (across teams)" : ""),
                                    thanks.message(),
                                    "/kudos"))));
        }
        return new Found(flagged, helped, thanked);
    }

    private static Tagged tagged(TargetType type, UUID targetId, GoalMapView.Signal signal) {
        return new Tagged(type == TargetType.GOAL ? targetId : null, signal);
    }

    private static UUID commitmentOf(TargetType type, UUID targetId) {
        return type == TargetType.COMMITMENT ? targetId : null;
    }

    private static String recipient(KudosView thanks) {
        return thanks.toPersonName() != null ? thanks.toPersonName() : thanks.toTeamName();
    }
}
