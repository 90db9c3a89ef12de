package dev.kept.insights;

import dev.kept.insights.EffectStudy.Breakdown;
import dev.kept.insights.EffectStudy.Cell;
import dev.kept.insights.EffectStudy.Group;
import dev.kept.insights.EffectStudy.MatchingOutcome;
import dev.kept.insights.EffectStudy.TeamPage;
import dev.kept.insights.EffectStudyRows.Counted;
import dev.kept.insights.EffectStudyRows.Tally;
import dev.kept.people.Caller;
import dev.kept.shared.Cursor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's effect study ({@link EffectStudy}) for those {@link InsightViewers} allows:
 * the three groups, by month, by team a page at a time, serving goals or not, and the matching
 * programs' outcomes, in a fixed number of SQL statements whatever the organization's size; and the
 * same numbers as CSV.
 */
@Service
public class OrganizationInsights {

    /** How many teams a page of the study shows, the largest first. */
    public static final int TEAMS_PER_PAGE = 20;

    /** How many teams the CSV holds at most, the largest first. */
    static final int TEAMS_IN_CSV = 1000;

    private static final List<String> GROUPS = List.of(EffectStudy.ALONE, EffectStudy.SHARED, EffectStudy.MET);

    private final InsightViewers viewers;
    private final EffectStudyRows rows;
    private final Clock clock;

    OrganizationInsights(InsightViewers viewers, EffectStudyRows rows, Clock clock) {
        this.viewers = viewers;
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * The study of the commitments closed from {@code from} to {@code to} (ISO dates, both
     * included; by default the last twelve months), with the page of teams after {@code teams} (a
     * cursor from a previous answer, or none for the first). Anyone but an admin or a person they
     * allowed gets 404; a period that cannot be read gets 400 naming the field.
     */
    @Transactional(readOnly = true)
    public EffectStudy study(Caller caller, String from, String to, String teams) {
        return study(caller, from, to, teams, TEAMS_PER_PAGE);
    }

    /** The default period as of today, for a form to show. */
    public StudyPeriod defaultPeriod() {
        return StudyPeriod.of(null, null, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** The study as CSV, one line per cell and group, with every team (up to a thousand). */
    @Transactional(readOnly = true)
    public String csv(Caller caller, String from, String to) {
        return StudyCsv.of(study(caller, from, to, null, TEAMS_IN_CSV));
    }

    private EffectStudy study(Caller caller, String from, String to, String teams, int teamsPerPage) {
        viewers.requireViewer(caller);
        StudyPeriod period = StudyPeriod.of(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Cursor after =
                Cursor.orStart(teams, Long::parseLong, new Cursor(String.valueOf(Long.MAX_VALUE), new UUID(0, 0)));
        UUID organization = caller.organizationId();
        Map<String, Map<String, Map<String, Tally>>> counted =
                byDimension(rows.groupsMonthsAndGoals(organization, period));
        List<Group> groups = groups(counted.getOrDefault("ALL", Map.of()).getOrDefault("", Map.of()));
        return new EffectStudy(
                period.from(),
                period.to(),
                EffectStudy.Rules.STATED,
                groups,
                months(period, counted.getOrDefault("MONTH", Map.of())),
                teams(
                        rows.teams(
                                organization, period, Long.parseLong(after.position()), after.id(), teamsPerPage + 1),
                        teamsPerPage),
                goals(counted.getOrDefault("GOAL", Map.of())),
                matching(rows.matching(organization, period)));
    }

    /** The counted rows as dimension → cell → group → tally. */
    private static Map<String, Map<String, Map<String, Tally>>> byDimension(List<Counted> counted) {
        Map<String, Map<String, Map<String, Tally>>> all = new HashMap<>();
        for (Counted row : counted) {
            all.computeIfAbsent(row.dimension(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(row.cell(), c -> new HashMap<>())
                    .put(row.group(), row.tally());
        }
        return all;
    }

    private static List<Group> groups(Map<String, Tally> tallies) {
        Cell alone = Cell.of(tallies.getOrDefault(EffectStudy.ALONE, Tally.NONE));
        return GROUPS.stream()
                .map(group -> {
                    Cell cell = Cell.of(tallies.getOrDefault(group, Tally.NONE));
                    return new Group(
                            group,
                            EffectStudy.label(group),
                            cell,
                            group.equals(EffectStudy.ALONE) ? null : cell.timesAsOftenAs(alone),
                            EffectStudy.sentence(group, cell, alone));
                })
                .toList();
    }

    private static Breakdown breakdown(String key, String label, Map<String, Tally> tallies) {
        return new Breakdown(
                key,
                label,
                Cell.of(tallies.getOrDefault("*", Tally.NONE)),
                Cell.of(tallies.getOrDefault(EffectStudy.ALONE, Tally.NONE)),
                Cell.of(tallies.getOrDefault(EffectStudy.SHARED, Tally.NONE)),
                Cell.of(tallies.getOrDefault(EffectStudy.MET, Tally.NONE)));
    }

    /** Every month of the period, in order, those without a closed commitment too. */
    private static List<Breakdown> months(StudyPeriod period, Map<String, Map<String, Tally>> counted) {
        List<Breakdown> months = new ArrayList<>();
        YearMonth last = YearMonth.from(period.to());
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(last); month = month.plusMonths(1)) {
            String key = String.valueOf(month.getYear() * 100 + month.getMonthValue());
            String label = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month.getYear();
            months.add(breakdown(month.toString(), label, counted.getOrDefault(key, Map.of())));
        }
        return months;
    }

    private static List<Breakdown> goals(Map<String, Map<String, Tally>> counted) {
        return List.of(
                breakdown("SERVING_A_GOAL", "Serving a goal", counted.getOrDefault("1", Map.of())),
                breakdown("NO_GOAL", "Serving no goal", counted.getOrDefault("0", Map.of())));
    }

    private static TeamPage teams(List<Counted> counted, int limit) {
        record Team(UUID id, String name, long size) {}
        Map<Team, Map<String, Tally>> byTeam = new HashMap<>();
        for (Counted row : counted) {
            byTeam.computeIfAbsent(new Team(UUID.fromString(row.cell()), row.name(), row.size()), t -> new HashMap<>())
                    .put(row.group(), row.tally());
        }
        List<Team> order = byTeam.keySet().stream()
                .sorted(Comparator.comparingLong(Team::size).reversed().thenComparing(Team::id))
                .toList();
        List<Breakdown> items = order.stream()
                .limit(limit)
                .map(team -> breakdown(
                        team.id().equals(EffectStudyRows.NO_TEAM)
                                ? "NONE"
                                : team.id().toString(),
                        team.name() == null ? "No team" : team.name(),
                        byTeam.get(team)))
                .toList();
        String next = order.size() > limit
                ? new Cursor(
                                String.valueOf(order.get(limit - 1).size()),
                                order.get(limit - 1).id())
                        .encode()
                : null;
        return new TeamPage(items, next);
    }

    private static MatchingOutcome matching(List<Counted> counted) {
        Map<String, Tally> sides = new HashMap<>();
        counted.forEach(row -> sides.put(row.cell(), row.tally()));
        long people = sides.getOrDefault("PEOPLE", Tally.NONE).commitments();
        Cell before = Cell.of(sides.getOrDefault("BEFORE", Tally.NONE));
        Cell after = Cell.of(sides.getOrDefault("AFTER", Tally.NONE));
        return new MatchingOutcome(
                people,
                before,
                after,
                after.timesAsOftenAs(before),
                EffectStudy.matchingSentence(people, before, after));
    }
}
