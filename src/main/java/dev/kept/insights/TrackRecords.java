package dev.kept.insights;

import dev.kept.access.AccessPolicy;
import dev.kept.access.Visibility;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.TeamSummary;
import dev.kept.people.Teams;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.PlanChoice;
import dev.kept.shared.RecentAnswers;
import dev.kept.transparency.EverydayMoves;
import dev.kept.transparency.MovesView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insights module's entry for track records: a person's own (their kept, on-time and
 * renegotiation rates by month, what is at risk now, their check-in streak and consistency, the
 * challenges they received) and a team's (its rates, what is at risk, its goals and who contributes
 * to them, thanks and help across teams, the everyday moves per week). Each is a bounded number of
 * SQL aggregates whatever the size of the organization. A guest sees neither; a team's record is
 * for its members and its lead, and anyone else gets 404 as if the team did not exist.
 */
@Service
public class TrackRecords {

    /** How many of the person's commitments at risk their page names. */
    static final int AT_RISK_NAMED = 5;

    /** The window of check-in consistency, in days. */
    static final int CHECK_IN_DAYS = 90;

    /** A check-in nobody recorded counts as missed this long after it started (it may still be recorded until then). */
    static final Duration RECORDING_GRACE = Duration.ofDays(2);

    /** How many ISO weeks of everyday moves a team's record shows, this week last. */
    static final int MOVE_WEEKS = 12;

    /** How many team records are kept at most: a few kinds of viewer for each team, and periods. */
    static final int MOST_TEAM_RECORDS = 2_000;

    /**
     * What a team's record depends on besides the team: the visibilities it counts and the
     * commitments the viewer sees through their own team (member or not, which team), the viewer's
     * time zone (months and weeks) and the number of months.
     */
    private record TeamKey(
            UUID teamId, List<String> counted, boolean member, UUID viewerTeam, String zone, int months) {}

    private final TrackRecordQueries queries;
    private final People people;
    private final Teams teams;
    private final AccessPolicy policy;
    private final EverydayMoves moves;
    private final PlanChoice plans;
    private final Clock clock;
    private final RecentAnswers<TeamKey, TeamRecord> teamRecords;

    TrackRecords(
            TrackRecordQueries queries,
            People people,
            Teams teams,
            AccessPolicy policy,
            EverydayMoves moves,
            PlanChoice plans,
            InsightProperties properties,
            Clock clock) {
        this.queries = queries;
        this.people = people;
        this.teams = teams;
        this.policy = policy;
        this.moves = moves;
        this.plans = plans;
        this.clock = clock;
        this.teamRecords = new RecentAnswers<>(properties.teamFreshFor(), MOST_TEAM_RECORDS);
    }

    /** The caller's own record over the last {@code months} months (null: 12; 1 to 36, else 400). */
    @Transactional(readOnly = true)
    public PersonRecord person(Caller caller, Integer months) {
        Person me = member(caller);
        ZoneId zone = ZoneId.of(me.getTimeZone());
        Period period = Period.lastMonths(months, zone, clock);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        UUID organization = caller.organizationId();
        TrackRecordQueries.Whose own =
                new TrackRecordQueries.Whose("c.owner_id = :owner", Map.of("owner", caller.personId()));
        Map<YearMonth, Closings.Counts> closed =
                queries.closedByMonth(organization, own, period.from(), period.to(), zone.getId());
        TrackRecordQueries.Risk risk = queries.risk(organization, own, today, now);
        List<PersonRecord.AtRisk.Item> named = risk.atRisk() == 0
                ? List.of()
                : queries.ownAtRisk(organization, caller.personId(), today, now, AT_RISK_NAMED).stream()
                        .map(item -> new PersonRecord.AtRisk.Item(item.id(), item.what(), item.due()))
                        .toList();
        TrackRecordQueries.CheckInCounts checkIns = queries.checkIns(
                organization,
                caller.personId(),
                now.minus(Duration.ofDays(CHECK_IN_DAYS)),
                now.minus(RECORDING_GRACE),
                now);
        List<PersonRecord.Challenges> challenges =
                queries.challenges(organization, caller.personId(), period.from(), period.to());
        long missed = checkIns.skipped() + checkIns.unrecorded();
        return new PersonRecord(
                caller.personId(),
                period.months(),
                period.firstDay(),
                period.lastDay(),
                zone.getId(),
                Closings.of(total(closed)),
                byMonth(period, closed),
                new PersonRecord.AtRisk(risk.open(), risk.atRisk(), named),
                new PersonRecord.CheckIns(
                        CHECK_IN_DAYS,
                        checkIns.streak(),
                        checkIns.held(),
                        checkIns.skipped(),
                        checkIns.unrecorded(),
                        Share.of(checkIns.held(), checkIns.held() + missed)),
                challenges);
    }

    /**
     * A team's record over the last {@code months} months, for its members and its lead (anyone
     * else, an unknown team included: 404). Its commitments are those of its current members that
     * the viewer sees through the team, as the access policy's {@link AccessPolicy.Audience} says:
     * organization-wide ones, and team ones when the viewer is a member. A teammate's private or
     * partners-only commitment never changes it, nor does the viewer's own.
     */
    @Transactional(readOnly = true)
    public TeamRecord team(Caller caller, UUID teamId, Integer months) {
        Person me = member(caller);
        TeamSummary team = teams.teamSummary(caller, teamId);
        if (!policy.canSeeTeamsWork(caller, Set.of(teamId))) {
            throw new NotFoundException("Team");
        }
        ZoneId zone = ZoneId.of(me.getTimeZone());
        Period period = Period.lastMonths(months, zone, clock);
        AccessPolicy.Audience audience = policy.audienceOf(caller);
        List<String> counted = Arrays.stream(Visibility.values())
                .filter(visibility -> audience.sees(visibility, teamId))
                .map(Enum::name)
                .toList();
        TeamKey key = new TeamKey(teamId, counted, audience.member(), audience.teamId(), zone.getId(), period.months());
        Instant now = clock.instant();
        return teamRecords
                .get(key, now, () -> countTeam(caller, team, zone, period, audience, counted, now))
                .value();
    }

    private TeamRecord countTeam(
            Caller caller,
            TeamSummary team,
            ZoneId zone,
            Period period,
            AccessPolicy.Audience audience,
            List<String> counted,
            Instant now) {
        UUID teamId = team.id();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        UUID organization = caller.organizationId();
        // each statement below walks the team's members; their generic plans walk the organization
        plans.customForThisTransaction();
        // on the owner joined as o, not as a sub-select of members: the statements then walk the
        // team's members and each one's commitments by index, never the organization's people
        TrackRecordQueries.Whose ofMembers = new TrackRecordQueries.Whose(
                "o.organization_id = :organization and o.team_id = :team and c.visibility in (:counted)",
                Map.of("team", teamId, "counted", counted));
        TrackRecordQueries.Whose seen = seenBy(audience);
        Map<YearMonth, Closings.Counts> closed =
                queries.closedByMonth(organization, ofMembers, period.from(), period.to(), zone.getId());
        TrackRecordQueries.Risk risk = queries.risk(organization, ofMembers, today, now);
        TrackRecordQueries.GoalCounts goals = queries.goals(organization, teamId);
        Map<Boolean, TrackRecordQueries.Contributions> contributions =
                queries.contributions(organization, teamId, seen);
        TrackRecordQueries.Thanks thanks = queries.thanks(organization, teamId, period.from(), period.to(), seen);
        TrackRecordQueries.Help help = queries.help(organization, teamId, period.from(), period.to());
        boolean helpShown = team.members() >= TeamRecord.FEWEST_MEMBERS;
        return new TeamRecord(
                teamId,
                team.name(),
                team.members(),
                period.months(),
                period.firstDay(),
                period.lastDay(),
                counted,
                Closings.of(total(closed)),
                byMonth(period, closed),
                new TeamRecord.Risk(risk.open(), risk.atRisk(), Share.of(risk.atRisk(), risk.open())),
                new TeamRecord.Goals(
                        goals.teamGoals(),
                        goals.coOwnedGoals(),
                        contributions(contributions.get(true)),
                        contributions(contributions.get(false))),
                new TeamRecord.Thanks(thanks.given(), thanks.received()),
                new TeamRecord.Help(
                        help.toTeam(),
                        help.toTeamAccepted(),
                        helpShown ? help.toMembers() : null,
                        helpShown ? help.given() : null,
                        helpShown),
                moves.teamWeeks(caller, teamId, MOVE_WEEKS).stream()
                        .map(TrackRecords::week)
                        .toList(),
                now);
    }

    /** The team the caller is in, if any: the one their own page links to. */
    @Transactional(readOnly = true)
    public UUID teamOf(Caller caller) {
        return member(caller).getTeamId();
    }

    /**
     * The commitments (aliased c, their owner o) the audience sees for being a member of the
     * organization and of their team, as {@link AccessPolicy.Audience#sees} decides: organization
     * ones, and team ones whose owner is in the viewer's team.
     */
    private static TrackRecordQueries.Whose seenBy(AccessPolicy.Audience audience) {
        if (!audience.member()) {
            return new TrackRecordQueries.Whose("1 = 0", Map.of());
        }
        if (audience.teamId() == null) {
            return new TrackRecordQueries.Whose("c.visibility = 'ORGANIZATION'", Map.of());
        }
        return new TrackRecordQueries.Whose(
                "(c.visibility = 'ORGANIZATION' or (c.visibility = 'TEAM' and o.team_id = :viewerTeam))",
                Map.of("viewerTeam", audience.teamId()));
    }

    private static TeamRecord.Contributions contributions(TrackRecordQueries.Contributions counts) {
        TrackRecordQueries.Contributions c = counts == null ? TrackRecordQueries.Contributions.NONE : counts;
        return new TeamRecord.Contributions(
                c.serving(), c.open(), c.decided(), c.kept(), Share.of(c.kept(), c.decided()));
    }

    private static TeamRecord.MovesWeek week(MovesView view) {
        Map<String, Integer> byMove = new LinkedHashMap<>();
        view.moves().forEach(move -> byMove.put(move.kind(), move.count()));
        return new TeamRecord.MovesWeek(view.week(), view.from(), view.total(), byMove);
    }

    private static Closings.Counts total(Map<YearMonth, Closings.Counts> months) {
        return months.values().stream().reduce(Closings.Counts.NONE, Closings.Counts::plus);
    }

    private static List<Closings.Month> byMonth(Period period, Map<YearMonth, Closings.Counts> closed) {
        List<Closings.Month> series = new ArrayList<>();
        for (YearMonth month : period.each()) {
            series.add(new Closings.Month(
                    month.toString(), Closings.of(closed.getOrDefault(month, Closings.Counts.NONE))));
        }
        return series;
    }

    private Person member(Caller caller) {
        if (!policy.canSeeGoals(caller)) {
            throw new NotFoundException("Insights");
        }
        return people.me(caller);
    }
}
