package dev.kept.insights;

import dev.kept.insights.EffectStudy.Breakdown;
import dev.kept.insights.EffectStudy.Cell;
import dev.kept.insights.EffectStudy.Group;
import dev.kept.insights.EffectStudy.MatchingOutcome;
import dev.kept.insights.EffectStudy.ProgramOutcome;
import dev.kept.insights.EffectStudy.TeamPage;
import dev.kept.insights.EffectStudyRows.Counted;
import dev.kept.insights.EffectStudyRows.MatchingTally;
import dev.kept.insights.EffectStudyRows.Tally;
import dev.kept.insights.EffectStudyRows.TeamTally;
import dev.kept.insights.StudySuppression.Slot;
import dev.kept.people.Caller;
import dev.kept.shared.Cursor;
import dev.kept.shared.RecentAnswers;
import dev.kept.shared.RecentAnswers.Answer;
import java.time.Clock;
import java.time.Instant;
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
 * programs' outcomes (everyone matched, and program by program), in a fixed number of SQL
 * statements whatever the organization's size; and the same numbers as CSV.
 */
@Service
public class OrganizationInsights {

    /** How many teams a page of the study shows, the largest first. */
    public static final int TEAMS_PER_PAGE = 20;

    /**
     * How many matching programs the study lists at most, the most people matched first: an
     * organization runs few, so they are not paged; the figures of any past these are hidden, and
     * counted as such when the listed ones are guarded.
     */
    public static final int PROGRAMS_LISTED = 50;

    /** The sides of a match, in the order of a row of the matching programs' table. */
    private static final List<String> MATCH_SIDES = List.of("BEFORE", "AFTER");

    /** How many teams the CSV holds at most, the largest first. */
    static final int TEAMS_IN_CSV = 1000;

    /** Room for this many counted studies (an organization, a period and a page of teams each). */
    static final int MOST_STUDIES = 1000;

    /** What one counted study is for: the same for every viewer of the organization. */
    private record Key(UUID organizationId, StudyPeriod period, String teams, int teamsPerPage) {}

    private final InsightViewers viewers;
    private final EffectStudyRows rows;
    private final Clock clock;
    private final RecentAnswers<Key, EffectStudy> counted;

    OrganizationInsights(InsightViewers viewers, EffectStudyRows rows, Clock clock, InsightProperties properties) {
        this.viewers = viewers;
        this.rows = rows;
        this.clock = clock;
        this.counted = new RecentAnswers<>(properties.studyFreshFor(), MOST_STUDIES);
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

    /**
     * The study as counted at most {@link InsightProperties#studyFreshFor()} ago, or counted now: it
     * sums every commitment the organization closed in the period, the same for every viewer.
     */
    private EffectStudy study(Caller caller, String from, String to, String teams, int teamsPerPage) {
        viewers.requireViewer(caller);
        Instant now = clock.instant();
        StudyPeriod period = StudyPeriod.of(from, to, LocalDate.ofInstant(now, ZoneOffset.UTC));
        Cursor after =
                Cursor.orStart(teams, Long::parseLong, new Cursor(String.valueOf(Long.MAX_VALUE), new UUID(0, 0)));
        Answer<EffectStudy> answer = counted.get(
                new Key(caller.organizationId(), period, after.encode(), teamsPerPage),
                now,
                () -> count(caller.organizationId(), period, after, teamsPerPage));
        return answer.value().countedAt(answer.computedAt());
    }

    private EffectStudy count(UUID organization, StudyPeriod period, Cursor after, int teamsPerPage) {
        Map<String, Map<String, Map<String, Tally>>> tallies =
                byDimension(rows.groupsMonthsAndGoals(organization, period));
        Slot[] overall =
                StudySuppression.row(tallies.getOrDefault("ALL", Map.of()).getOrDefault("", Map.of()), 0);
        StudySuppression.guardRow(overall);
        return new EffectStudy(
                period.from(),
                period.to(),
                EffectStudy.Rules.STATED,
                groups(overall),
                months(period, tallies.getOrDefault("MONTH", Map.of()), overall),
                teams(
                        rows.teams(
                                organization, period, Long.parseLong(after.position()), after.id(), teamsPerPage + 1),
                        teamsPerPage,
                        overall),
                goals(tallies.getOrDefault("GOAL", Map.of()), overall),
                matching(rows.matching(organization, period, PROGRAMS_LISTED)),
                null);
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

    /** The three groups of the overall row, already guarded against the period's whole. */
    private static List<Group> groups(Slot[] overall) {
        Cell alone = overall[1].cell();
        List<Group> groups = new ArrayList<>();
        for (int column = 1; column < StudySuppression.COLUMNS.size(); column++) {
            String group = StudySuppression.COLUMNS.get(column);
            Cell cell = overall[column].cell();
            groups.add(new Group(
                    group,
                    EffectStudy.label(group),
                    cell,
                    group.equals(EffectStudy.ALONE) ? null : cell.timesAsOftenAs(alone),
                    EffectStudy.sentence(group, cell, alone)));
        }
        return groups;
    }

    private static Breakdown breakdown(String key, String label, Slot[] row) {
        return new Breakdown(key, label, row[0].cell(), row[1].cell(), row[2].cell(), row[3].cell());
    }

    /** Every month of the period, in order, those without a closed commitment too. */
    private static List<Breakdown> months(StudyPeriod period, Map<String, Map<String, Tally>> counted, Slot[] overall) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(period.to());
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        List<Slot[]> table = new ArrayList<>();
        for (YearMonth month : months) {
            String key = String.valueOf(month.getYear() * 100 + month.getMonthValue());
            table.add(StudySuppression.row(counted.getOrDefault(key, Map.of()), table.size()));
        }
        StudySuppression.guardTable(table, null, overall, StudySuppression.Owners.LARGEST);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i);
            String label = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month.getYear();
            breakdowns.add(breakdown(month.toString(), label, table.get(i)));
        }
        return breakdowns;
    }

    private static List<Breakdown> goals(Map<String, Map<String, Tally>> counted, Slot[] overall) {
        Slot[] serving = StudySuppression.row(counted.getOrDefault("1", Map.of()), 0);
        Slot[] not = StudySuppression.row(counted.getOrDefault("0", Map.of()), 1);
        StudySuppression.guardTable(List.of(serving, not), null, overall, StudySuppression.Owners.LARGEST);
        return List.of(
                breakdown("SERVING_A_GOAL", "Serving a goal", serving), breakdown("NO_GOAL", "Serving no goal", not));
    }

    /**
     * The page of teams, guarded with the teams read beside it (the smallest shown of each group) and
     * the hidden figures of all the others, so that every page shows what the whole list would.
     */
    private static TeamPage teams(List<TeamTally> counted, int limit, Slot[] overall) {
        record Team(UUID id, String name, long size, int pagePlace) {}
        Map<Team, Map<String, Tally>> byTeam = new LinkedHashMap<>();
        Map<Team, Map<String, Long>> ranks = new HashMap<>();
        Map<String, Tally> rest = new HashMap<>();
        for (TeamTally row : counted) {
            if (row.team() == null) {
                rest.put(row.group(), row.tally());
                continue;
            }
            Team team = new Team(row.team(), row.name(), row.size(), row.pagePlace());
            byTeam.computeIfAbsent(team, t -> new HashMap<>()).put(row.group(), row.tally());
            ranks.computeIfAbsent(team, t -> new HashMap<>()).put(row.group(), row.rank());
        }
        Map<Team, Slot[]> slots = new LinkedHashMap<>();
        byTeam.forEach((team, tallies) -> slots.put(team, teamRow(tallies, ranks.get(team))));
        StudySuppression.guardTable(
                List.copyOf(slots.values()),
                StudySuppression.COLUMNS.stream()
                        .map(column -> Slot.hiddenOnly(rest.getOrDefault(column, Tally.NONE)))
                        .toArray(Slot[]::new),
                overall,
                StudySuppression.Owners.SUMMED);
        List<Team> order = byTeam.keySet().stream()
                .filter(team -> team.pagePlace() > 0)
                .sorted(Comparator.comparingInt(Team::pagePlace))
                .toList();
        List<Breakdown> items = order.stream()
                .limit(limit)
                .map(team -> breakdown(
                        team.id().equals(EffectStudyRows.NO_TEAM)
                                ? "NONE"
                                : team.id().toString(),
                        team.name() == null ? "No team" : team.name(),
                        slots.get(team)))
                .toList();
        String next = order.size() > limit
                ? new Cursor(
                                String.valueOf(order.get(limit - 1).size()),
                                order.get(limit - 1).id())
                        .encode()
                : null;
        return new TeamPage(items, next);
    }

    /** A team's slots, each placed by its rank among the shown figures of its group, as the SQL gave it. */
    private static Slot[] teamRow(Map<String, Tally> tallies, Map<String, Long> ranks) {
        return StudySuppression.COLUMNS.stream()
                .map(column ->
                        new Slot(tallies.getOrDefault(column, Tally.NONE), ranks.getOrDefault(column, Long.MAX_VALUE)))
                .toArray(Slot[]::new);
    }

    /**
     * Everyone matched, before and after their first match, and each listed program the same way,
     * its figures guarded against everyone's (with the hidden figures of the programs not listed),
     * so that no program's hidden figure can be worked out by subtraction from the row of everyone.
     */
    private static MatchingOutcome matching(List<MatchingTally> counted) {
        record Program(UUID id, String name, long place, long people) {}
        Map<String, Tally> everyone = new HashMap<>();
        Map<String, Tally> rest = new HashMap<>();
        Map<Program, Map<String, Tally>> programs = new LinkedHashMap<>();
        long people = 0;
        long notListed = 0;
        for (MatchingTally row : counted) {
            boolean count = row.side().isEmpty();
            switch (row.scope()) {
                case "ALL" -> {
                    if (count) {
                        people = row.count();
                    } else {
                        everyone.put(row.side(), row.tally());
                    }
                }
                case "REST" -> {
                    if (count) {
                        notListed = row.count();
                    } else {
                        rest.put(row.side(), row.tally());
                    }
                }
                default -> {
                    Map<String, Tally> sides = programs.computeIfAbsent(
                            new Program(row.program(), row.name(), row.place(), row.count()), p -> new HashMap<>());
                    if (!count) {
                        sides.put(row.side(), row.tally());
                    }
                }
            }
        }
        Slot[] totals = sides(everyone, 0);
        List<Program> order = programs.keySet().stream()
                .sorted(Comparator.comparingLong(Program::place))
                .toList();
        List<Slot[]> table = new ArrayList<>();
        order.forEach(program -> table.add(sides(programs.get(program), program.place())));
        StudySuppression.guardColumns(
                table,
                notListed == 0
                        ? null
                        : MATCH_SIDES.stream()
                                .map(side -> Slot.hiddenOnly(rest.getOrDefault(side, Tally.NONE)))
                                .toArray(Slot[]::new),
                totals,
                StudySuppression.Owners.LARGEST);
        List<ProgramOutcome> byProgram = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Program program = order.get(i);
            Cell before = table.get(i)[0].cell();
            Cell after = table.get(i)[1].cell();
            byProgram.add(new ProgramOutcome(
                    program.id().toString(),
                    program.name(),
                    program.people(),
                    before,
                    after,
                    after.timesAsOftenAs(before)));
        }
        Cell before = totals[0].cell();
        Cell after = totals[1].cell();
        return new MatchingOutcome(
                people,
                before,
                after,
                after.timesAsOftenAs(before),
                EffectStudy.matchingSentence(people, before, after),
                byProgram,
                notListed);
    }

    private static Slot[] sides(Map<String, Tally> tallies, long place) {
        return MATCH_SIDES.stream()
                .map(side -> new Slot(tallies.getOrDefault(side, Tally.NONE), place))
                .toArray(Slot[]::new);
    }
}
