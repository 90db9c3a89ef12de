package dev.kept.security;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API tokens expire (90 days unless chosen; never only where an admin allows it), have a scope
 * (read-only or read-write), and show when they were last used, on the API and on the tokens page.
 */
@KeptApiTest
@AutoConfigureMockMvc
class ApiTokenExpiryTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void freeze() {
        clock.freezeAt(NOW);
    }

    @Test
    void listsTokensAPageAtATimeNewestFirst() {
        Account admin = api.signUp();
        for (String name : java.util.List.of("first", "second", "third")) {
            clock.advance(Duration.ofMinutes(1));
            create(admin, Map.of("name", name)).expect(201);
        }

        java.util.List<JsonNode> pages = api.pagesOf(admin.token(), "/api/v1/tokens?limit=2");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)
                        .get("items")
                        .valueStream()
                        .map(t -> t.get("name").asString()))
                .containsExactly("third", "second");
        assertThat(pages.get(1)
                        .get("items")
                        .valueStream()
                        .map(t -> t.get("name").asString()))
                .as("the last page: the first token made, and the one that signed up")
                .contains("first")
                .doesNotContain("second", "third");

        api.expectPagingRefused(admin.token(), "/api/v1/tokens");
    }

    @Test
    void aTokenExpiresAfter90DaysUnlessChosenAndThenAnswersLikeAnUnknownOne() {
        Account admin = api.signUp();

        ApiResponse issued = create(admin, Map.of()).expect(201);

        assertThat(issued.text("expiresAt"))
                .isEqualTo(NOW.plus(Duration.ofDays(90)).toString());
        assertThat(issued.text("scope")).isEqualTo("READ_WRITE");
        clock.advance(Duration.ofDays(90).minusSeconds(1));
        api.get(issued.text("token"), "/api/v1/me").expect(200);
        clock.advance(Duration.ofSeconds(1));
        ApiResponse expired = api.get(issued.text("token"), "/api/v1/me");
        ApiResponse unknown = api.get("kept_" + UUID.randomUUID(), "/api/v1/me");
        expired.expectProblem(401);
        assertThat(withoutInstance(expired)).isEqualTo(withoutInstance(unknown));
        assertThat(expired.headers().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void offersSevenThirtyOrThreeHundredSixtyFiveDaysOrTheEndOfAChosenDay() {
        Account admin = api.signUp();
        ZoneId zone = ZoneId.of(api.get(admin.token(), "/api/v1/me").text("timeZone"));
        LocalDate lastDay = NOW.atZone(zone).toLocalDate().plusDays(45);

        assertThat(create(admin, Map.of("expiresInDays", 7)).expect(201).text("expiresAt"))
                .isEqualTo(NOW.plus(Duration.ofDays(7)).toString());
        assertThat(create(admin, Map.of("expiresInDays", 30)).expect(201).text("expiresAt"))
                .isEqualTo(NOW.plus(Duration.ofDays(30)).toString());
        assertThat(create(admin, Map.of("expiresInDays", 365)).expect(201).text("expiresAt"))
                .isEqualTo(NOW.plus(Duration.ofDays(365)).toString());
        String onADay = create(admin, Map.of("expiresOn", lastDay.toString()))
                .expect(201)
                .text("token");

        clock.freezeAt(lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
        api.get(onADay, "/api/v1/me").expect(200);
        clock.advance(Duration.ofSeconds(1));
        api.get(onADay, "/api/v1/me").expectProblem(401);
    }

    @Test
    void refusesAnExpiryItDoesNotOfferNamingTheField() {
        Account admin = api.signUp();
        LocalDate today = LocalDate.ofInstant(NOW, ZoneId.of("UTC"));

        assertThat(create(admin, Map.of("expiresInDays", 12)).errorFields()).containsExactly("expiresInDays");
        assertThat(create(admin, Map.of("expiresOn", today.minusDays(1).toString()))
                        .errorFields())
                .containsExactly("expiresOn");
        assertThat(create(admin, Map.of("expiresOn", today.plusDays(400).toString()))
                        .errorFields())
                .containsExactly("expiresOn");
        assertThat(create(admin, Map.of("expiresInDays", 7, "neverExpires", true))
                        .errorFields())
                .containsExactly("expiresInDays");
        assertThat(create(admin, Map.of("scope", "ADMIN")).errorFields()).containsExactly("scope");
        for (Map<String, Object> wrong : java.util.List.<Map<String, Object>>of(
                Map.of("expiresInDays", 12),
                Map.of("expiresOn", "2027-02-30"),
                Map.of("neverExpires", "yes"),
                Map.of("scope", "ADMIN"))) {
            create(admin, wrong).expectProblem(400);
        }
        assertThat(tokensOf(admin)).hasSize(1);
    }

    @Test
    void refusesATokenThatNeverExpiresUntilAnAdminAllowsIt() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        JsonNode refused = create(member, Map.of("neverExpires", true)).expectProblem(422);
        assertThat(refused.get("reason").asString()).isEqualTo("NEVER_EXPIRING_TOKEN_NOT_ALLOWED");
        assertThat(refused.get("field").asString()).isEqualTo("neverExpires");
        assertThat(api.get(member.token(), "/api/v1/organization")
                        .json()
                        .get("apiTokensMayNeverExpire")
                        .asBoolean())
                .isFalse();
        api.patch(member.token(), "/api/v1/organization", Map.of("apiTokensMayNeverExpire", true))
                .expectProblem(403);

        api.patch(admin.token(), "/api/v1/organization", Map.of("apiTokensMayNeverExpire", true))
                .expect(200);

        assertThat(api.get(member.token(), "/api/v1/organization")
                        .json()
                        .get("apiTokensMayNeverExpire")
                        .asBoolean())
                .isTrue();
        ApiResponse forever = create(member, Map.of("neverExpires", true)).expect(201);
        assertThat(forever.json().get("expiresAt").isNull()).isTrue();
        clock.advance(Duration.ofDays(3650));
        api.get(forever.text("token"), "/api/v1/me").expect(200);
    }

    @Test
    void stoppingTokensThatNeverExpireGivesThemTheDefaultExpiryFromThen() {
        Account admin = api.signUp();
        Account elsewhere = api.signUp();
        for (Account each : java.util.List.of(admin, elsewhere)) {
            api.patch(each.token(), "/api/v1/organization", Map.of("apiTokensMayNeverExpire", true))
                    .expect(200);
        }
        String forever = create(admin, Map.of("neverExpires", true)).expect(201).text("token");
        String otherOrganizations =
                create(elsewhere, Map.of("neverExpires", true)).expect(201).text("token");
        clock.advance(Duration.ofDays(10));

        api.patch(admin.token(), "/api/v1/organization", Map.of("apiTokensMayNeverExpire", false))
                .expect(200);

        Instant later = NOW.plus(Duration.ofDays(100));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tokensOf(admin))
                        .allSatisfy(token -> assertThat(token.get("expiresAt").asString())
                                .isIn(NOW.plus(Duration.ofDays(90)).toString(), later.toString())));
        clock.advance(Duration.ofDays(90));
        api.get(forever, "/api/v1/me").expectProblem(401);
        api.get(otherOrganizations, "/api/v1/me").expect(200);
    }

    @Test
    void aReadOnlyTokenReadsAndChangesNothing() {
        Account admin = api.signUp();
        ApiResponse issued = create(admin, Map.of("scope", "READ_ONLY")).expect(201);
        String reader = issued.text("token");
        assertThat(issued.text("scope")).isEqualTo("READ_ONLY");

        api.get(reader, "/api/v1/me").expect(200);
        api.get(reader, "/api/v1/tokens").expect(200);
        assertThat(api.send(HttpMethod.HEAD, reader, "/api/v1/me", null).status())
                .isEqualTo(200);
        JsonNode refused = api.post(
                        reader,
                        "/api/v1/commitments",
                        ApiFixtures.clearTerms(
                                LocalDate.ofInstant(NOW, ZoneId.of("UTC")).plusDays(30), "PRIVATE"))
                .expectProblem(403);
        assertThat(refused.get("detail").asString()).contains("read-only");
        api.patch(reader, "/api/v1/organization", Map.of("apiTokensMayNeverExpire", true))
                .expectProblem(403);
        api.delete(reader, "/api/v1/tokens/" + issued.text("id")).expectProblem(403);

        assertThat(api.commitmentsOwnedBy(admin.personId())).isZero();
        assertThat(api.get(admin.token(), "/api/v1/organization")
                        .json()
                        .get("apiTokensMayNeverExpire")
                        .asBoolean())
                .isFalse();
        api.get(reader, "/api/v1/me").expect(200);
        api.post(
                        admin.token(),
                        "/api/v1/commitments",
                        ApiFixtures.clearTerms(
                                LocalDate.ofInstant(NOW, ZoneId.of("UTC")).plusDays(30), "PRIVATE"))
                .expect(201);
    }

    @Test
    void recordsALastUseAtMostOnceAMinute() {
        Account admin = api.signUp();
        String used = create(admin, Map.of("name", "watched")).expect(201).text("token");
        assertThat(lastUse(admin, "watched")).isNull();

        api.get(used, "/api/v1/me").expect(200);
        assertThat(lastUse(admin, "watched")).isEqualTo(NOW.toString());

        clock.advance(Duration.ofSeconds(59));
        api.get(used, "/api/v1/me").expect(200);
        assertThat(lastUse(admin, "watched")).isEqualTo(NOW.toString());

        clock.advance(Duration.ofSeconds(2));
        api.get(used, "/api/v1/me").expect(200);
        assertThat(lastUse(admin, "watched")).isEqualTo(NOW.plusSeconds(61).toString());
    }

    @Test
    void theTokensPageShowsExpiryScopeAndLastUse() {
        Account admin = api.signUp();
        String used = create(admin, Map.of("name", "nightly-export", "scope", "READ_ONLY", "expiresInDays", 7))
                .expect(201)
                .text("token");
        api.get(used, "/api/v1/me").expect(200);
        ZoneId zone = ZoneId.of(api.get(admin.token(), "/api/v1/me").text("timeZone"));
        clock.advance(Duration.ofDays(8));

        MvcTestResult page = mvc.get().uri("/settings/tokens").with(as(admin)).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("nightly-export")
                .contains("Read only")
                .contains("expired")
                .contains(SHOWN.format(NOW.plus(Duration.ofDays(7)).atZone(zone)))
                .contains(SHOWN.format(NOW.atZone(zone)))
                .contains("Read and write")
                .contains(SHOWN.format(NOW.plus(Duration.ofDays(90)).atZone(zone)))
                .doesNotContain("value=\"never\"")
                .contains("Your organization does not allow tokens that never expire");
    }

    @Test
    void createsATokenOnThePageWithTheChosenExpiryAndScope() {
        Account admin = api.signUp();

        MvcTestResult created = mvc.post()
                .uri("/settings/tokens")
                .with(as(admin))
                .with(csrf())
                .param("name", "from-the-page")
                .param("expiry", "30")
                .param("scope", "READ_ONLY")
                .exchange();

        assertThat(created).hasStatusOk();
        assertThat(created).bodyText().contains("issued-token").contains("Read only");
        JsonNode token = tokensOf(admin).stream()
                .filter(t -> t.get("name").asString().equals("from-the-page"))
                .findFirst()
                .orElseThrow();
        assertThat(token.get("scope").asString()).isEqualTo("READ_ONLY");
        assertThat(token.get("expiresAt").asString())
                .isEqualTo(NOW.plus(Duration.ofDays(30)).toString());
    }

    @Test
    void saysOnThePageWhatIsWrongWithTheExpiry() {
        Account admin = api.signUp();

        MvcTestResult never = createOnPage(admin, "never", null);
        MvcTestResult noDay = createOnPage(admin, "date", null);
        MvcTestResult pastDay = createOnPage(admin, "date", "2026-11-01");
        MvcTestResult unknown = createOnPage(admin, "12", null);

        assertThat(never).hasStatusOk();
        assertThat(never)
                .bodyText()
                .contains("Your organization does not allow API tokens that never expire")
                .doesNotContain("issued-token");
        assertThat(noDay).bodyText().contains("choose the last day it works");
        assertThat(pastDay).bodyText().contains("must be a day after today and at most 365 days ahead");
        assertThat(unknown).bodyText().contains("must be one of the choices");
        assertThat(tokensOf(admin)).hasSize(1);

        api.patch(admin.token(), "/api/v1/organization", Map.of("apiTokensMayNeverExpire", true))
                .expect(200);
        MvcTestResult allowed = createOnPage(admin, "never", null);
        assertThat(allowed).bodyText().contains("issued-token").contains("It never expires.");
        assertThat(mvc.get().uri("/settings/tokens").with(as(admin))).bodyText().contains("value=\"never\"");
    }

    private MvcTestResult createOnPage(Account account, String expiry, String expiresOn) {
        var request = mvc.post()
                .uri("/settings/tokens")
                .with(as(account))
                .with(csrf())
                .param("name", "page")
                .param("expiry", expiry)
                .param("scope", "READ_WRITE");
        if (expiresOn != null) {
            request.param("expiresOn", expiresOn);
        }
        return request.exchange();
    }

    private ApiResponse create(Account account, Map<String, Object> choices) {
        Map<String, Object> body = new HashMap<>(choices);
        body.put("email", account.email());
        body.put("password", account.password());
        return api.post(null, "/api/v1/tokens", body);
    }

    private java.util.List<JsonNode> tokensOf(Account account) {
        return api.get(account.token(), "/api/v1/tokens")
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .toList();
    }

    private String lastUse(Account account, String name) {
        JsonNode token = tokensOf(account).stream()
                .filter(t -> t.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
        return token.get("lastUsedAt").isNull() ? null : token.get("lastUsedAt").asString();
    }

    private static JsonNode withoutInstance(ApiResponse response) {
        return ((ObjectNode) response.json()).without("instance");
    }
}
