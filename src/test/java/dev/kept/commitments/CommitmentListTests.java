package dev.kept.commitments;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import dev.kept.people.Caller;
import dev.kept.shared.BadCursorException;
import dev.kept.shared.Page;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The commitment lists a page at a time: the API, the page, the dashboard and a goal's commitments. */
@KeptApiTest
@AutoConfigureMockMvc
class CommitmentListTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    StatementCounter counter;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Commitments commitments;

    @Autowired
    CommitmentLists commitmentLists;

    private CommitmentListFixtures rows;

    @BeforeEach
    void fixtures() {
        rows = new CommitmentListFixtures(jdbc);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Test
    void pagesOpenOnesDueSoonestFirstThenClosedOnesFollowingNext() {
        Account owner = api.signUp();
        UUID org = owner.organizationId();
        LocalDate day = today().plusDays(20);
        // two open ones due the same day: the id breaks the tie
        List<UUID> expected = new ArrayList<>();
        UUID late = rows.open(org, owner.personId(), "PRIVATE", day.plusDays(3));
        UUID tieA = rows.open(org, owner.personId(), "PRIVATE", day);
        UUID tieB = rows.open(org, owner.personId(), "PRIVATE", day);
        UUID early = rows.open(org, owner.personId(), "PRIVATE", day.minusDays(5));
        UUID closedLate = rows.closed(org, owner.personId(), "PRIVATE", day.plusDays(1));
        UUID closedEarly = rows.closed(org, owner.personId(), "PRIVATE", day.minusDays(30));
        expected.add(early);
        // the database orders ids as unsigned bytes, as their text sorts (not as UUID.compareTo)
        expected.addAll(Stream.of(tieA, tieB)
                .sorted(Comparator.comparing(UUID::toString))
                .toList());
        expected.add(late);
        expected.add(closedEarly);
        expected.add(closedLate);

        List<JsonNode> pages = api.pagesOf(owner.token(), "/api/v1/commitments?limit=2");

        assertThat(pages).hasSize(3);
        assertThat(pages.subList(0, 2))
                .allSatisfy(page -> assertThat(page.get("next").asString())
                        .contains("limit=2")
                        .contains("cursor="));
        assertThat(ApiFixtures.itemsOf(pages).stream().map(c -> c.get("id").asString()))
                .containsExactlyElementsOf(expected.stream().map(UUID::toString).toList());
    }

    @Test
    void answersTheFirstPageOfFiftyWhenNoLimitIsSent() {
        Account owner = api.signUp();
        rows.open(owner.organizationId(), owner.personId(), "PRIVATE", today().plusDays(1), 55);

        JsonNode page =
                api.get(owner.token(), "/api/v1/commitments").expect(200).json();

        assertThat(page.get("items").size()).isEqualTo(Page.DEFAULT);
        assertThat(page.get("next").asString()).contains("limit=50");
    }

    @Test
    void refusesBadPagingAndFiltersNamingTheField() {
        Account owner = api.signUp();
        String aTokenCursor = new dev.kept.shared.Cursor("2026-01-01T00:00:00Z", UUID.randomUUID()).encode();
        String anotherState = new dev.kept.shared.Cursor("LATE 2026-01-01", UUID.randomUUID()).encode();
        for (String bad : List.of(
                "limit=0",
                "limit=101",
                "limit=x",
                "cursor=not-a-cursor",
                "cursor=" + aTokenCursor,
                "cursor=" + anotherState,
                "status=SOON",
                "dueBefore=tomorrow",
                "dueAfter=2026-13-01",
                "goal=growth",
                "owner=me",
                "offset=10")) {
            JsonNode problem =
                    api.get(owner.token(), "/api/v1/commitments?" + bad).expectProblem(400);
            assertThat(problem.get("errors").get(0).get("field").asString())
                    .as(bad)
                    .isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void narrowsByOwnerStatusGoalAndDueDates() {
        Account admin = api.signUp();
        Account colleague = api.join(admin);
        UUID org = admin.organizationId();
        UUID goal = rows.goal(org, admin.personId(), "Customers succeed in month one");
        LocalDate base = today().plusDays(10);
        UUID serving = rows.serving(org, colleague.personId(), "ORGANIZATION", base.plusDays(2), goal);
        UUID soon = rows.open(org, colleague.personId(), "ORGANIZATION", base);
        UUID later = rows.open(org, admin.personId(), "ORGANIZATION", base.plusDays(30));
        UUID overdue = rows.open(org, admin.personId(), "ORGANIZATION", today().minusDays(2));
        UUID closed = rows.closed(org, admin.personId(), "ORGANIZATION", base);

        assertThat(ids(admin, "goal=" + goal)).containsExactly(serving.toString());
        assertThat(ids(admin, "owner=" + colleague.personId())).containsExactly(soon.toString(), serving.toString());
        assertThat(ids(admin, "dueAfter=" + base + "&dueBefore=" + base.plusDays(2)))
                .containsExactly(soon.toString(), serving.toString(), closed.toString());
        assertThat(ids(admin, "dueAfter=" + base.plusDays(3))).containsExactly(later.toString());
        assertThat(ids(admin, "status=OVERDUE")).containsExactly(overdue.toString());
        assertThat(ids(admin, "status=CLOSED")).containsExactly(closed.toString());
        assertThat(ids(admin, "status=OPEN&dueBefore=" + base)).containsExactly(overdue.toString(), soon.toString());
        assertThat(ids(colleague, "owner=" + admin.personId() + "&status=CLOSED"))
                .containsExactly(closed.toString());
    }

    /**
     * A member who sees commitments through every branch of the policy (the organization, the
     * team, a partnership's shares, co-ownership): a small organization and one ten times larger.
     */
    @Test
    void listsAPageWithTheSameStatementsForAnOrganizationTenTimesLarger() {
        long small = statementsToList(3, 4);
        long large = statementsToList(30, 40);

        assertThat(large).isEqualTo(small);
        assertThat(small).isPositive();
    }

    private long statementsToList(int people, int commitmentsEach) {
        Account admin = api.signUp();
        Account viewer = api.join(admin);
        Account partner = api.join(admin);
        UUID org = admin.organizationId();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        rows.inTeam(viewer.personId(), team);
        UUID partnership = api.partnership(partner, viewer, "PEER");
        LocalDate due = today().plusDays(3);
        int visible = 0;
        for (int p = 0; p < people; p++) {
            UUID someone = rows.person(org, p % 2 == 0 ? team : null);
            for (int c = 0; c < commitmentsEach; c++) {
                String visibility =
                        List.of("ORGANIZATION", "TEAM", "PRIVATE", "PARTNERS").get(c % 4);
                UUID id = rows.open(org, someone, visibility, due.plusDays(c));
                if (visibility.equals("PRIVATE") && c % 8 == 2) {
                    rows.coOwner(id, viewer.personId());
                }
            }
        }
        for (int c = 0; c < commitmentsEach; c++) {
            rows.share(rows.open(org, partner.personId(), "PARTNERS", due.plusDays(c)), partnership);
        }
        return counter.statementsOf(key -> {
            JsonNode page =
                    api.getCounted(viewer.token(), "/api/v1/commitments", key).json();
            assertThat(page.get("items").size()).isPositive().isLessThanOrEqualTo(Page.DEFAULT);
            // everything the viewer may see in the small organization fits one page
            if (people * commitmentsEach < Page.DEFAULT) {
                assertThat(page.get("next").isNull()).isTrue();
            } else {
                assertThat(page.get("next").isNull()).isFalse();
            }
        });
    }

    @Test
    void showsAMemberOnlyWhatThePolicyLetsThemSee() {
        Account admin = api.signUp();
        Account viewer = api.join(admin);
        Account owner = api.join(admin);
        Account partner = api.join(admin);
        UUID org = admin.organizationId();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        rows.inTeam(viewer.personId(), team);
        UUID teammate = rows.person(org, team);
        UUID partnership = api.partnership(partner, viewer, "PEER");
        LocalDate due = today().plusDays(5);
        UUID organization = rows.open(org, owner.personId(), "ORGANIZATION", due);
        UUID ofTheTeam = rows.open(org, teammate, "TEAM", due.plusDays(1));
        rows.open(org, owner.personId(), "TEAM", due.plusDays(2));
        rows.open(org, owner.personId(), "PRIVATE", due.plusDays(3));
        UUID coOwned = rows.open(org, owner.personId(), "PRIVATE", due.plusDays(4));
        rows.coOwner(coOwned, viewer.personId());
        UUID shared = rows.open(org, partner.personId(), "PARTNERS", due.plusDays(5));
        rows.share(shared, partnership);
        rows.open(org, partner.personId(), "PARTNERS", due.plusDays(6));
        rows.open(org, owner.personId(), "PARTNERS", due.plusDays(7));

        assertThat(ids(viewer, ""))
                .containsExactly(organization.toString(), ofTheTeam.toString(), coOwned.toString(), shared.toString());
    }

    @Test
    void theHomePageRunsTheSameStatementsAndShowsAtMostTenOfEachList() throws Exception {
        Account small = api.signUp();
        Account large = api.signUp();
        dashboardFixture(small, 2);
        dashboardFixture(large, 20);

        String smallKey = "home-" + UUID.randomUUID();
        String largeKey = "home-" + UUID.randomUUID();
        MvcTestResult smallPage = mvc.get()
                .uri("/")
                .with(as(small))
                .header(StatementCounter.HEADER, smallKey)
                .exchange();
        MvcTestResult largePage = mvc.get()
                .uri("/")
                .with(as(large))
                .header(StatementCounter.HEADER, largeKey)
                .exchange();

        assertThat(smallPage).hasStatusOk();
        assertThat(largePage).hasStatusOk();
        assertThat(counter.statements(largeKey)).isEqualTo(counter.statements(smallKey));
        String body = largePage.getResponse().getContentAsString();
        assertThat(body.split("href=\"/commitments/[0-9a-f-]{36}\"", -1).length - 1)
                .isEqualTo(3 * CommitmentLists.DASHBOARD_MOST);
        assertThat(body)
                .contains("href=\"/commitments?status=OVERDUE\"")
                .contains("href=\"/commitments?status=AT_RISK\"")
                .contains("status=OPEN&amp;dueAfter=" + today());
        String smallBody = smallPage.getResponse().getContentAsString();
        assertThat(smallBody).doesNotContain("status=OVERDUE").doesNotContain("status=AT_RISK");
        CommitmentLists.Dashboard dashboard = commitmentLists.dashboard(caller(large));
        assertThat(dashboard.overdue()).hasSize(CommitmentLists.DASHBOARD_MOST);
        assertThat(dashboard.moreOverdue()).isTrue();
        assertThat(dashboard.overdue().get(0).due()).isEqualTo(today().minusDays(20));
        assertThat(commitmentLists.dashboard(caller(small)).moreOverdue()).isFalse();
    }

    private void dashboardFixture(Account owner, int each) {
        UUID org = owner.organizationId();
        rows.open(org, owner.personId(), "PRIVATE", today().minusDays(each), each);
        rows.open(org, owner.personId(), "PRIVATE", today().plusDays(1), Math.min(each, 6));
        // due in two days at 40%: at risk (behind with a week to go), and due soon
        for (int i = 0; i < each; i++) {
            rows.open(org, owner.personId(), "PRIVATE", today().plusDays(2));
        }
        // far away, never on the dashboard
        rows.open(org, owner.personId(), "PRIVATE", today().plusDays(60), each);
    }

    @Test
    void thePageShowsFiftyAndMoreWithAndWithoutHtmx() throws Exception {
        Account owner = api.signUp();
        List<UUID> made =
                rows.open(owner.organizationId(), owner.personId(), "PRIVATE", today().plusDays(1), Page.DEFAULT + 5);

        MvcTestResult first = mvc.get().uri("/commitments").with(as(owner)).exchange();
        assertThat(first).hasStatusOk();
        String body = first.getResponse().getContentAsString();
        assertThat(occurrences(body, "<tr>")).isEqualTo(Page.DEFAULT + 1);
        assertThat(body)
                .contains("/commitments/" + made.get(Page.DEFAULT - 1))
                .doesNotContain("/commitments/" + made.get(Page.DEFAULT));
        String more = between(body, "<p class=\"more\" id=\"more-commitment-rows\"><a href=\"", "\"")
                .replace("&amp;", "&");
        assertThat(more).startsWith("/commitments?").contains("cursor=");
        assertThat(body)
                .contains("data-hx-get=\"" + more.replace("&", "&amp;") + "\"")
                .contains("data-hx-target=\"#commitment-rows\"");

        // without JavaScript: the same page from the cursor on, the last rows, no link
        MvcTestResult plain = mvc.get().uri(more).with(as(owner)).exchange();
        String rest = plain.getResponse().getContentAsString();
        assertThat(rest)
                .contains("<html")
                .contains("/commitments/" + made.get(Page.DEFAULT))
                .doesNotContain("/commitments/" + made.get(0) + "\"");
        assertThat(occurrences(rest, "<tr>")).isEqualTo(5 + 1);
        assertThat(rest).doesNotContain("cursor=");

        // with htmx: only the rows, and the "Show more" swapped out of band (empty at the end)
        MvcTestResult htmx =
                mvc.get().uri(more).with(as(owner)).header("HX-Request", "true").exchange();
        String fragment = htmx.getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").doesNotContain("<table").doesNotContain("<form");
        assertThat(occurrences(fragment, "<tr>")).isEqualTo(5);
        assertThat(fragment)
                .contains("id=\"more-commitment-rows\"")
                .contains("data-hx-swap-oob=\"true\"")
                .doesNotContain("cursor=");

        // a cursor that does not read starts the list over
        MvcTestResult forged =
                mvc.get().uri("/commitments?cursor=forged").with(as(owner)).exchange();
        assertThat(forged).hasStatusOk();
        assertThat(forged.getResponse().getContentAsString()).contains("/commitments/" + made.get(0));
    }

    @Test
    void thePageExplainsAFilterItCannotRead() throws Exception {
        Account owner = api.signUp();
        UUID due = rows.open(owner.organizationId(), owner.personId(), "PRIVATE", today().plusDays(3));

        MvcTestResult result = mvc.get()
                .uri("/commitments?dueAfter=next+week&goal=growth&status=ALL")
                .with(as(owner))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentAsString())
                .contains("Due from: must be a date")
                .contains("Serving: not one Kept knows")
                .contains("/commitments/" + due);
    }

    @Test
    void pagesTheCommitmentsServingGoals() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        UUID org = admin.organizationId();
        UUID goal = rows.goal(org, admin.personId(), "Grow");
        UUID other = rows.goal(org, admin.personId(), "Keep");
        LocalDate due = today().plusDays(4);
        UUID first = rows.serving(org, member.personId(), "ORGANIZATION", due, goal);
        UUID second = rows.serving(org, member.personId(), "ORGANIZATION", due.plusDays(1), other);
        rows.serving(org, member.personId(), "PRIVATE", due.plusDays(2), goal);
        UUID third = rows.serving(org, admin.personId(), "PRIVATE", due.plusDays(3), goal);
        rows.open(org, member.personId(), "ORGANIZATION", due);
        Caller caller = caller(admin);

        Page<CommitmentView> page = commitmentLists.visibleServing(caller, List.of(goal, other), null, 2);
        Page<CommitmentView> next = commitmentLists.visibleServing(caller, List.of(goal, other), page.next(), 2);

        assertThat(page.items()).extracting(CommitmentView::id).containsExactly(first, second);
        assertThat(next.items()).extracting(CommitmentView::id).containsExactly(third);
        assertThat(next.next()).isNull();
        assertThat(commitmentLists.visibleServing(caller, List.of(), null, 2).items())
                .isEmpty();
        assertThatThrownBy(() -> commitmentLists.visibleServing(caller, List.of(goal), "forged", 2))
                .isInstanceOf(BadCursorException.class);
    }

    private List<String> ids(Account viewer, String query) {
        return api.get(viewer.token(), "/api/v1/commitments?" + query)
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(c -> c.get("id").asString())
                .toList();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before);
        assertThat(start).as("'" + before + "' in the page").isNotNegative();
        start += before.length();
        return text.substring(start, text.indexOf(after, start));
    }
}
