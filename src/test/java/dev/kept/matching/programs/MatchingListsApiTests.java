package dev.kept.matching.programs;

import static dev.kept.matching.programs.ProgramFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import dev.kept.matching.Pair;
import dev.kept.matching.programs.ProposalRows.Member;
import dev.kept.matching.programs.ProposalRows.Proposal;
import dev.kept.matching.programs.ProposalRows.Run;
import dev.kept.shared.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The matching lists a page at a time: programs and runs newest first, one's matches newest first,
 * a run's pairs, trios and unmatched people in the run's order; a run answers a summary and the
 * first page of its pairs. Each list follows its next addresses to the end without a duplicate,
 * refuses a bad limit or cursor naming it, and reads as many statements for ten times the rows.
 */
@KeptApiTest
class MatchingListsApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    StatementCounter counter;

    @Autowired
    ProposalRows rows;

    private ProgramFixtures programs;

    @BeforeEach
    void fixtures() {
        programs = new ProgramFixtures(api);
    }

    @Test
    void programsComeNewestFirstAPageAtATime() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, programs.program(admin));
            clock.advance(Duration.ofMinutes(1));
        }

        ApiResponse first =
                api.get(member.token(), "/api/v1/matching/programs?limit=2").expect(200);

        assertThat(first.json().get("items")).hasSize(2);
        String next = first.json().get("next").asString();
        assertThat(first.headers().getFirst("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        assertThat(ids(programs.all(member, "/api/v1/matching/programs?limit=2")))
                .containsExactlyElementsOf(made);
        assertThat(ids(api.get(member.token(), "/api/v1/matching/programs")
                        .json()
                        .get("items")))
                .containsExactlyElementsOf(made);
        api.expectPagingRefused(member.token(), "/api/v1/matching/programs");
    }

    @Test
    void runsComeNewestFirstAPageAtATime() {
        Account admin = api.signUp();
        UUID program = programs.program(admin);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(0, id(programs.run(admin, program).get("id")));
            clock.advance(Duration.ofMinutes(1));
        }
        String runs = "/api/v1/matching/programs/" + program + "/runs";

        assertThat(ids(programs.all(admin, runs + "?limit=1"))).containsExactlyElementsOf(made);
        assertThat(api.get(admin.token(), runs + "?limit=1").json().get("items"))
                .hasSize(1);
        api.expectPagingRefused(admin.token(), runs);
    }

    @Test
    void myMatchesComeNewestFirstAPageAtATime() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        UUID program = programs.program(admin);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Run run = run(admin, program, List.of());
            made.add(0, pair(admin, run, 0, ana.personId(), ben.personId()));
        }

        assertThat(ids(programs.all(ana, "/api/v1/matching/proposals?limit=2"))).containsExactlyElementsOf(made);
        assertThat(ids(programs.all(ben, "/api/v1/matching/proposals?limit=3"))).containsExactlyElementsOf(made);
        JsonNode first = api.get(ana.token(), "/api/v1/matching/proposals?limit=1")
                .json()
                .get("items")
                .get(0);
        assertThat(first.get("people").valueStream().map(p -> p.get("name").asString()))
                .containsExactly(ana.name(), ben.name());
        assertThat(first.get("programName").asString())
                .isEqualTo(api.get(admin.token(), "/api/v1/matching/programs/" + program)
                        .json()
                        .get("name")
                        .asString());
        assertThat(api.get(admin.token(), "/api/v1/matching/proposals").json().get("items"))
                .isEmpty();
        api.expectPagingRefused(ana.token(), "/api/v1/matching/proposals");
    }

    @Test
    void aRunAnswersItsCountsAndTheFirstPageOfItsPairsAndPagesTheRest() {
        Account admin = api.signUp();
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(api.join(admin));
        }
        UUID program = programs.program(admin);
        Run run = run(
                admin, program, List.of(people.get(2).personId(), people.get(3).personId()));
        int pairs = Page.DEFAULT + 3;
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            made.add(pair(
                    admin,
                    run,
                    i,
                    people.get(i % 4).personId(),
                    people.get((i + 1) % 4).personId()));
        }
        String path = "/api/v1/matching/programs/" + program + "/runs/" + run.id();
        Account ana = people.get(0);
        Account ben = people.get(1);
        api.post(ana.token(), "/api/v1/matching/proposals/" + made.get(0) + "/decline", null)
                .expect(200);

        JsonNode summary = api.get(admin.token(), path).expect(200).json();

        JsonNode counts = summary.get("counts");
        assertThat(counts.get("pairs").asInt()).isEqualTo(pairs);
        assertThat(counts.get("trios").asInt()).isZero();
        assertThat(counts.get("unmatched").asInt()).isEqualTo(2);
        assertThat(counts.get("coachOffers").asInt()).isZero();
        assertThat(counts.get("pending").asInt()).isEqualTo(pairs - 1);
        assertThat(counts.get("declined").asInt()).isEqualTo(1);
        assertThat(counts.get("accepted").asInt()).isZero();
        assertThat(summary.get("totalScore").asDouble()).isEqualTo(7.5);
        assertThat(summary.has("names")).isFalse();
        assertThat(summary.get("pairs")).hasSize(Page.DEFAULT);
        JsonNode firstPair = summary.get("pairs").get(0);
        assertThat(id(firstPair.get("proposalId"))).isEqualTo(made.get(0));
        assertThat(firstPair.get("aName").asString()).isEqualTo(ana.name());
        assertThat(firstPair.get("bName").asString()).isEqualTo(ben.name());
        assertThat(firstPair.get("status").asString()).isEqualTo("DECLINED");
        String pairsNext = summary.get("pairsNext").asString();
        assertThat(pairsNext).contains(path + "/pairs?");
        JsonNode rest = api.get(admin.token(), pairsNext.substring(pairsNext.indexOf("/api/v1/")))
                .expect(200)
                .json();
        assertThat(ids(rest.get("items"), "proposalId")).containsExactlyElementsOf(made.subList(Page.DEFAULT, pairs));
        assertThat(rest.get("next").isNull()).isTrue();

        List<UUID> paged = ids(programs.all(admin, path + "/pairs?limit=7"), "proposalId");
        assertThat(paged).containsExactlyElementsOf(made);
        assertThat(new HashSet<>(paged)).hasSize(pairs);
        List<JsonNode> unmatched = new ArrayList<>();
        programs.all(admin, path + "/unmatched?limit=1").forEach(unmatched::add);
        assertThat(unmatched)
                .extracting(person -> person.get("name").asString())
                .containsExactly(people.get(2).name(), people.get(3).name());
        assertThat(unmatched)
                .allSatisfy(
                        person -> assertThat(person.get("coachOffer").isNull()).isTrue());
        assertThat(programs.all(admin, path + "/trios")).isEmpty();
        for (String list : List.of("/pairs", "/trios", "/unmatched")) {
            api.expectPagingRefused(admin.token(), path + list);
            api.get(ana.token(), path + list).expectProblem(403);
            api.get(admin.token(), "/api/v1/matching/programs/" + program + "/runs/" + UUID.randomUUID() + list)
                    .expectProblem(404);
        }
    }

    @Test
    void myMatchesAndARunReadAsManyStatementsForTenTimesTheRows() {
        Counted small = counted(3);
        Counted large = counted(30);

        assertThat(large.proposals()).hasSize(30);
        assertThat(small.proposals()).hasSize(3);
        assertThat(large.programs()).hasSize(30);
        assertThat(large.run().get("pairs")).hasSize(30);
        assertThat(counter.statements(large.key() + "proposals"))
                .isEqualTo(counter.statements(small.key() + "proposals"));
        assertThat(counter.statements(large.key() + "run")).isEqualTo(counter.statements(small.key() + "run"));
        assertThat(counter.statements(large.key() + "pairs")).isEqualTo(counter.statements(small.key() + "pairs"));
        assertThat(counter.statements(large.key() + "programs"))
                .isEqualTo(counter.statements(small.key() + "programs"));
    }

    private record Counted(String key, JsonNode proposals, JsonNode programs, JsonNode run) {}

    // an organization with n programs (each with a coach), one of them run into n pairs for one
    // person, read as that person and as the admin with the statements counted
    private Counted counted(int n) {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        Account cleo = api.join(admin);
        UUID program = null;
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = ProgramFixtures.program(ApiFixtures.unique("Program"));
            body.put(
                    "coachIds",
                    List.of(
                            i % 2 == 0
                                    ? cleo.personId().toString()
                                    : ben.personId().toString()));
            program = programs.program(admin, body);
        }
        Run run = run(admin, program, List.of());
        for (int i = 0; i < n; i++) {
            pair(admin, run, i, ana.personId(), i % 2 == 0 ? ben.personId() : cleo.personId());
        }
        String path = "/api/v1/matching/programs/" + program + "/runs/" + run.id();
        // first requests write what a first use writes (the token's last use): read before counting
        for (int warm = 0; warm < 2; warm++) {
            api.get(ana.token(), "/api/v1/matching/proposals").expect(200);
            api.get(admin.token(), "/api/v1/matching/programs").expect(200);
        }
        String key = UUID.randomUUID().toString();
        return new Counted(
                key,
                api.getCounted(ana.token(), "/api/v1/matching/proposals", key + "proposals")
                        .json()
                        .get("items"),
                api.getCounted(admin.token(), "/api/v1/matching/programs", key + "programs")
                        .json()
                        .get("items"),
                pairsToo(admin, path, key));
    }

    private JsonNode pairsToo(Account admin, String path, String key) {
        api.getCounted(admin.token(), path + "/pairs", key + "pairs");
        return api.getCounted(admin.token(), path, key + "run").json();
    }

    /** A run of the program stored as a run of the engine stores it, these people left unmatched. */
    private Run run(Account admin, UUID program, List<UUID> unmatched) {
        clock.advance(Duration.ofMinutes(1));
        Run run = new Run(UUID.randomUUID(), program, 7.5, clock.instant());
        rows.insertRun(admin.organizationId(), run, admin.personId(), unmatched);
        return run;
    }

    private UUID pair(Account admin, Run run, int position, UUID a, UUID b) {
        UUID id = UUID.randomUUID();
        rows.insertProposal(
                admin.organizationId(),
                new Proposal(
                        id,
                        run.programId(),
                        run.id(),
                        position,
                        ProposalKind.PAIR,
                        ProposalStatus.PENDING,
                        List.of(new Member(a, null), new Member(b, null)),
                        List.of(new Pair(a, b, 1.5, List.of("They fit"))),
                        run.createdAt()),
                position);
        return id;
    }

    private static List<UUID> ids(JsonNode items) {
        return ids(items, "id");
    }

    private static List<UUID> ids(JsonNode items, String field) {
        List<UUID> ids = new ArrayList<>();
        items.forEach(item -> ids.add(id(item.get(field))));
        return ids;
    }
}
