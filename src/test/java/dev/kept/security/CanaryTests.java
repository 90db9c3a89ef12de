package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.people.Caller;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Canaries: unique strings written into a private and a partners-only commitment (terms,
 * progress notes, reflection), the "challenge me on" of a partnership, a challenge and its answer,
 * a thanks for the private commitment, and the partners' check-in (a shared note, the owner's
 * private note, a next step).
 * The owner's manager and the admin then crawl everything they can reach (every link from the
 * home page, every API read, and the addresses of the hidden things, guessed), try to change
 * them, and read their e-mails and notifications; no canary may appear in any of it, nor in any
 * e-mail or log line written meanwhile. The owner's own crawl finds them all, which shows the
 * crawl would have seen a leak. The partner's private note on the check-in is a canary even the
 * owner never sees.
 */
@KeptApiTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class CanaryTests {

    private static final Pattern LINK = Pattern.compile("(?:href|action|hx-get)=\"(/[^\"]*)\"");
    private static final int MOST_PAGES = 400;

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final List<String> canaries = new ArrayList<>();
    private final Set<String> hiddenAddresses = new LinkedHashSet<>();

    @Test
    void managerAndAdminNeverSeeTheCanaries(CapturedOutput output) throws Exception {
        Account admin = api.signUp();
        Account manager = api.join(admin);
        Account owner = api.join(admin, Map.of("managerId", manager.personId().toString()));
        Account partner = api.join(admin);
        Account coach = api.guest(owner, "COACH");
        api.post(coach.token(), "/api/v1/partnerships/" + coach.partnershipId() + "/accept", Map.of())
                .expect(200);

        UUID partnership = api.partnership(owner, partner, "PEER");
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        owner.token(),
                        "/api/v1/partnerships/" + partnership + "/agreement",
                        Map.of("challengeMeOn", canary("challenge-me-on")))
                .expect(200);
        UUID hidden = commitment(owner, "PRIVATE");
        UUID shared = commitment(owner, "PARTNERS");
        for (UUID id : List.of(hidden, shared)) {
            api.post(
                            owner.token(),
                            "/api/v1/commitments/" + id + "/progress",
                            Map.of("percent", 40, "confidence", "AT_RISK", "note", canary("progress-note")))
                    .expect(201);
        }
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + hidden + "/verification",
                        Map.of("outcome", "DROPPED", "reflection", canary("reflection")))
                .expect(200);
        UUID challenge = api.post(
                        partner.token(),
                        "/api/v1/commitments/" + shared + "/challenges",
                        Map.of("kind", "CONCERN", "message", canary("challenge")))
                .expect(201)
                .id();
        api.post(
                        coach.token(),
                        "/api/v1/commitments/" + shared + "/challenges",
                        Map.of("message", canary("coach-challenge")))
                .expect(201);
        api.post(
                        owner.token(),
                        "/api/v1/challenges/" + challenge + "/answer",
                        Map.of("message", canary("answer"), "helpful", true))
                .expect(200);
        api.awaitNotification(partner, "answered your challenge");
        api.awaitNotification(owner, "challenged you");

        // the owner thanks the partner for the private commitment: only the two of them see it
        Map<String, Object> thanks = new LinkedHashMap<>();
        thanks.put("toPersonId", partner.personId().toString());
        thanks.put("message", "Thank you for " + canary("kudos"));
        thanks.put("forType", "COMMITMENT");
        thanks.put("forId", hidden.toString());
        UUID kudos =
                api.post(owner.token(), "/api/v1/kudos", thanks).expect(201).id();
        api.awaitNotification(partner, "thanked you");
        hiddenAddresses.add("/kudos");
        hiddenAddresses.add("/kudos?forType=COMMITMENT&forId=" + hidden);
        hiddenAddresses.add("/api/v1/kudos");
        hiddenAddresses.add("/api/v1/kudos/" + kudos);
        // the partner speaks up on the shared commitment, offering help; the owner answers
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("targetType", "COMMITMENT");
        flag.put("targetId", shared.toString());
        flag.put("noticed", canary("flag-noticed"));
        flag.put("question", canary("flag-question") + "?");
        flag.put("help", Map.of("kind", "TIME", "what", canary("flag-help")));
        var raised =
                api.post(partner.token(), "/api/v1/flags", flag).expect(201).json();
        UUID flagId = UUID.fromString(raised.get("id").asString());
        UUID helpId = UUID.fromString(raised.get("helpOfferId").asString());
        api.post(owner.token(), "/api/v1/flags/" + flagId + "/answer", Map.of("answer", canary("flag-answer")))
                .expect(200);
        api.post(owner.token(), "/api/v1/help-offers/" + helpId + "/accept", Map.of())
                .expect(200);
        api.awaitNotification(partner, "answered the flag you raised");

        // the lifecycle: milestones, a renegotiation, the partner's confirmation and reflections
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        for (UUID id : List.of(hidden, shared)) {
            if (id.equals(shared)) {
                api.post(
                                owner.token(),
                                "/api/v1/commitments/" + id + "/milestones",
                                Map.of("title", canary("milestone"), "due", due.toString()))
                        .expect(201);
            }
        }
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + shared + "/renegotiations",
                        Map.of("reason", canary("renegotiation"), "doneWhen", canary("new-done-when")))
                .expect(201);
        api.post(partner.token(), "/api/v1/commitments/" + shared + "/renegotiations/1/accept", Map.of())
                .expect(200);
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + shared + "/verification",
                        Map.of("outcome", "KEPT", "reflection", canary("shared-reflection")))
                .expect(200);
        api.post(
                        partner.token(),
                        "/api/v1/commitments/" + shared + "/confirmation",
                        Map.of("agree", false, "comment", canary("dispute")))
                .expect(200);
        api.post(
                        partner.token(),
                        "/api/v1/commitments/" + shared + "/reflections",
                        Map.of("worked", canary("worked"), "changeNext", canary("change-next")))
                .expect(201);
        // an expectation between the owner and the partner, answered with a question and a counter
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("toPersonId", partner.personId().toString());
        asked.put("what", "Review the plan " + canary("expectation"));
        asked.put("doneWhen", "Reviewed by 2 people " + canary("expectation-done-when"));
        asked.put("due", LocalDate.now(ZoneOffset.UTC).plusDays(9).toString());
        asked.put("why", canary("expectation-why"));
        UUID expectation = api.post(owner.token(), "/api/v1/expectations", asked)
                .expect(201)
                .id();
        api.post(
                        partner.token(),
                        "/api/v1/expectations/" + expectation + "/questions",
                        Map.of("text", canary("expectation-question")))
                .expect(200);
        api.post(
                        partner.token(),
                        "/api/v1/expectations/" + expectation + "/counter",
                        Map.of(
                                "reason",
                                canary("counter"),
                                "due",
                                LocalDate.now(ZoneOffset.UTC).plusDays(12).toString()))
                .expect(200);
        api.awaitNotification(owner, "disputed your assessment");
        // the partners' weekly check-in: a shared note, a private note of each, a next step
        String schedule = "/api/v1/partnerships/" + partnership + "/schedule";
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        owner.token(),
                        schedule,
                        Map.of(
                                "cadence", "WEEKLY",
                                "weekday", "THURSDAY",
                                "time", "15:00",
                                "timeZone", "Europe/Paris",
                                "durationMinutes", 45,
                                // not a canary: the schedule e-mail tells both partners where they meet
                                "location", "Room 4"))
                .expect(200);
        api.post(partner.token(), schedule + "/accept", Map.of()).expect(200);
        String checkIn = api.get(owner.token(), "/api/v1/checkins")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        String notes = "/api/v1/checkins/" + checkIn + "/notes";
        api.post(owner.token(), notes, Map.of("text", canary("shared-note"), "private", false))
                .expect(201);
        api.post(owner.token(), notes, Map.of("text", canary("private-note"), "private", true))
                .expect(201);
        String partnersPrivateNote = "canary-partners-private-note-" + UUID.randomUUID();
        api.post(partner.token(), notes, Map.of("text", partnersPrivateNote, "private", true))
                .expect(201);
        api.post(
                        owner.token(),
                        "/api/v1/checkins/" + checkIn + "/next-steps",
                        Map.of(
                                "text",
                                canary("next-step"),
                                "ownerId",
                                partner.personId().toString(),
                                "due",
                                LocalDate.now(ZoneOffset.UTC).plusDays(5).toString()))
                .expect(201);
        hiddenAddresses.add("/checkins/" + checkIn);
        hiddenAddresses.add("/api/v1/checkins/" + checkIn);
        hiddenAddresses.add("/partnerships/" + partnership + "/schedule");
        hiddenAddresses.add(schedule);
        hiddenAddresses.add("/checkins");
        hiddenAddresses.add("/api/v1/checkins");

        // the partner flags the expectation the owner asked of them
        Map<String, Object> onExpectation = new LinkedHashMap<>();
        onExpectation.put("targetType", "EXPECTATION");
        onExpectation.put("targetId", expectation.toString());
        onExpectation.put("noticed", canary("expectation-flag-noticed"));
        onExpectation.put("question", canary("expectation-flag-question") + "?");
        UUID expectationFlag = api.post(partner.token(), "/api/v1/flags", onExpectation)
                .expect(201)
                .id();
        for (UUID id : List.of(flagId, expectationFlag)) {
            hiddenAddresses.add("/flags/" + id);
            hiddenAddresses.add("/api/v1/flags/" + id);
        }
        hiddenAddresses.add("/help-offers/" + helpId);
        hiddenAddresses.add("/api/v1/help-offers/" + helpId);
        hiddenAddresses.add("/teamwork/commitment/" + shared);
        hiddenAddresses.add("/teamwork/commitment/" + hidden);
        hiddenAddresses.add("/teamwork/expectation/" + expectation);
        hiddenAddresses.add("/api/v1/flags?targetType=COMMITMENT&targetId=" + shared);
        hiddenAddresses.add("/api/v1/flags?targetType=EXPECTATION&targetId=" + expectation);
        hiddenAddresses.add("/flags/new?targetType=COMMITMENT&targetId=" + shared);
        hiddenAddresses.add("/help-offers/new?targetType=COMMITMENT&targetId=" + hidden);
        hiddenAddresses.add("/flags");
        hiddenAddresses.add("/help-offers");
        hiddenAddresses.add("/api/v1/flags");
        hiddenAddresses.add("/api/v1/help-offers");

        hiddenAddresses.add("/expectations/" + expectation);
        hiddenAddresses.add("/api/v1/expectations/" + expectation);
        hiddenAddresses.add("/api/v1/expectations");
        hiddenAddresses.add("/expectations");

        for (UUID id : List.of(hidden, shared)) {
            hiddenAddresses.add("/commitments/" + id);
            hiddenAddresses.add("/commitments/" + id + "/edit");
            hiddenAddresses.add("/api/v1/commitments/" + id);
            hiddenAddresses.add("/api/v1/commitments/" + id + "/challenges");
        }
        hiddenAddresses.add("/api/v1/challenges/" + challenge);
        hiddenAddresses.add("/partnerships/" + partnership);
        hiddenAddresses.add("/api/v1/partnerships/" + partnership);
        hiddenAddresses.add("/commitments?owner=" + owner.personId() + "&status=ALL");
        hiddenAddresses.add("/api/v1/commitments?owner=" + owner.personId());
        hiddenAddresses.add("/people/" + owner.personId());
        hiddenAddresses.add("/partnerships/fit?partnerId=" + owner.personId());

        Map<String, String> ownerSees = crawl(owner);
        for (String canary : canaries) {
            assertThat(ownerSees.values())
                    .as("the owner's crawl shows " + canary)
                    .anyMatch(body -> body.contains(canary));
        }
        ownerSees.forEach((address, body) ->
                assertThat(body).as("%s as the owner", address).doesNotContain(partnersPrivateNote));
        assertThat(mvc.perform(as(partner, MockMvcRequestBuilders.get("/checkins/" + checkIn)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .as("the partner's own agenda shows their private note")
                .contains(partnersPrivateNote);
        canaries.add(partnersPrivateNote);

        // the owner's calendar feed: its secret token is shown to the owner once and found nowhere else,
        // not even in the database, which keeps only its hash
        String feedUrl = api.post(owner.token(), "/api/v1/me/calendar-feed", Map.of())
                .expect(201)
                .text("url");
        String feedToken =
                feedUrl.substring(feedUrl.indexOf("/calendar/") + "/calendar/".length(), feedUrl.length() - 4);
        assertThat(feedToken).hasSizeGreaterThanOrEqualTo(22);
        canaries.add(feedToken);
        assertThat(jdbc.sql("select token_hash from calendar_feed")
                        .query(String.class)
                        .list())
                .noneMatch(hash -> hash.contains(feedToken));
        hiddenAddresses.add("/calendar/cal_" + UUID.randomUUID() + ".ics");

        for (Account outsider : List.of(manager, admin)) {
            Map<String, String> seen = crawl(outsider);
            seen.putAll(tryToChange(outsider, hidden, shared, challenge, partnership));
            seen.putAll(tryToChangeTheFlag(outsider, flagId, helpId));
            seen.putAll(tryToChangeTheCheckIn(outsider, checkIn, partnership));
            assertThat(seen).as("what %s reached", outsider.name()).hasSizeGreaterThan(25);
            seen.forEach((address, body) -> {
                for (String canary : canaries) {
                    assertThat(body).as("%s as %s", address, outsider.name()).doesNotContain(canary);
                }
            });
        }

        List<String> mails = jdbc.sql("select recipient || ' ' || subject || ' ' || body from outgoing_mail")
                .query(String.class)
                .list();
        assertThat(mails).as("e-mails were written").isNotEmpty();
        for (String canary : canaries) {
            assertThat(mails).as("e-mails").noneMatch(mail -> mail.contains(canary));
            assertThat(output.getAll()).as("the log").doesNotContain(canary);
        }
    }

    private String canary(String where) {
        String canary = "canary-" + where + "-" + UUID.randomUUID();
        canaries.add(canary);
        return canary;
    }

    private UUID commitment(Account owner, String visibility) {
        Map<String, Object> terms = new LinkedHashMap<>(
                ApiFixtures.clearTerms(LocalDate.now(ZoneOffset.UTC).plusDays(3), visibility));
        terms.put("what", "Publish the checklist " + canary("what-" + visibility));
        terms.put("doneWhen", "Used by 2 new hires " + canary("done-when-" + visibility));
        terms.put("why", canary("why-" + visibility));
        return UUID.fromString(api.commit(owner, terms).get("id").asString());
    }

    /** Every page reachable by links from home, every API read, and the guessed addresses. */
    private Map<String, String> crawl(Account viewer) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add("/");
        queue.addAll(hiddenAddresses);
        queue.addAll(List.of(
                "/api/v1/me",
                "/api/v1/people",
                "/api/v1/teams",
                "/api/v1/commitments",
                "/api/v1/partnerships",
                "/api/v1/partnerships/candidates",
                "/api/v1/me/conflicts",
                "/api/v1/notifications",
                "/admin/outbox",
                "/notifications"));
        while (!queue.isEmpty() && seen.size() < MOST_PAGES) {
            String address = queue.poll();
            if (seen.containsKey(address)) {
                continue;
            }
            MvcResult result =
                    mvc.perform(as(viewer, MockMvcRequestBuilders.get(address))).andReturn();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            seen.put(address, body);
            Matcher links = LINK.matcher(body);
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                int fragment = link.indexOf('#');
                link = fragment >= 0 ? link.substring(0, fragment) : link;
                if (!link.isEmpty() && worthFollowing(link) && !seen.containsKey(link)) {
                    queue.add(link);
                }
            }
        }
        return seen;
    }

    private static boolean worthFollowing(String link) {
        return !(link.startsWith("/css")
                || link.startsWith("/js")
                || link.startsWith("/webjars")
                || link.startsWith("/favicon")
                || link.startsWith("/swagger-ui")
                || link.startsWith("/v3/")
                || link.equals("/logout"));
    }

    /** The changes an outsider might try: each must fail without showing anything. */
    private Map<String, String> tryToChange(
            Account outsider, UUID hidden, UUID shared, UUID challenge, UUID partnership) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        List<String[]> attempts = List.of(
                new String[] {"/api/v1/commitments/" + shared + "/challenges", "{\"message\":\"Why?\"}"},
                new String[] {"/api/v1/challenges/" + challenge + "/answer", "{\"message\":\"Because\"}"},
                new String[] {"/api/v1/commitments/" + hidden + "/progress", "{\"confidence\":\"ON_TRACK\"}"},
                new String[] {"/api/v1/commitments/" + shared + "/progress", "{\"confidence\":\"ON_TRACK\"}"},
                new String[] {"/api/v1/partnerships/" + partnership + "/end", "{}"},
                new String[] {"/api/v1/partnerships/" + partnership + "/accept", "{}"});
        for (String[] attempt : attempts) {
            MvcResult result = mvc.perform(as(
                            outsider,
                            MockMvcRequestBuilders.post(attempt[0])
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(attempt[1])))
                    .andReturn();
            assertThat(result.getResponse().getStatus())
                    .as("POST %s", attempt[0])
                    .isIn(403, 404);
            answers.put("POST " + attempt[0], result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        for (String page : List.of(
                "/commitments/" + shared + "/challenges",
                "/commitments/" + shared + "/progress",
                "/partnerships/" + partnership + "/end")) {
            MvcResult result = mvc.perform(as(
                            outsider,
                            MockMvcRequestBuilders.post(page)
                                    .with(csrf())
                                    .param("kind", "QUESTION")
                                    .param("message", "Why?")
                                    .param("confidence", "ON_TRACK")))
                    .andReturn();
            answers.put("POST " + page, result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return answers;
    }

    /** What an outsider might try on the partner's flag and help: each answers 404 and shows nothing. */
    private Map<String, String> tryToChangeTheFlag(Account outsider, UUID flag, UUID help) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        List<String[]> attempts = List.of(
                new String[] {"/api/v1/flags/" + flag + "/answer", "{\"answer\":\"Fine\"}"},
                new String[] {"/api/v1/flags/" + flag + "/resolve", "{}"},
                new String[] {"/api/v1/flags/" + flag + "/withdraw", "{}"},
                new String[] {"/api/v1/help-offers/" + help + "/decline", "{}"});
        for (String[] attempt : attempts) {
            MvcResult result = mvc.perform(as(
                            outsider,
                            MockMvcRequestBuilders.post(attempt[0])
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(attempt[1])))
                    .andReturn();
            assertThat(result.getResponse().getStatus())
                    .as("POST %s", attempt[0])
                    .isEqualTo(404);
            answers.put("POST " + attempt[0], result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        MvcResult page = mvc.perform(as(
                        outsider,
                        MockMvcRequestBuilders.post("/flags/" + flag + "/answer")
                                .with(csrf())
                                .param("answer", "Fine")))
                .andReturn();
        answers.put("POST /flags/" + flag + "/answer", page.getResponse().getContentAsString(StandardCharsets.UTF_8));
        return answers;
    }

    /** What an outsider might try on the partners' check-in: each answers 404 and shows nothing. */
    private Map<String, String> tryToChangeTheCheckIn(Account outsider, String checkIn, UUID partnership)
            throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        List<MockHttpServletRequestBuilder> attempts = List.of(
                MockMvcRequestBuilders.post("/api/v1/checkins/" + checkIn + "/notes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Hello\",\"private\":false}"),
                MockMvcRequestBuilders.post("/api/v1/checkins/" + checkIn + "/attendance")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"SKIPPED\"}"),
                MockMvcRequestBuilders.post("/api/v1/partnerships/" + partnership + "/schedule/decline"),
                MockMvcRequestBuilders.delete("/api/v1/partnerships/" + partnership + "/schedule"),
                MockMvcRequestBuilders.post("/checkins/" + checkIn + "/notes")
                        .with(csrf())
                        .param("text", "Hello"),
                MockMvcRequestBuilders.post("/checkins/" + checkIn + "/attendance")
                        .with(csrf())
                        .param("status", "SKIPPED"),
                MockMvcRequestBuilders.post("/partnerships/" + partnership + "/schedule/stop")
                        .with(csrf()));
        for (MockHttpServletRequestBuilder attempt : attempts) {
            MvcResult result = mvc.perform(as(outsider, attempt)).andReturn();
            String what =
                    result.getRequest().getMethod() + " " + result.getRequest().getRequestURI();
            assertThat(result.getResponse().getStatus()).as(what).isEqualTo(404);
            answers.put(what, result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return answers;
    }

    private static MockHttpServletRequestBuilder as(Account account, MockHttpServletRequestBuilder request) {
        if (request.buildRequest(new org.springframework.mock.web.MockServletContext())
                .getRequestURI()
                .startsWith("/api/")) {
            return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + account.token());
        }
        Caller caller = new Caller(account.personId(), account.organizationId(), account.name());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"))));
    }
}
