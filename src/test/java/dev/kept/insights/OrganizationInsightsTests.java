package dev.kept.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import dev.kept.people.PeopleFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The organization's effect study on a fixture whose every figure was counted by hand. The period is
 * January to June 2025. Teams: Alpha (a1, a2, a3), Beta (b1, b2, b3) and Solo (s, alone in it).
 * Partnerships: PM1 (a1–b1) and PM2 (a2–b2) held check-ins on 5 and 6 January; PS (a3–b3) held one
 * on 5 January, skipped the one of 6 January and held one on 1 July, after every commitment shared
 * with it closed. Every commitment was made on 1 January unless said otherwise, and closed on the
 * 15th of its month at noon (UTC).
 *
 * <pre>
 * ALONE, 12 (6 kept):  s Jan K, Feb K, Mar K, Apr N, May N, Jun N; a1 Jan K, Feb N; b1 Jan K, Feb D(ropped);
 *                      a2 Mar K; b2 Mar P(artly)
 * SHARED, 10 (8 kept): shared with PS (one check-in held in their life): a3 Jan K, Jan K; b3 Jan K, Feb K;
 *                      shared with PM1 but made on 7 January, after its check-ins: a1 Feb K;
 *                      made to the admin: a2 Apr K, b2 Apr K, a3 Apr N, b3 May K, b1 May N
 * MET, 10 (9 kept):    shared with PM1: a1 Jan K, Feb K, Mar K; b1 Feb K, Mar K;
 *                      shared with PM2: a2 Apr K, May K, Jun N; b2 Jun K, Jun K
 * serving the goal: the 10 MET and s's 6.
 * not counted: an open commitment, one closed on 31 December 2024, one closed on 1 July 2025, and
 * another organization's closed in March.
 * </pre>
 *
 * <p>Matching programs: Spring pairs matched a1, b1 and a3 as a trio on 1 February (a2 and b2 only
 * proposed, never accepted); Autumn pairs matched a1 with b1 on 1 March and a2 with b2 on 1 April (s
 * declined); Winter mentors matched no one.
 *
 * <p>The 95 % Wilson interval of k kept of n, with z = 1.959964 and p = k/n, is (p + z²/2n ± z √(p(1−p)/n
 * + z²/4n²)) / (1 + z²/n). For 6 of 12: p = 0.5, z²/2n = 3.841459/24 = 0.160061, the root term is
 * 1.959964 × √(0.020833 + 0.006669) = 0.325038 and the divisor 1.320122, so (0.660061 ∓ 0.325038) /
 * 1.320122 = 0.2538 to 0.7462. The same for the others: 8 of 10: 0.4902–0.9433; 9 of 10:
 * 0.5958–0.9821; 7 of 7: 0.6457–1; 5 of 7: 0.3589–0.9178; 4 of 5: 0.3755–0.9638; 3 of 5:
 * 0.2307–0.8824; 11 of 14: 0.5241–0.9243; 12 of 16: 0.5050–0.8982; 11 of
 * 16: 0.4440–0.8584; 5 of 5: 0.5655–1; 5 of 9: 0.2667–0.8112; 6 of 7: 0.4869–0.9743; 7 of 10:
 * 0.3968–0.8922.
 */
@KeptApiTest
class OrganizationInsightsTests {

    private static final String PERIOD = "from=2025-01-01&to=2025-06-30";
    private static final String API = "/api/v1/insights/organization?" + PERIOD;

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    StatementCounter counter;

    @Autowired
    MutableClock clock;

    Account admin;
    Account member;
    UUID alpha;
    UUID beta;
    UUID solo;

    @BeforeEach
    void organization() {
        admin = api.signUp();
        member = api.join(admin);
        PeopleFixtures people = new PeopleFixtures(jdbc);
        alpha = people.team(admin.organizationId(), "Alpha");
        beta = people.team(admin.organizationId(), "Beta");
        solo = people.team(admin.organizationId(), "Solo");
        List<UUID> as = people.people(admin.organizationId(), "Alpha", 3, null, alpha, null);
        List<UUID> bs = people.people(admin.organizationId(), "Beta", 3, null, beta, null);
        UUID s = people.people(admin.organizationId(), "Solo", 1, null, solo, null)
                .get(0);
        UUID a1 = as.get(0), a2 = as.get(1), a3 = as.get(2), b1 = bs.get(0), b2 = bs.get(1), b3 = bs.get(2);

        EffectStudyFixtures f = new EffectStudyFixtures(jdbc, admin.organizationId(), admin.personId());
        UUID goal = f.goal();
        UUID pm1 = f.partnership(a1, b1);
        UUID pm2 = f.partnership(a2, b2);
        UUID ps = f.partnership(a3, b3);
        for (UUID met : List.of(pm1, pm2)) {
            f.checkIn(met, at("2025-01-05T10:00:00Z"), "HELD");
            f.checkIn(met, at("2025-01-06T10:00:00Z"), "HELD");
        }
        f.checkIn(ps, at("2025-01-05T10:00:00Z"), "HELD");
        f.checkIn(ps, at("2025-01-06T10:00:00Z"), "SKIPPED");
        f.checkIn(ps, at("2025-07-01T10:00:00Z"), "HELD");
        f.checkIn(ps, at("2025-01-08T10:00:00Z"), "CANCELLED");

        // ALONE
        String[] soloOutcomes = {"KEPT", "KEPT", "KEPT", "NOT_KEPT", "NOT_KEPT", "NOT_KEPT"};
        for (int month = 1; month <= 6; month++) {
            f.commitment(s, made(), closed(month), soloOutcomes[month - 1], goal, null);
        }
        f.commitment(a1, made(), closed(1), "KEPT", null, null);
        f.commitment(a1, made(), closed(2), "NOT_KEPT", null, null);
        f.commitment(b1, made(), closed(1), "KEPT", null, null);
        f.commitment(b1, made(), closed(2), "DROPPED", null, null);
        f.commitment(a2, made(), closed(3), "KEPT", null, null);
        f.commitment(b2, made(), closed(3), "PARTLY_KEPT", null, null);
        // SHARED
        f.share(f.commitment(a3, made(), closed(1), "KEPT", null, null), ps);
        f.share(f.commitment(a3, made(), closed(1), "KEPT", null, null), ps);
        f.share(f.commitment(b3, made(), closed(1), "KEPT", null, null), ps);
        f.share(f.commitment(b3, made(), closed(2), "KEPT", null, null), ps);
        f.share(f.commitment(a1, at("2025-01-07T00:00:00Z"), closed(2), "KEPT", null, null), pm1);
        f.commitment(a2, made(), closed(4), "KEPT", null, admin.personId());
        f.commitment(b2, made(), closed(4), "KEPT", null, admin.personId());
        f.commitment(a3, made(), closed(4), "NOT_KEPT", null, admin.personId());
        f.commitment(b3, made(), closed(5), "KEPT", null, admin.personId());
        f.commitment(b1, made(), closed(5), "NOT_KEPT", null, admin.personId());
        // MET
        f.share(f.commitment(a1, made(), closed(1), "KEPT", goal, null), pm1);
        f.share(f.commitment(a1, made(), closed(2), "KEPT", goal, null), pm1);
        f.share(f.commitment(a1, made(), closed(3), "KEPT", goal, null), pm1);
        f.share(f.commitment(b1, made(), closed(2), "KEPT", goal, null), pm1);
        f.share(f.commitment(b1, made(), closed(3), "KEPT", goal, null), pm1);
        f.share(f.commitment(a2, made(), closed(4), "KEPT", goal, null), pm2);
        f.share(f.commitment(a2, made(), closed(5), "KEPT", goal, null), pm2);
        f.share(f.commitment(a2, made(), closed(6), "NOT_KEPT", goal, null), pm2);
        f.share(f.commitment(b2, made(), closed(6), "KEPT", goal, null), pm2);
        f.share(f.commitment(b2, made(), closed(6), "KEPT", goal, null), pm2);
        // traps
        f.share(f.commitment(a1, made(), null, null, goal, null), pm1);
        f.share(f.commitment(a1, made(), at("2024-12-31T23:00:00Z"), "KEPT", null, null), pm1);
        f.commitment(b1, made(), at("2025-07-01T00:00:00Z"), "NOT_KEPT", null, null);
        Account other = api.signUp();
        EffectStudyFixtures elsewhere = new EffectStudyFixtures(jdbc, other.organizationId(), other.personId());
        for (int i = 0; i < 5; i++) {
            elsewhere.commitment(other.personId(), made(), closed(3), "NOT_KEPT", null, null);
        }

        // a1, b1 and a3 matched as a trio on 1 February; a2 and b2 proposed but not yet accepted
        EffectStudyFixtures.Program program = f.program(List.of(a1, b1, a2, b2, a3));
        f.proposal(program, "TRIO", "ACCEPTED", at("2025-02-01T00:00:00Z"), List.of(a1, b1, a3));
        f.proposal(program, "PAIR", "PENDING", null, List.of(a2, b2));
        // a1 with b1 again on 1 March, a2 with b2 on 1 April; s declined a match with a3
        EffectStudyFixtures.Program autumn = f.program("Autumn pairs", List.of(a1, b1, a2, b2, a3, s));
        f.proposal(autumn, "PAIR", "ACCEPTED", at("2025-03-01T00:00:00Z"), List.of(a1, b1));
        f.proposal(autumn, "PAIR", "ACCEPTED", at("2025-04-01T00:00:00Z"), List.of(a2, b2));
        f.proposal(autumn, "PAIR", "DECLINED", at("2025-02-01T00:00:00Z"), List.of(s, a3));
        f.program("Winter mentors", List.of(s, a3));
    }

    @Test
    void countsTheThreeGroupsWithTheirIntervalsRatiosAndSentences() {
        JsonNode study = api.get(admin.token(), API).expect(200).json();

        assertThat(study.get("from").asString()).isEqualTo("2025-01-01");
        assertThat(study.get("to").asString()).isEqualTo("2025-06-30");
        JsonNode alone = group(study, "ALONE");
        JsonNode shared = group(study, "SHARED");
        JsonNode met = group(study, "MET");
        assertCell(alone.get("cell"), 12, 6, 0.2538, 0.7462);
        assertCell(shared.get("cell"), 10, 8, 0.4902, 0.9433);
        assertCell(met.get("cell"), 10, 9, 0.5958, 0.9821);
        assertThat(alone.get("timesAsOftenAsAlone").isNull()).isTrue();
        assertThat(shared.get("timesAsOftenAsAlone").asDouble()).isCloseTo(1.6, within(1e-9));
        assertThat(met.get("timesAsOftenAsAlone").asDouble()).isCloseTo(1.8, within(1e-9));
        assertThat(shared.get("sentence").asString())
                .isEqualTo("In your organization, commitments shared with a partner or made to someone (with fewer"
                        + " than two check-ins held) were kept 1.6 × as often as those made alone (0.80 vs 0.50, 10"
                        + " and 12 commitments).");
        assertThat(met.get("sentence").asString())
                .isEqualTo("In your organization, commitments shared with a partner who met them at least twice while"
                        + " they were open were kept 1.8 × as often as those made alone (0.90 vs 0.50, 10 and 12"
                        + " commitments).");
        assertThat(alone.get("sentence").asString())
                .isEqualTo("In your organization, 0.50 of the commitments made alone were kept (12 commitments).");
        assertThat(study.get("rules").get("keptRate").asString()).contains("dropped");
        assertThat(study.toString()).doesNotContain("Secret study marker");
    }

    @Test
    void breaksTheStudyDownByMonthHidingCellsOfTooFew() {
        JsonNode months = api.get(admin.token(), API).expect(200).json().get("byMonth");

        assertThat(months).hasSize(6);
        assertThat(months.get(0).get("key").asString()).isEqualTo("2025-01");
        // January: s, a1 and b1 alone, a3 twice and b3 shared, a1 met: 7 of 7 kept, 5 owners
        assertCell(months.get(0).get("all"), 7, 7, 0.6457, 1.0);
        // February: s K, a1 N, b1 D alone; b3 K and a1 K shared; a1 K and b1 K met: 5 of 7, 4 owners
        assertCell(months.get(1).get("all"), 7, 5, 0.3589, 0.9178);
        // March: s K, a2 K, b2 P alone; a1 K, b1 K met: 4 of 5, 5 owners
        assertCell(months.get(2).get("all"), 5, 4, 0.3755, 0.9638);
        // April: s N; a2 K, b2 K, a3 N made to the admin; a2 K met: 3 of 5, 4 owners
        assertCell(months.get(3).get("all"), 5, 3, 0.2307, 0.8824);
        // May and June: 4 each, too few
        assertThat(months.get(4).get("all").get("tooFew").asBoolean()).isTrue();
        assertThat(months.get(4).get("all").get("commitments").isNull()).isTrue();
        assertThat(months.get(5).get("all").get("tooFew").asBoolean()).isTrue();
        // January made alone: s, a1, b1: 3 of 3, too few
        assertThat(months.get(0).get("alone").get("tooFew").asBoolean()).isTrue();
    }

    @Test
    void breaksTheStudyDownByTeamSoThatATeamOfOneCannotBeReadOff() {
        JsonNode teams = api.get(admin.token(), API).expect(200).json().get("byTeam");

        JsonNode items = teams.get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("label").asString()).isEqualTo("Alpha");
        assertThat(items.get(1).get("label").asString()).isEqualTo("Beta");
        assertThat(items.get(2).get("label").asString()).isEqualTo("Solo");
        // Alpha: a1 6 (5 kept), a2 5 (4 kept), a3 3 (2 kept)
        assertCell(items.get(0).get("all"), 14, 11, 0.5241, 0.9243);
        // Alpha made alone: a1 twice, a2 once: 3, too few; met: a1 three times, a2 three times: 6
        // commitments but 2 owners, too few; shared: a1, a3 twice, a2, a3: 4 of 5 by 3 owners, but shown
        // it would give away the other 9 of a1 and a2 (14 − 5), so it is hidden with them
        assertThat(items.get(0).get("alone").get("tooFew").asBoolean()).isTrue();
        assertThat(items.get(0).get("met").get("tooFew").asBoolean()).isTrue();
        assertThat(items.get(0).get("shared").get("tooFew").asBoolean()).isTrue();
        // Solo: 6 commitments, all of one person; Beta (b1 5, b2 4, b3 3: 12) is hidden with it, for the
        // period's 32 less Alpha's 14 and Beta's 12 would be Solo's 6
        assertThat(items.get(2).get("all").get("tooFew").asBoolean()).isTrue();
        assertThat(items.get(1).get("all").get("tooFew").asBoolean()).isTrue();
        assertThat(items.get(2).get("all").get("rate").isNull()).isTrue();
        assertThat(teams.get("next").isNull()).isTrue();
    }

    @Test
    void comparesCommitmentsServingAGoalWithTheOthers() {
        JsonNode goals = api.get(admin.token(), API).expect(200).json().get("byGoal");

        // serving: the 10 met (9 kept) and s's 6 (3 kept); not: the other 6 alone (3 kept) and 10 shared (8)
        assertThat(goals.get(0).get("key").asString()).isEqualTo("SERVING_A_GOAL");
        assertCell(goals.get(0).get("all"), 16, 12, 0.5050, 0.8982);
        assertCell(goals.get(1).get("all"), 16, 11, 0.4440, 0.8584);
        assertThat(goals.get(0).get("alone").get("tooFew").asBoolean()).isTrue();
    }

    @Test
    void comparesMatchedPeopleBeforeAndAfterTheirMatch() {
        JsonNode matching = api.get(admin.token(), API).expect(200).json().get("matching");

        // a1, b1 and a3 first matched on 1 February, a2 and b2 on 1 April (by Spring pairs they were
        // only proposed). Before: a1 Jan K alone and met, b1 Jan K, a3 Jan K twice, a2 Mar K, b2 Mar P:
        // 6 of 7. After: a1 Feb N, Feb K (shared late), Feb K, Mar K (met); b1 Feb D, May N, Feb K, Mar K;
        // a3 Apr N; a2 Apr K (made to the admin), Apr K, May K, Jun N (met); b2 Apr K, Jun K, Jun K: 11 of 16
        assertThat(matching.get("peopleMatched").asLong()).isEqualTo(5);
        assertCell(matching.get("before"), 7, 6, 0.4869, 0.9743);
        assertCell(matching.get("after"), 16, 11, 0.4440, 0.8584);
        assertThat(matching.get("timesAsOftenAsBefore").isNull()).isTrue();
        assertThat(matching.get("sentence").asString()).startsWith("Too few commitments of the people");
    }

    @Test
    void comparesEachProgramsPeopleBeforeAndAfterTheirMatchInIt() {
        JsonNode matching = api.get(admin.token(), API).expect(200).json().get("matching");
        JsonNode programs = matching.get("byProgram");

        assertThat(programs).hasSize(3);
        assertThat(matching.get("programsNotListed").asLong()).isZero();
        // the most people matched first
        JsonNode autumn = programs.get(0);
        JsonNode spring = programs.get(1);
        JsonNode winter = programs.get(2);
        assertThat(autumn.get("name").asString()).isEqualTo("Autumn pairs");
        assertThat(spring.get("name").asString()).isEqualTo("Spring pairs");
        assertThat(winter.get("name").asString()).isEqualTo("Winter mentors");
        // Autumn pairs: a1 and b1 from 1 March, a2 and b2 from 1 April, not s, who declined.
        // Before: a1 Jan K, Jan K, Feb N, Feb K, Feb K (4 of 5); b1 Jan K, Feb D, Feb K (2 of 3); a2 Mar K;
        // b2 Mar P: 7 of 10. After: a1 Mar K; b1 Mar K, May N; a2 Apr K, Apr K, May K, Jun N; b2 Apr K,
        // Jun K, Jun K: 8 of 10
        assertThat(autumn.get("peopleMatched").asLong()).isEqualTo(4);
        assertCell(autumn.get("before"), 10, 7, 0.3968, 0.8922);
        assertCell(autumn.get("after"), 10, 8, 0.4902, 0.9433);
        assertThat(autumn.get("timesAsOftenAsBefore").asDouble()).isCloseTo(0.8 / 0.7, within(1e-9));
        // Spring pairs: a1, b1 and a3 from 1 February, as everyone matched before Autumn pairs was
        assertThat(spring.get("peopleMatched").asLong()).isEqualTo(3);
        assertCell(spring.get("before"), 5, 5, 0.5655, 1.0);
        assertCell(spring.get("after"), 9, 5, 0.2667, 0.8112);
        assertThat(spring.get("timesAsOftenAsBefore").isNull()).isTrue();
        assertThat(winter.get("peopleMatched").asLong()).isZero();
        assertThat(winter.get("before").get("tooFew").asBoolean()).isTrue();
        assertThat(winter.get("after").get("tooFew").asBoolean()).isTrue();
        assertThat(winter.get("after").get("commitments").isNull()).isTrue();
        assertThat(autumn.get("programId").asString())
                .isEqualTo(jdbc.sql("""
                                select cast(id as varchar(36)) from matching_program
                                 where organization_id = :organization and name = 'Autumn pairs'""")
                        .param("organization", admin.organizationId())
                        .query(String.class)
                        .single());
    }

    @Test
    void givesTheSameNumbersAsCsv() {
        String session = api.pageSession(admin);
        ApiResponse csv = page(session, "/insights/organization.csv?" + PERIOD);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "section,for,group,commitments,kept,kept_rate,low_95,high_95,times_as_often_as_baseline,note");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("groups,2025-01-01 to 2025-06-30,SHARED,10,8,0.8,0.49016247")
                        .contains(",1.6,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("team,Alpha,ALL,14,11,0.7857"));
        assertThat(lines).contains("team,Solo,ALL,,,,,,,too few");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("month,Jan 2025,ALL,7,7,1.0,"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("matching,people matched: 5,AFTER,16,11,0.6875,"));
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).startsWith("program,Autumn pairs (people matched: 4),BEFORE,10,7,0.7,0.3967"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("program,Autumn pairs (people matched: 4),AFTER,10,8,0.8,0.4901")
                        .contains(",1.1428571428571"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("program,Spring pairs (people matched: 3),AFTER,9,5,"));
        assertThat(lines).contains("program,Winter mentors (people matched: 0),BEFORE,,,,,,,too few");
        assertThat(csv.body()).doesNotContain("Secret study marker");
    }

    @Test
    void showsThePageWithItsChartsAndTables() {
        String session = api.pageSession(admin);
        ApiResponse page = page(session, "/insights/organization?" + PERIOD);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("were kept 1.6 × as often as those made alone (0.80 vs 0.50, 10 and 12 commitments)")
                .contains("<svg")
                .contains("id=\"chart-groups\"")
                .contains("id=\"chart-months\"")
                .contains("id=\"chart-teams\"")
                .contains("too few")
                .contains("dropped commitments all count as not kept")
                .contains("never give away a hidden one by subtraction")
                .contains("so that no one person&#39;s record can be read off")
                .contains("By program")
                .contains("data-program=")
                .contains("<th scope=\"row\">Autumn pairs</th>")
                .contains("<td>4</td>")
                .contains("0.80 (0.49–0.94) of 10")
                .contains("After compared with before")
                .contains("href=\"/insights/organization\"")
                .doesNotContain("Secret study marker");
    }

    @Test
    void refusesABadPeriodNamingTheField() {
        for (Map.Entry<String, String> bad : Map.of(
                        "from=2025-13-01", "from",
                        "to=yesterday", "to",
                        "from=2025-06-01&to=2025-01-01", "to",
                        "from=2019-01-01&to=2025-01-01", "to",
                        "from=0001-01-01", "from")
                .entrySet()) {
            JsonNode problem = api.get(admin.token(), "/api/v1/insights/organization?" + bad.getKey())
                    .expectProblem(400);
            assertThat(problem.get("errors").get(0).get("field").asString())
                    .as(bad.getKey())
                    .isEqualTo(bad.getValue());
        }
        api.get(admin.token(), "/api/v1/insights/organization?teams=forged").expectProblem(400);
        String session = api.pageSession(admin);
        ApiResponse page = page(session, "/insights/organization?from=2025-06-01&to=2025-01-01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&#39;to&#39; must not be before from");
    }

    @Test
    void showsTheStudyOnlyToAdminsAndThePeopleTheyAllow() {
        Account guest = api.guest(member, "COACH");
        String memberSession = api.pageSession(member);
        String adminSession = api.pageSession(admin);
        api.get(member.token(), API).expectProblem(404);
        api.get(guest.token(), API).expectProblem(404);
        assertThat(page(memberSession, "/insights/organization").status()).isEqualTo(404);
        assertThat(page(memberSession, "/insights/organization.csv").status()).isEqualTo(404);
        assertThat(page(memberSession, "/insights/organization/viewers").status())
                .isEqualTo(404);
        assertThat(page(memberSession, "/").body()).doesNotContain("Organization insights");
        assertThat(page(adminSession, "/").body()).contains("Organization insights");

        ApiResponse allowed = form(adminSession, "/insights/organization/viewers", Map.of("email", member.email()));
        assertThat(allowed.status()).isEqualTo(302);
        assertThat(page(adminSession, "/insights/organization/viewers").body()).contains(member.email());
        api.get(member.token(), API).expect(200);
        assertThat(page(memberSession, "/insights/organization").status()).isEqualTo(200);
        assertThat(page(memberSession, "/").body()).contains("Organization insights");
        // an allowed person sees the study, but only admins manage who may
        assertThat(page(memberSession, "/insights/organization/viewers").status())
                .isEqualTo(404);
        assertThat(form(memberSession, "/insights/organization/viewers", Map.of("email", member.email()))
                        .status())
                .isEqualTo(404);

        ApiResponse guestRefused = form(adminSession, "/insights/organization/viewers", Map.of("email", guest.email()));
        assertThat(guestRefused.status()).isEqualTo(200);
        assertThat(guestRefused.body()).contains("There is no one with this e-mail address in this organization.");
        api.get(guest.token(), API).expectProblem(404);

        ApiResponse removed =
                form(adminSession, "/insights/organization/viewers/" + member.personId() + "/remove", Map.of());
        assertThat(removed.status()).isEqualTo(302);
        api.get(member.token(), API).expectProblem(404);
        assertThat(page(memberSession, "/insights/organization").status()).isEqualTo(404);
        assertThat(page(adminSession, "/insights/organization/viewers").body()).doesNotContain(member.email());
    }

    @Test
    void countsTheStudyAgainOnlyOnceItIsFiveMinutesOld() {
        clock.freeze();
        try {
            JsonNode first = api.get(admin.token(), API).expect(200).json();
            new EffectStudyFixtures(jdbc, admin.organizationId(), admin.personId())
                    .commitment(member.personId(), made(), closed(3), "KEPT", null, null);

            clock.advance(Duration.ofMinutes(4));
            JsonNode kept = api.get(admin.token(), API).expect(200).json();
            assertThat(kept.get("countedAt").asString())
                    .isEqualTo(first.get("countedAt").asString());
            assertThat(group(kept, "ALONE").get("cell").get("commitments").asLong())
                    .isEqualTo(12);

            clock.advance(Duration.ofMinutes(1));
            JsonNode counted = api.get(admin.token(), API).expect(200).json();
            assertThat(Instant.parse(counted.get("countedAt").asString()))
                    .isEqualTo(Instant.parse(first.get("countedAt").asString()).plus(Duration.ofMinutes(5)));
            assertThat(group(counted, "ALONE").get("cell").get("commitments").asLong())
                    .isEqualTo(13);
            assertThat(page(api.pageSession(admin), "/insights/organization?" + PERIOD)
                            .body())
                    .contains("Counted at "
                            + DateTimeFormatter.ofPattern("HH:mm")
                                    .withZone(ZoneOffset.UTC)
                                    .format(Instant.parse(
                                            counted.get("countedAt").asString()))
                            + " UTC");
        } finally {
            clock.reset();
        }
    }

    @Test
    void runsTheSameStatementsForTenTimesAsManyCommitments() {
        long small = statementsOfTheStudy(6, 5);
        long large = statementsOfTheStudy(20, 15);

        assertThat(large).isEqualTo(small);
    }

    @Test
    void runsTheSameStatementsForTenTimesAsManyPrograms() {
        long one = statementsOfTheStudy(6, 5, 1);
        long ten = statementsOfTheStudy(6, 5, 10);

        assertThat(ten).isEqualTo(one);
    }

    private long statementsOfTheStudy(int people, int each) {
        return statementsOfTheStudy(people, each, 0);
    }

    /**
     * A new organization of {@code people} owners with {@code each} closed commitments, and {@code
     * programs} matching programs that each matched two of them; the study's statements.
     */
    private long statementsOfTheStudy(int people, int each, int programs) {
        Account owner = api.signUp();
        PeopleFixtures directory = new PeopleFixtures(jdbc);
        List<UUID> owners = new java.util.ArrayList<>();
        for (int t = 0; t < people / 2; t++) {
            UUID team = directory.team(owner.organizationId(), "Team " + t);
            owners.addAll(directory.people(owner.organizationId(), "P" + t, 2, null, team, null));
        }
        EffectStudyFixtures fixtures = new EffectStudyFixtures(jdbc, owner.organizationId(), owner.personId());
        fixtures.bulk(named, owners, each);
        for (int p = 0; p < programs; p++) {
            List<UUID> pair = List.of(owners.get(p % owners.size()), owners.get((p + 1) % owners.size()));
            EffectStudyFixtures.Program program = fixtures.program("Program " + p, pair);
            fixtures.proposal(program, "PAIR", "ACCEPTED", at("2025-06-01T00:00:00Z"), pair);
        }
        // once uncounted first: a token's use is written at most once a minute, whatever the fixture;
        // then another period, which the study has not counted yet
        api.get(owner.token(), "/api/v1/insights/organization?from=2025-01-01&to=2025-12-30")
                .expect(200);
        return counter.statementsOf(key -> assertThat(api.getCounted(
                                owner.token(), "/api/v1/insights/organization?from=2025-01-01&to=2025-12-31", key)
                        .json()
                        .get("groups"))
                .hasSize(3));
    }

    private static JsonNode group(JsonNode study, String name) {
        for (JsonNode group : study.get("groups")) {
            if (group.get("group").asString().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static void assertCell(JsonNode cell, long commitments, long kept, double low, double high) {
        assertThat(cell.get("tooFew").asBoolean()).as("too few").isFalse();
        assertThat(cell.get("commitments").asLong()).isEqualTo(commitments);
        assertThat(cell.get("kept").asLong()).isEqualTo(kept);
        assertThat(cell.get("rate").asDouble()).isCloseTo((double) kept / commitments, within(1e-9));
        assertThat(cell.get("low").asDouble()).isCloseTo(low, within(5e-5));
        assertThat(cell.get("high").asDouble()).isCloseTo(high, within(5e-5));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Instant made() {
        return at("2025-01-01T00:00:00Z");
    }

    private static Instant closed(int month) {
        return at(String.format("2025-%02d-15T12:00:00Z", month));
    }

    private ApiResponse page(String session, String path) {
        return api.http()
                .get()
                .uri(path)
                .header(HttpHeaders.COOKIE, session)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(),
                        HttpHeaders.copyOf(res.getHeaders()),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Posts a form of the pages as a browser does: with the CSRF token of the viewers page. */
    private ApiResponse form(String session, String path, Map<String, String> fields) {
        String csrf = csrfOf(page(session, "/insights/organization").body());
        if (csrf == null) {
            csrf = csrfOf(page(session, "/").body());
        }
        LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        fields.forEach(body::add);
        body.add("_csrf", csrf);
        return api.http()
                .post()
                .uri(path)
                .header(HttpHeaders.COOKIE, session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(),
                        HttpHeaders.copyOf(res.getHeaders()),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String csrfOf(String html) {
        Matcher token =
                Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
        return token.find() ? token.group(1) : null;
    }
}
