package dev.kept.transparency;

import dev.kept.goals.ServingCommitment;
import dev.kept.goals.Tally;
import dev.kept.shared.PageAnswer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The map of a goal, summarized and opened one level at a time: the teams that own it and what
 * each contributes; each team's part in the goal and every goal beneath it ({@code lanes}: its
 * members' commitments counted by state, those the viewer may not see only as a count); the same
 * counts for the goal itself ({@code here}) and in all ({@code total}); the goals directly beneath
 * it ({@code children}), each with its owners, its counts and the address of its own map; the
 * first page of the commitments serving the goal itself that the viewer sees ({@code commitments},
 * {@code next} the address of the next page); and the
 * open jeopardy flags, the help given and the thanks on the goal and on the first page of the
 * commitments serving it that the viewer sees. Its size does not grow with the commitments.
 */
public record GoalMapView(
        UUID rootId,
        String rootTitle,
        LocalDate due,
        String teamName,
        UUID parentId,
        List<Owner> owners,
        List<Lane> lanes,
        Tally here,
        Tally total,
        List<Child> children,
        PageAnswer<ServingCommitment> commitments,
        List<Signal> flags,
        List<Signal> help,
        List<Signal> thanks,
        Totals totals) {

    /** The same map, with the next page of commitments at this address (null: none). */
    public GoalMapView withNextCommitments(String address) {
        return new GoalMapView(
                rootId,
                rootTitle,
                due,
                teamName,
                parentId,
                owners,
                lanes,
                here,
                total,
                children,
                new PageAnswer<>(commitments.items(), address),
                flags,
                help,
                thanks,
                totals);
    }

    /** A team that owns the goal and what it agreed to contribute. */
    public record Owner(UUID teamId, String teamName, String contribution) {}

    /**
     * One team's part: the commitments of its members serving the goal or one beneath it, counted
     * ({@code teamId} null: people in no team); {@code contribution} when the team owns the goal.
     */
    public record Lane(UUID teamId, String teamName, String contribution, Tally tally) {}

    /** A goal directly beneath, with its owners, its counts (with the goals beneath it) and its own map. */
    public record Child(
            UUID goalId,
            String title,
            LocalDate due,
            String teamName,
            long goalsBeneath,
            List<Owner> owners,
            Tally tally,
            String map) {}

    /**
     * A flag, a help given or a thanks on the goal or on one of its visible commitments: who, what
     * about ({@code commitmentId} null when on the goal itself), a short text, and a link.
     */
    public record Signal(UUID id, UUID commitmentId, String who, String text, String link) {}

    /** The numbers over the whole tree as far as the viewer sees them (hidden counted), and the signals shown. */
    public record Totals(int teams, long commitments, long hidden, int openFlags, int help, int thanks) {}
}
