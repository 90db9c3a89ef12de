package dev.kept.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.insights.EffectStudyRows.Tally;
import dev.kept.insights.StudySuppression.Owners;
import dev.kept.insights.StudySuppression.Slot;
import dev.kept.people.PeopleFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Complementary suppression of the effect study: no sum of shown cells gives back a cell of too
 * few. Each case is a small organization whose commitments close on the 15th of a month of 2025,
 * made alone unless said otherwise; the period is January to March 2025. After the asserts of each
 * case, {@link #assertNoSumGivesAHiddenCellBack} checks every sum the study shows: its total less its
 * shown parts is none or at least 5 commitments.
 */
@KeptApiTest
class StudySuppressionTests {

    private static final String API = "/api/v1/insights/organization?from=2025-01-01&to=2025-03-31";

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    Account admin;
    PeopleFixtures people;
    EffectStudyFixtures commitments;

    @BeforeEach
    void organization() {
        admin = api.signUp();
        people = new PeopleFixtures(jdbc);
        commitments = new EffectStudyFixtures(jdbc, admin.organizationId(), admin.personId());
    }

    @Test
    void hidesASecondMonthWhenTheOthersWouldGiveOneBack() {
        List<UUID> owners = team("Crew", 3);
        // January and February: 2 each of the three (6, shown); March: 2 of the first alone (too few)
        for (int month = 1; month <= 2; month++) {
            for (UUID owner : owners) {
                close(owner, month, 2);
            }
        }
        close(owners.get(0), 3, 2);

        JsonNode study = study();
        JsonNode months = study.get("byMonth");

        assertThat(tooFew(months.get(2), "all")).isTrue();
        // 14 less January's 6 and February's 6 would be March's 2: one of them is hidden too
        assertThat(hidden(months, "all")).hasSize(2).contains("2025-03");
        assertThat(hidden(months, "alone")).hasSize(2).contains("2025-03");
        assertThat(group(study, EffectStudy.ALONE).get("commitments").asLong()).isEqualTo(14);
        assertThat(14 - shown(months, "all")).isEqualTo(8);
        assertNoSumGivesAHiddenCellBack(study, 14);
    }

    @Test
    void hidesASecondTeamAcrossThePagesOfTeams() {
        // 21 teams of 3 owners with 2 commitments each (6, shown) and Tiny, one owner's 2
        for (int t = 0; t < 21; t++) {
            for (UUID owner : team("Team " + (char) ('A' + t), 3)) {
                close(owner, 1, 2);
            }
        }
        close(team("Tiny", 1).get(0), 1, 2);

        JsonNode first = study();
        JsonNode firstPage = first.get("byTeam");
        String next = firstPage.get("next").asString();
        JsonNode secondPage = api.get(admin.token(), next.substring(next.indexOf("/api/v1/")))
                .expect(200)
                .json()
                .get("byTeam");
        List<JsonNode> teams = new ArrayList<>();
        firstPage.get("items").forEach(teams::add);
        secondPage.get("items").forEach(teams::add);

        assertThat(firstPage.get("items")).hasSize(20);
        assertThat(secondPage.get("items")).hasSize(2);
        assertThat(secondPage.get("next").isNull()).isTrue();
        assertThat(teams.stream().map(team -> team.get("key").asString()).distinct())
                .as("no team on both pages")
                .hasSize(22);
        // the period's 128 less the 21 other teams' 126 would be Tiny's 2: one more team is hidden,
        // the same one whichever page is read
        List<String> hidden = teams.stream()
                .filter(team -> tooFew(team, "all"))
                .map(team -> team.get("label").asString())
                .toList();
        assertThat(hidden).hasSize(2).contains("Tiny");
        assertThat(teams.stream()
                        .filter(team -> tooFew(team, "alone"))
                        .map(team -> team.get("label").asString()))
                .containsExactlyInAnyOrderElementsOf(hidden);
        assertThat(128 - shown(teams, "all")).isEqualTo(8);
        assertNoSumGivesAHiddenCellBack(first, 128);
        assertSumsOf(teams, first, 128);

        String csv = api.getPageCounted(
                        api.pageSession(admin), "/insights/organization.csv?from=2025-01-01&to=2025-03-31", "csv")
                .body();
        List<String> tooFew = csv.lines()
                .filter(line -> line.startsWith("team,") && line.contains(",ALL,") && line.endsWith("too few"))
                .map(line -> line.split(",")[1])
                .toList();
        assertThat(tooFew).containsExactlyInAnyOrderElementsOf(hidden);
        assertThat(csv.lines().filter(line -> line.startsWith("team,") && line.contains(",ALL,")))
                .hasSize(22);
    }

    @Test
    void hidesTheOtherSideOfServingAGoalOrNot() {
        List<UUID> owners = team("Crew", 4);
        UUID goal = commitments.goal();
        // serving the goal: 3 of the first (too few); not: the four's 10
        for (int i = 0; i < 3; i++) {
            commitments.commitment(owners.get(0), made(), closed(1), "KEPT", goal, null);
        }
        for (int i = 0; i < 10; i++) {
            close(owners.get(i % 4), 1 + i % 3, 1);
        }

        JsonNode study = study();
        JsonNode goals = study.get("byGoal");

        // 13 less the 10 not serving a goal would be the 3 serving one
        assertThat(tooFew(goals.get(0), "all")).isTrue();
        assertThat(tooFew(goals.get(1), "all")).isTrue();
        assertThat(tooFew(goals.get(1), "alone")).isTrue();
        assertThat(group(study, EffectStudy.ALONE).get("commitments").asLong()).isEqualTo(13);
        assertNoSumGivesAHiddenCellBack(study, 13);
    }

    @Test
    void hidesASecondGroupOfAShownMonthAndWhatThatOpensInTheGroupsColumn() {
        List<UUID> owners = team("Crew", 4);
        // January: 6 alone of three owners, 2 made to the admin by the fourth (too few), 8 in all
        // February: 6 alone and 6 made to the admin, of three owners each
        for (UUID owner : owners.subList(0, 3)) {
            close(owner, 1, 2);
            close(owner, 2, 2);
            madeToTheAdmin(owner, 2, 2);
        }
        madeToTheAdmin(owners.get(3), 1, 2);

        JsonNode study = study();
        JsonNode months = study.get("byMonth");

        // January's 8 less its 6 alone would be its 2 shared: January's alone is hidden too
        assertThat(tooFew(months.get(0), "all")).isFalse();
        assertThat(tooFew(months.get(0), "shared")).isTrue();
        assertThat(tooFew(months.get(0), "alone")).isTrue();
        // the 8 shared less February's 6 would be January's 2: February's shared is hidden too
        assertThat(group(study, EffectStudy.SHARED).get("commitments").asLong()).isEqualTo(8);
        assertThat(tooFew(months.get(1), "shared")).isTrue();
        assertThat(commitments(months.get(1), "alone")).isEqualTo(6);
        assertThat(commitments(months.get(1), "all")).isEqualTo(12);
        assertNoSumGivesAHiddenCellBack(study, 20);
    }

    @Test
    void hidesNothingMoreWhenTheHiddenCellsTogetherAreEnough() {
        List<UUID> owners = team("Crew", 4);
        // January: 6 of three owners (shown); February: 4 of the same three; March: 2 of the fourth
        for (UUID owner : owners.subList(0, 3)) {
            close(owner, 1, 2);
        }
        close(owners.get(0), 2, 2);
        close(owners.get(1), 2, 1);
        close(owners.get(2), 2, 1);
        close(owners.get(3), 3, 2);

        JsonNode study = study();
        JsonNode months = study.get("byMonth");

        // February and March together: 6 commitments of at least 3 owners, enough
        assertThat(hidden(months, "all")).containsExactly("2025-02", "2025-03");
        assertThat(commitments(months.get(0), "all")).isEqualTo(6);
        assertThat(commitments(months.get(0), "alone")).isEqualTo(6);
        assertThat(study.get("byTeam")
                        .get("items")
                        .get(0)
                        .get("all")
                        .get("commitments")
                        .asLong())
                .isEqualTo(12);
        assertThat(study.get("byGoal").get(1).get("alone").get("commitments").asLong())
                .isEqualTo(12);
        assertNoSumGivesAHiddenCellBack(study, 12);
    }

    @Test
    void hidesAProgramOfTooFewWithTheProgramThatWouldGiveItBack() {
        // Big matched four people, Mid three, Small two, each on 1 February. Before: each of Big's first
        // three closes 3 in January (9), each of Mid's 2 (6), each of Small's 1 (2, too few). After: 3
        // each of Big's first three in March (9), 2 each of Mid's (6), 3 each of Small's (6 of 2 owners,
        // too few)
        List<UUID> big = team("Big", 4);
        List<UUID> mid = team("Mid", 3);
        List<UUID> small = team("Small", 2);
        big.subList(0, 3).forEach(owner -> {
            close(owner, 1, 3);
            close(owner, 3, 3);
        });
        mid.forEach(owner -> {
            close(owner, 1, 2);
            close(owner, 3, 2);
        });
        small.forEach(owner -> {
            close(owner, 1, 1);
            close(owner, 3, 3);
        });
        matched("Big program", big);
        matched("Mid program", mid);
        matched("Small program", small);

        JsonNode matching = study().get("matching");
        JsonNode programs = matching.get("byProgram");

        assertThat(programs.valueStream().map(program -> program.get("name").asString()))
                .containsExactly("Big program", "Mid program", "Small program");
        assertThat(programs.valueStream()
                        .map(program -> program.get("peopleMatched").asLong()))
                .containsExactly(4L, 3L, 2L);
        // everyone matched: 17 before and 21 after, each side of at least 3 owners
        assertThat(matching.get("before").get("commitments").asLong()).isEqualTo(17);
        assertThat(matching.get("after").get("commitments").asLong()).isEqualTo(21);
        // 17 less Big's 9 and Mid's 6 would be Small's 2: Mid's before is hidden too (8 of 3 owners
        // together); 21 less 9 and 6 would be Small's 6 of 2 owners: Mid's after is hidden too
        for (String side : List.of("before", "after")) {
            assertThat(tooFew(programs.get(2), side)).as("Small " + side).isTrue();
            assertThat(tooFew(programs.get(1), side)).as("Mid " + side).isTrue();
            assertThat(commitments(programs.get(0), side)).as("Big " + side).isEqualTo(9);
            assertRemainder(matching.get(side).get("commitments").asLong(), shown(programs, side), "programs " + side);
        }
        assertThat(programs.get(1).get("timesAsOftenAsBefore").isNull()).isTrue();

        String csv = api.getPageCounted(
                        api.pageSession(admin), "/insights/organization.csv?from=2025-01-01&to=2025-03-31", "csv")
                .body();
        assertThat(csv.lines().filter(line -> line.startsWith("program,") && line.endsWith("too few")))
                .hasSize(4)
                .noneMatch(line -> line.startsWith("program,Big program"));
        String page = api.getPageCounted(
                        api.pageSession(admin), "/insights/organization?from=2025-01-01&to=2025-03-31", "page")
                .body();
        String table = page.substring(page.indexOf("<table id=\"programs\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains("Small program").contains("Mid program").doesNotContain("of 6<");
        assertThat(table.split("of 9<", -1)).hasSize(3);
        assertThat(table.split(">too few<", -1)).hasSize(5);
    }

    @Test
    void countsTheProgramsPastTheListedOnesAsHidden() {
        // The trio r1, r2, r3 was matched on 1 February by 50 programs, p by one more (offered a coach,
        // who is not a participant): it is past the 50, which matched more people. Each of the trio
        // closes 2 in January and 2 in March; p 2 in January
        List<UUID> trio = team("Trio", 3);
        UUID p = team("Single", 1).get(0);
        UUID coach = team("Coaches", 1).get(0);
        trio.forEach(owner -> {
            close(owner, 1, 2);
            close(owner, 3, 2);
        });
        close(p, 1, 2);
        for (int i = 0; i < OrganizationInsights.PROGRAMS_LISTED; i++) {
            matched(String.format("Program %02d", i), trio);
        }
        EffectStudyFixtures.Program coached = commitments.program("Zeta coaching", List.of(p));
        commitments.proposal(coached, "COACH", "ACCEPTED", Instant.parse("2025-02-01T00:00:00Z"), List.of(p, coach));

        JsonNode matching = study().get("matching");
        JsonNode programs = matching.get("byProgram");

        assertThat(programs).hasSize(OrganizationInsights.PROGRAMS_LISTED);
        assertThat(matching.get("programsNotListed").asLong()).isEqualTo(1);
        assertThat(programs.valueStream().map(program -> program.get("name").asString()))
                .doesNotContain("Zeta coaching");
        assertThat(matching.get("peopleMatched").asLong()).isEqualTo(4);
        assertThat(matching.get("before").get("commitments").asLong()).isEqualTo(8);
        // each listed program shows 6 before, by itself enough; but p's 2 are hidden, not listed, so one
        // of the 6 is hidden with them (8 of at least 3 owners); after, p closed none: nothing to hide
        assertThat(programs.valueStream().filter(program -> tooFew(program, "before")))
                .singleElement()
                .satisfies(program -> assertThat(program.get("name").asString()).isEqualTo("Program 00"));
        assertThat(programs.valueStream().filter(program -> tooFew(program, "after")))
                .isEmpty();
        assertThat(programs.get(1).get("before").get("commitments").asLong()).isEqualTo(6);

        String page = api.getPageCounted(
                        api.pageSession(admin), "/insights/organization?from=2025-01-01&to=2025-03-31", "page")
                .body();
        assertThat(page).contains("Programs not listed: 1. Only the 50 that matched the most people are");
    }

    @Test
    void statesTheRuleInTheApi() {
        assertThat(study().get("rules").get("hiddenTogether").asString())
                .contains("never give away a hidden one by subtraction")
                .contains("fewer than 5 commitments or fewer than 3 different owners");
    }

    // In memory: the rows are months (owners may be in several) unless said otherwise.

    @Test
    void hidesTheSmallestShownGroupOfARowWhenOneHiddenGroupWouldBeGivenBack() {
        Slot[] row = row(tally(9, 4), tally(6, 3), tally(2, 1), tally(1, 1));

        StudySuppression.guardRow(row);

        // 2 and 1 hidden: 3 commitments, too few, so the 6 alone is hidden too
        assertThat(hiddenOf(row)).containsExactly(false, true, true, true);
    }

    @Test
    void hidesAGroupOfARowWhoseWholeWasHiddenWhenItsGroupsWouldAddUpToIt() {
        // teams: Tiny 2 of one owner; A 10 (5 alone, 5 shared, three owners each); B 20
        Slot[] tiny = row(tally(2, 1), tally(2, 1), tally(0, 0), tally(0, 0));
        Slot[] a = row(tally(10, 6), tally(5, 3), tally(5, 3), tally(0, 0));
        Slot[] b = row(tally(20, 8), tally(10, 4), tally(10, 4), tally(0, 0));
        Slot[] total = row(tally(32, 15), tally(17, 8), tally(15, 7), tally(0, 0));

        StudySuppression.guardTable(List.of(tiny, a, b), null, total, Owners.SUMMED);

        // A's whole is hidden so that 32 − 10 − 20 does not give Tiny's 2; its 5 + 5 would give it back,
        // so its smallest group is hidden too; 2 and 5 hidden alone are then enough together
        assertThat(hiddenOf(a)).containsExactly(true, true, false, true);
        assertThat(hiddenOf(b)).containsExactly(false, false, false, true);
    }

    @Test
    void countsOwnersOfTeamsTogetherButOfMonthsOnlyAsTheLargest() {
        // two hidden cells: 3 commitments of 2 owners and 3 of 1; a shown one of 10
        List<Slot[]> months = List.of(
                row(tally(3, 2), tally(3, 2), tally(0, 0), tally(0, 0)),
                row(tally(3, 1), tally(3, 1), tally(0, 0), tally(0, 0)),
                row(tally(10, 5), tally(10, 5), tally(0, 0), tally(0, 0)));
        List<Slot[]> teams = List.of(
                row(tally(3, 2), tally(3, 2), tally(0, 0), tally(0, 0)),
                row(tally(3, 1), tally(3, 1), tally(0, 0), tally(0, 0)),
                row(tally(10, 5), tally(10, 5), tally(0, 0), tally(0, 0)));
        Slot[] total = row(tally(16, 7), tally(16, 7), tally(0, 0), tally(0, 0));

        StudySuppression.guardTable(months, null, total, Owners.LARGEST);
        StudySuppression.guardTable(teams, null, total, Owners.SUMMED);

        // months: the owners of the two hidden may be the same two, so the 10 is hidden too; teams'
        // owners are different people: 6 of 3 is enough
        assertThat(hiddenOf(months.get(2))[0]).isTrue();
        assertThat(hiddenOf(teams.get(2))[0]).isFalse();
    }

    @Test
    void guardsTheProgramsColumnByColumnWithTheHiddenFiguresOfThoseNotListed() {
        // before and after: a listed program of 10 before (5 owners) and 2 after (1 owner); those not
        // listed 3 before (2 owners) and nothing after; everyone matched 13 and 2
        Slot[] listed = {new Slot(tally(10, 5), 1), new Slot(tally(2, 1), 1)};
        Slot[] rest = {Slot.hiddenOnly(tally(3, 2)), Slot.hiddenOnly(Tally.NONE)};
        Slot[] everyone = {new Slot(tally(13, 6), 0), new Slot(tally(2, 1), 0)};

        StudySuppression.guardColumns(List.<Slot[]>of(listed), rest, everyone, Owners.LARGEST);

        // 13 less 10 would be the 3 not listed; after is too few itself, and so is everyone's
        assertThat(hiddenOf(listed)).containsExactly(true, true);
        assertThat(hiddenOf(everyone)).containsExactly(false, true);
    }

    @Test
    void guardsAgainstTheHiddenFiguresOfTeamsNotRead() {
        Slot[] read = row(tally(10, 5), tally(10, 5), tally(0, 0), tally(0, 0));
        Slot[] rest = StudySuppression.COLUMNS.stream()
                .map(column -> Slot.hiddenOnly(
                        column.equals("*") || column.equals(EffectStudy.ALONE) ? tally(2, 1) : Tally.NONE))
                .toArray(Slot[]::new);
        Slot[] total = row(tally(12, 6), tally(12, 6), tally(0, 0), tally(0, 0));

        StudySuppression.guardTable(List.<Slot[]>of(read), rest, total, Owners.SUMMED);

        assertThat(hiddenOf(read)).containsExactly(true, true, true, true);
    }

    /**
     * Every sum the study shows: the months, the goal or not and the teams of each group whose total is
     * shown, and of the whole ({@code wholePeriod}); the groups of each cell whose whole is shown.
     */
    private void assertNoSumGivesAHiddenCellBack(JsonNode study, long wholePeriod) {
        assertSumsOf(study.get("byMonth"), study, wholePeriod);
        assertSumsOf(study.get("byGoal"), study, wholePeriod);
        if (study.get("byTeam").get("next").isNull()) {
            assertSumsOf(study.get("byTeam").get("items"), study, wholePeriod);
        }
    }

    private void assertSumsOf(Iterable<JsonNode> rows, JsonNode study, long wholePeriod) {
        assertRemainder(wholePeriod, shown(rows, "all"), "the whole");
        for (String group : List.of(EffectStudy.ALONE, EffectStudy.SHARED, EffectStudy.MET)) {
            JsonNode total = group(study, group);
            if (!total.get("tooFew").asBoolean()) {
                assertRemainder(total.get("commitments").asLong(), shown(rows, field(group)), group);
            }
        }
        for (JsonNode row : rows) {
            if (!row.get("all").get("tooFew").asBoolean()) {
                long groups = List.of("alone", "shared", "met").stream()
                        .map(row::get)
                        .filter(cell -> !cell.get("tooFew").asBoolean())
                        .mapToLong(cell -> cell.get("commitments").asLong())
                        .sum();
                assertRemainder(
                        row.get("all").get("commitments").asLong(),
                        groups,
                        row.get("key").asString());
            }
        }
    }

    private static void assertRemainder(long total, long shown, String of) {
        assertThat(total - shown)
                .as("what the shown parts of %s leave", of)
                .satisfiesAnyOf(
                        left -> assertThat(left).isZero(),
                        left -> assertThat(left).isGreaterThanOrEqualTo(EffectStudy.FEWEST_COMMITMENTS));
    }

    private static String field(String group) {
        return group.toLowerCase(java.util.Locale.ROOT);
    }

    private static long shown(Iterable<JsonNode> rows, String field) {
        long sum = 0;
        for (JsonNode row : rows) {
            if (!tooFew(row, field)) {
                sum += commitments(row, field);
            }
        }
        return sum;
    }

    private static boolean tooFew(JsonNode row, String field) {
        return row.get(field).get("tooFew").asBoolean();
    }

    private static long commitments(JsonNode row, String field) {
        return row.get(field).get("commitments").asLong();
    }

    private static List<String> hidden(JsonNode rows, String field) {
        List<String> keys = new ArrayList<>();
        rows.forEach(row -> {
            if (tooFew(row, field)) {
                keys.add(row.get("key").asString());
            }
        });
        return keys;
    }

    private static JsonNode group(JsonNode study, String name) {
        for (JsonNode group : study.get("groups")) {
            if (group.get("group").asString().equals(name)) {
                return group.get("cell");
            }
        }
        throw new AssertionError("no group " + name);
    }

    private JsonNode study() {
        return api.get(admin.token(), API).expect(200).json();
    }

    private List<UUID> team(String name, int size) {
        UUID team = people.team(admin.organizationId(), name);
        return people.people(admin.organizationId(), name, size, null, team, null);
    }

    /** {@code count} commitments of the owner made alone, kept, closed in the month. */
    private void close(UUID owner, int month, int count) {
        IntStream.range(0, count)
                .forEach(i -> commitments.commitment(owner, made(), closed(month), "KEPT", null, null));
    }

    /** A matching program of these people, who all accepted one match on 1 February. */
    private void matched(String name, List<UUID> people) {
        EffectStudyFixtures.Program program = commitments.program(name, people);
        commitments.proposal(program, "TRIO", "ACCEPTED", Instant.parse("2025-02-01T00:00:00Z"), people);
    }

    private void madeToTheAdmin(UUID owner, int month, int count) {
        IntStream.range(0, count)
                .forEach(i -> commitments.commitment(owner, made(), closed(month), "KEPT", null, admin.personId()));
    }

    private static Instant made() {
        return Instant.parse("2025-01-01T00:00:00Z");
    }

    private static Instant closed(int month) {
        return Instant.parse(String.format("2025-%02d-15T12:00:00Z", month));
    }

    private static Tally tally(long commitments, long owners) {
        return new Tally(commitments, commitments, owners);
    }

    private static Slot[] row(Tally whole, Tally alone, Tally shared, Tally met) {
        return StudySuppression.row(
                Map.of("*", whole, EffectStudy.ALONE, alone, EffectStudy.SHARED, shared, EffectStudy.MET, met), 0);
    }

    private static boolean[] hiddenOf(Slot[] row) {
        boolean[] hidden = new boolean[row.length];
        for (int i = 0; i < row.length; i++) {
            hidden[i] = row[i].hidden();
        }
        return hidden;
    }
}
