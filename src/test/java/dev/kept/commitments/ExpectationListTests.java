package dev.kept.commitments;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import dev.kept.shared.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The expectations list and a commitment's challenges, a page at a time. */
@KeptApiTest
@AutoConfigureMockMvc
class ExpectationListTests {

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

    private CommitmentListFixtures rows;

    @BeforeEach
    void fixtures() {
        rows = new CommitmentListFixtures(jdbc);
    }

    @Test
    void listsExpectationsNewestFirstAPageAtATime() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        new CommitmentListFixtures(jdbc).inTeam(member.personId(), team);
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        UUID org = admin.organizationId();
        UUID oldest = rows.expectation(org, admin.personId(), member.personId(), null, start);
        UUID toTheTeam = rows.expectation(org, admin.personId(), null, team, start.plusSeconds(60));
        UUID byMember = rows.expectation(org, member.personId(), admin.personId(), null, start.plusSeconds(120));
        UUID someoneElse = rows.person(org, null);
        rows.expectation(org, admin.personId(), someoneElse, null, start.plusSeconds(180));

        List<JsonNode> items = api.followPages(member.token(), "/api/v1/expectations?limit=2");
        assertThat(items).allSatisfy(e -> {
            assertThat(e.get("thread").size())
                    .as("a list leaves the thread out")
                    .isZero();
            assertThat(e.get("requesterName").asString()).isNotBlank();
        });
        List<String> seen = items.stream().map(e -> e.get("id").asString()).toList();

        assertThat(seen).containsExactly(byMember.toString(), toTheTeam.toString(), oldest.toString());
        api.expectPagingRefused(member.token(), "/api/v1/expectations", "cursor=forged");
    }

    @Test
    void listsExpectationsWithTheSameStatementsForTenTimesAsMany() {
        long small = statementsToListExpectations(5);
        long large = statementsToListExpectations(50);

        assertThat(large).isEqualTo(small);
    }

    private long statementsToListExpectations(int count) {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Instant start = clock.instant().minus(Duration.ofDays(1));
        for (int i = 0; i < count; i++) {
            UUID colleague = rows.person(admin.organizationId(), null);
            if (i % 2 == 0) {
                rows.expectation(admin.organizationId(), colleague, member.personId(), null, start.plusSeconds(i));
            } else {
                rows.expectation(admin.organizationId(), member.personId(), colleague, null, start.plusSeconds(i));
            }
        }
        return counter.statementsOf(key -> {
            JsonNode page = api.getCounted(member.token(), "/api/v1/expectations?limit=20", key)
                    .json();
            assertThat(page.get("items").size()).isEqualTo(Math.min(count, 20));
        });
    }

    @Test
    void theExpectationsPageShowsMoreOfOneListWithAndWithoutHtmx() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Instant start = clock.instant().minus(Duration.ofDays(1));
        List<UUID> asked = new ArrayList<>();
        for (int i = 0; i < Page.DEFAULT + 3; i++) {
            asked.add(
                    0,
                    rows.expectation(
                            admin.organizationId(), admin.personId(), member.personId(), null, start.plusSeconds(i)));
        }
        UUID mine = rows.expectation(admin.organizationId(), member.personId(), admin.personId(), null, start);

        String body = mvc.get()
                .uri("/expectations")
                .with(as(member))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .contains("/expectations/" + asked.get(Page.DEFAULT - 1))
                .contains("/expectations/" + mine);
        assertThat(body).doesNotContain("/expectations/" + asked.get(Page.DEFAULT) + "\"");
        int at = body.indexOf("id=\"more-asked-of-me\"><a href=\"") + "id=\"more-asked-of-me\"><a href=\"".length();
        String more = body.substring(at, body.indexOf('"', at)).replace("&amp;", "&");
        assertThat(more).startsWith("/expectations?list=of-me&cursor=");

        MvcTestResult plain = mvc.get().uri(more).with(as(member)).exchange();
        String rest = plain.getResponse().getContentAsString();
        assertThat(rest)
                .contains("<html")
                .contains("/expectations/" + asked.get(Page.DEFAULT))
                .contains("/expectations/" + mine);
        assertThat(rest).doesNotContain("/expectations/" + asked.get(0) + "\"");

        MvcTestResult htmx = mvc.get()
                .uri(more)
                .with(as(member))
                .header("HX-Request", "true")
                .exchange();
        String fragment = htmx.getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").doesNotContain("/expectations/" + mine);
        assertThat(fragment)
                .contains("/expectations/" + asked.get(Page.DEFAULT + 2))
                .contains("data-hx-swap-oob=\"true\"");
        assertThat(fragment.split("<tr>", -1).length - 1).isEqualTo(3);
    }

    @Test
    void asksAPersonNamedByEMailOrATeamFromThePage() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        String teamName = ApiFixtures.unique("Team");
        UUID team = api.team(admin, teamName);

        String form = body(mvc.get().uri("/expectations").with(as(admin)).exchange());
        assertThat(form)
                .contains("type=\"email\" id=\"toPersonEmail\"")
                .contains("id=\"toTeamName\"")
                .contains("<option value=\"" + teamName + "\">")
                .doesNotContain("<option value=\"person:")
                .doesNotContain("value=\"" + member.personId() + "\"");

        MvcTestResult toPerson =
                ask(admin).param("toPersonEmail", member.email().toUpperCase()).exchange();
        UUID asked = askedBy(admin).get(0);
        assertThat(toPerson).hasRedirectedUrl("/expectations/" + asked);
        assertThat(jdbc.sql("select to_person_id from expectation where id = :id")
                        .param("id", asked)
                        .query(UUID.class)
                        .single())
                .isEqualTo(member.personId());

        MvcTestResult toTeam =
                ask(admin).param("toTeamName", teamName.toLowerCase()).exchange();
        List<UUID> toTheTeam = new ArrayList<>(askedBy(admin));
        toTheTeam.remove(asked);
        assertThat(toTheTeam).hasSize(1);
        assertThat(toTeam).hasRedirectedUrl("/expectations/" + toTheTeam.get(0));
    }

    @Test
    void anUnknownEMailComesBackOnTheFormWithNothingLostAndNothingAsked() {
        Account admin = api.signUp();
        Account elsewhere = api.signUp();

        for (String email : List.of("nobody-" + UUID.randomUUID() + "@example.org", elsewhere.email())) {
            MvcTestResult refused = ask(admin).param("toPersonEmail", email).exchange();

            assertThat(refused).hasStatusOk();
            assertThat(body(refused))
                    .contains("Nothing was asked: see below.")
                    .containsPattern("id=\"toPersonEmail\"[^>]*value=\"" + java.util.regex.Pattern.quote(email) + "\"")
                    .contains("<p class=\"error\">There is no one with this e-mail address in this organization.</p>")
                    .contains("Publish the release notes")
                    .contains("They are in the handbook")
                    .contains("value=\"" + LocalDate.now(clock).plusDays(7) + "\"");
        }
        MvcTestResult neither = ask(admin).exchange();
        assertThat(body(neither)).contains("Give the e-mail of a person to ask, or choose a team.");
        MvcTestResult self = ask(admin).param("toPersonEmail", admin.email()).exchange();
        assertThat(body(self)).contains("You cannot ask yourself: make the commitment instead.");
        assertThat(askedBy(admin)).isEmpty();
    }

    @Test
    void showsTheExpectationsPageInTheSameStatementsForTenTimesAsManyPeople() {
        long small = statementsToShowTheExpectationsPage(5);
        long large = statementsToShowTheExpectationsPage(50);

        assertThat(large).isEqualTo(small);
    }

    private long statementsToShowTheExpectationsPage(int count) {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Instant start = clock.instant().minus(Duration.ofDays(1));
        for (int i = 0; i < count; i++) {
            UUID colleague = rows.person(admin.organizationId(), null);
            rows.expectation(admin.organizationId(), colleague, member.personId(), null, start.plusSeconds(i));
        }
        return counter.statementsOf(key -> {
            MvcTestResult page = mvc.get()
                    .uri("/expectations")
                    .with(as(member))
                    .header(StatementCounter.HEADER, key)
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(body(page)).contains("id=\"toPersonEmail\"");
        });
    }

    private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder ask(Account asker) {
        return mvc.post()
                .uri("/expectations")
                .with(as(asker))
                .with(csrf())
                .param("what", "Publish the release notes")
                .param("doneWhen", "They are in the handbook")
                .param("due", LocalDate.now(clock).plusDays(7).toString())
                .param("why", "Customers read them");
    }

    /** The expectations this person asked. */
    private List<UUID> askedBy(Account asker) {
        return jdbc.sql("select id from expectation where requester_id = :asker")
                .param("asker", asker.personId())
                .query(UUID.class)
                .list();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void pagesTheChallengesOnACommitmentOwnerSeesAllPartnerTheirOwn() {
        Account owner = api.signUp();
        Account partner = api.join(owner);
        Account other = api.join(owner);
        UUID first = api.partnership(owner, partner, "PEER");
        UUID second = api.partnership(owner, other, "PEER");
        UUID org = owner.organizationId();
        UUID commitment = rows.open(
                org, owner.personId(), "PARTNERS", LocalDate.now(clock).plusDays(9));
        rows.share(commitment, first);
        rows.share(commitment, second);
        Instant at = Instant.parse("2026-02-01T09:00:00Z");
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            partners.add(rows.challenge(org, commitment, owner.personId(), partner.personId(), at.plusSeconds(i * 2)));
        }
        UUID others = rows.challenge(org, commitment, owner.personId(), other.personId(), at.plusSeconds(1));

        String path = "/api/v1/commitments/" + commitment + "/challenges?limit=3";
        List<JsonNode> pages = api.pagesOf(owner.token(), path);
        assertThat(pages).hasSize(2);
        assertThat(ids(pages.get(0)))
                .containsExactly(
                        partners.get(0).toString(),
                        others.toString(),
                        partners.get(1).toString());
        assertThat(ids(pages.get(1))).containsExactly(partners.get(2).toString());

        assertThat(ids(api.get(partner.token(), "/api/v1/commitments/" + commitment + "/challenges")
                        .expect(200)
                        .json()))
                .containsExactlyElementsOf(partners.stream().map(UUID::toString).toList());
        JsonNode problem = api.get(owner.token(), path + "&cursor=forged").expectProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(c -> c.get("id").asString()).toList();
    }
}
