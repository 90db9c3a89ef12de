package dev.kept.teams;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The map of a goal tree: for each goal (in tree order, with its depth), the teams that own it and
 * what each contributes, every team's contributing commitments as far as the viewer may see them
 * (the others counted per team, never shown), the open jeopardy flags, the help given and the thanks
 * on the goal and on those commitments.
 */
public record GoalMapView(UUID rootId, String rootTitle, List<Node> goals, Totals totals) {

    public record Node(
            UUID goalId,
            String title,
            LocalDate due,
            String teamName,
            int depth,
            List<Owner> owners,
            List<Lane> lanes,
            List<Signal> flags,
            List<Signal> help,
            List<Signal> thanks) {}

    /** A team that owns the goal and what it agreed to contribute. */
    public record Owner(UUID teamId, String teamName, String contribution) {}

    /** One team's commitments serving the goal: the visible ones, and how many more are hidden. */
    public record Lane(UUID teamId, String teamName, List<Item> commitments, long hidden) {}

    public record Item(
            UUID id,
            String what,
            String ownerName,
            LocalDate due,
            int percent,
            String confidence,
            String status,
            boolean atRisk,
            boolean overdue) {}

    /**
     * A flag, a help given or a thanks on the goal or on one of its visible commitments: who, what
     * about ({@code commitmentId} null when on the goal itself), a short text, and a link.
     */
    public record Signal(UUID id, UUID commitmentId, String who, String text, String link) {}

    /** The numbers over the whole tree, as far as the viewer sees them (hidden counted). */
    public record Totals(int teams, long commitments, long hidden, int openFlags, int help, int thanks) {}
}
