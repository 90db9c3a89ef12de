package dev.kept.export;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;

/**
 * A person P and their peer partner Q, in two teams, with a bit of everything between them: each
 * item carries a unique canary, held in {@link #mine} (what P's export must hold) or {@link
 * #hidden} (Q's hidden content, which it must never hold).
 */
final class ExportFixtures {

    final Account admin;
    final Account p;
    final Account q;
    final UUID partnership;
    final List<String> mine = new ArrayList<>();
    final List<String> hidden = new ArrayList<>();

    private final ApiFixtures api;
    private final LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(10);

    ExportFixtures(ApiFixtures api) {
        this.api = api;
        admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID data = api.team(admin, ApiFixtures.unique("Data"));
        p = api.join(admin, Map.of("teamId", platform.toString()));
        q = api.join(admin, Map.of("teamId", data.toString()));
        api.send(HttpMethod.PUT, q.token(), "/api/v1/me/strengths", Map.of("strengths", List.of("postgres")))
                .expect(200);
        partnership = api.invitePartner(p, q.personId(), "PEER").expect(201).id();
        api.send(
                        HttpMethod.PUT,
                        p.token(),
                        "/api/v1/partnerships/" + partnership + "/agreement",
                        Map.of("challengeMeOn", canary("challenge me on")))
                .expect(200);
        api.post(q.token(), "/api/v1/partnerships/" + partnership + "/accept", Map.of())
                .expect(200);
    }

    /** Everything between P and Q, once. */
    ExportFixtures everything() {
        Map<String, UUID> ps = new LinkedHashMap<>();
        for (String visibility : List.of("PRIVATE", "PARTNERS", "TEAM", "ORGANIZATION")) {
            ps.put(visibility, commitment(p, visibility, mine));
        }
        UUID qsPrivate = commitment(q, "PRIVATE", hidden);
        UUID qsForPartners = commitment(q, "PARTNERS", hidden);
        progress(q, qsPrivate, hidden);
        progress(q, qsForPartners, hidden);

        UUID mineShared = ps.get("PARTNERS");
        progress(p, mineShared, mine);
        api.post(
                        p.token(),
                        "/api/v1/commitments/" + mineShared + "/milestones",
                        Map.of("title", canary("milestone"), "due", soon.toString()))
                .expect(201);
        UUID closed = commitment(p, "PARTNERS", mine);
        api.post(
                        p.token(),
                        "/api/v1/commitments/" + closed + "/verification",
                        Map.of("outcome", "KEPT", "reflection", canary("reflection")))
                .expect(200);
        api.post(
                        q.token(),
                        "/api/v1/commitments/" + closed + "/confirmation",
                        Map.of("agree", true, "comment", canary("confirmation")))
                .expect(200);
        api.post(
                        p.token(),
                        "/api/v1/commitments/" + closed + "/reflections",
                        Map.of("worked", canary("worked"), "changeNext", canary("change next")))
                .expect(201);

        // challenges both ways
        UUID received = api.post(
                        q.token(),
                        "/api/v1/commitments/" + mineShared + "/challenges",
                        Map.of("kind", "PUSH", "message", canary("challenge received")))
                .expect(201)
                .id();
        api.post(p.token(), "/api/v1/challenges/" + received + "/answer", Map.of("message", canary("my answer")))
                .expect(200);
        api.post(
                        p.token(),
                        "/api/v1/commitments/" + qsForPartners + "/challenges",
                        Map.of("kind", "QUESTION", "message", canary("challenge written")))
                .expect(201);

        checkIn();

        // kudos both ways
        api.post(
                        p.token(),
                        "/api/v1/kudos",
                        Map.of("toPersonId", q.personId().toString(), "message", canary("kudos given")))
                .expect(201);
        api.post(
                        q.token(),
                        "/api/v1/kudos",
                        Map.of("toPersonId", p.personId().toString(), "message", canary("kudos received")))
                .expect(201);

        // flags both ways, each with help
        flag(q, mineShared);
        flag(p, qsForPartners);

        // help both ways
        api.post(
                        p.token(),
                        "/api/v1/help-offers",
                        Map.of("toPersonId", q.personId().toString(), "kind", "IDEAS", "what", canary("help given")))
                .expect(201);
        api.post(
                        q.token(),
                        "/api/v1/help-offers",
                        Map.of("toPersonId", p.personId().toString(), "kind", "IDEAS", "what", canary("help received")))
                .expect(201);

        // advice P asked, which Q (a postgres expert in another team) answered
        UUID advice = api.post(
                        p.token(),
                        "/api/v1/advice-requests",
                        Map.of(
                                "question",
                                canary("question"),
                                "details",
                                canary("details"),
                                "areas",
                                List.of("postgres")))
                .expect(201)
                .id();
        api.post(q.token(), "/api/v1/advice-requests/" + advice + "/answers", Map.of("text", canary("advice answer")))
                .expect(201);

        // a matching program P joined, with a strength of their own
        UUID program = api.post(
                        admin.token(),
                        "/api/v1/matching/programs",
                        Map.of("name", canary("program"), "rules", Map.of("avoidPreviousPartners", true)))
                .expect(201)
                .id();
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        mine.add(tag);
        api.post(
                        p.token(),
                        "/api/v1/matching/programs/" + program + "/participants",
                        Map.of("strengths", List.of(tag), "growthAreas", List.of()))
                .expect(201);

        // an expectation P asked of Q
        Map<String, Object> asked = new LinkedHashMap<>(ApiFixtures.clearTerms(soon, "PRIVATE"));
        asked.remove("visibility");
        asked.put("what", canary("expectation"));
        asked.put("toPersonId", q.personId().toString());
        api.post(p.token(), "/api/v1/expectations", asked).expect(201);
        return this;
    }

    /** More of P's own items of every kind that grows: commitments with progress, kudos, notes. */
    void more(int times) {
        for (int i = 0; i < times; i++) {
            UUID commitment = commitment(p, "PARTNERS", mine);
            progress(p, commitment, mine);
            api.post(
                            q.token(),
                            "/api/v1/kudos",
                            Map.of("toPersonId", p.personId().toString(), "message", canary("more kudos")))
                    .expect(201);
            api.post(
                            p.token(),
                            "/api/v1/checkins/" + checkIn + "/notes",
                            Map.of("text", canary("more notes"), "private", true))
                    .expect(201);
        }
    }

    private String checkIn;

    private void checkIn() {
        String schedule = "/api/v1/partnerships/" + partnership + "/schedule";
        api.send(
                        HttpMethod.PUT,
                        p.token(),
                        schedule,
                        Map.of(
                                "cadence", "WEEKLY",
                                "weekday", "WEDNESDAY",
                                "time", "09:00",
                                "timeZone", "Europe/London",
                                "durationMinutes", 30,
                                "location", "By the window"))
                .expect(200);
        api.post(q.token(), schedule + "/accept", Map.of()).expect(200);
        checkIn = api.get(p.token(), "/api/v1/checkins")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        String notes = "/api/v1/checkins/" + checkIn + "/notes";
        api.post(p.token(), notes, Map.of("text", canary("my shared note"), "private", false))
                .expect(201);
        api.post(p.token(), notes, Map.of("text", canary("my private note"), "private", true))
                .expect(201);
        api.post(q.token(), notes, Map.of("text", canary("partner's shared note"), "private", false))
                .expect(201);
        api.post(q.token(), notes, Map.of("text", hiddenCanary("partner's private note"), "private", true))
                .expect(201);
    }

    private void flag(Account raiser, UUID commitment) {
        // raised by P, or raised on P's commitment: either way P's to take out
        List<String> list = mine;
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("targetType", "COMMITMENT");
        flag.put("targetId", commitment.toString());
        flag.put("noticed", canary(raiser == p ? "flag raised" : "flag received", list));
        flag.put("question", canary("flag question", list));
        flag.put("help", Map.of("kind", "IDEAS", "what", canary("help with the flag", list)));
        api.post(raiser.token(), "/api/v1/flags", flag).expect(201);
    }

    private UUID commitment(Account owner, String visibility, List<String> canaries) {
        Map<String, Object> terms = new LinkedHashMap<>(ApiFixtures.clearTerms(soon, visibility));
        terms.put("what", canary(visibility + " commitment of " + owner.name(), canaries));
        return UUID.fromString(api.commit(owner, terms).get("id").asString());
    }

    private void progress(Account owner, UUID commitment, List<String> canaries) {
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + commitment + "/progress",
                        Map.of(
                                "confidence",
                                "AT_RISK",
                                "note",
                                canary("progress", canaries),
                                "needs",
                                canary("needs", canaries)))
                .expect(201);
    }

    private String canary(String what) {
        return canary(what, mine);
    }

    private String hiddenCanary(String what) {
        return canary(what, hidden);
    }

    private static String canary(String what, List<String> into) {
        String canary = what + " " + UUID.randomUUID();
        into.add(canary);
        return canary;
    }
}
