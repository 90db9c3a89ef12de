package dev.kept.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team's track record over the last {@code months} calendar months, built only from what the
 * viewer sees through the team: the commitments of its current members whose visibility is among
 * {@code counted} (organization, and team when the viewer is a member), never anyone's private or
 * partners-only ones. Counts over things only their parties see (offers of help to or from one
 * person) are given only for a team of at least {@link #FEWEST_MEMBERS} members ({@code
 * help.shown}), where a count cannot single anyone out. Counted at {@code countedAt}, and shown
 * again to viewers who see the same until {@code kept.insights.team-fresh-for} has passed.
 */
public record TeamRecord(
        UUID teamId,
        String teamName,
        long members,
        int months,
        LocalDate from,
        LocalDate to,
        List<String> counted,
        Closings total,
        List<Closings.Month> byMonth,
        Risk risk,
        Goals goals,
        Thanks thanks,
        Help help,
        List<MovesWeek> moves,
        Instant countedAt) {

    /** Below this many members, counts of offers between single people are not shown. */
    public static final int FEWEST_MEMBERS = 5;

    /** Open commitments counted now, and those at risk. */
    public record Risk(long open, long atRisk, Share share) {}

    /**
     * The team's goals: its own ({@code teamGoals}) and those co-owned with other teams; the
     * commitments counted that serve any of them, from the team's members and from other teams.
     */
    public record Goals(long teamGoals, long coOwnedGoals, Contributions fromMembers, Contributions fromOtherTeams) {}

    /** Commitments serving the goals: all, open, closed and not dropped ({@code decided}), kept. */
    public record Contributions(long serving, long open, long decided, long kept, Share keptShare) {}

    /** Thanks across teams in the period: given by the team's members, and received by the team or its members. */
    public record Thanks(long given, long received) {}

    /**
     * Offers of help across teams in the period: to the team (every member sees them) and how many
     * it accepted; to one of its members and given by its members (null unless {@code shown}).
     */
    public record Help(long toTeam, long toTeamAccepted, Long toMembers, Long given, boolean shown) {}

    /** The everyday moves the team's members made in one ISO week, per move and in total. */
    public record MovesWeek(String week, LocalDate monday, int total, Map<String, Integer> byMove) {}
}
