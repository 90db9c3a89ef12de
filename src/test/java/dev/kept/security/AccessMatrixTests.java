package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.access.Visibility;
import dev.kept.export.Exports;
import dev.kept.insights.InsightViewers;
import dev.kept.people.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix: every GET route of the application × every kind of viewer × the four
 * visibilities, as written in {@code security/access-matrix.txt}. A cell fails on a wrong status,
 * on missing content where it must show, and on any content its viewer may not see (the leak
 * check runs on every answer, whatever the route). A GET route missing from the table fails too.
 * A check-in's private notes are held to their author: each partner must see their own and never
 * the other's, and nobody else sees any note or the schedule.
 */
@KeptApiTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    private static final String TABLE = "/security/access-matrix.txt";

    enum Viewer {
        OWNER,
        PARTNER,
        PAUSED_PARTNER,
        ENDED_PARTNER,
        SUSPENDED_PARTNER,
        LATE_PARTNER,
        COMPETITOR,
        TEAMMATE,
        MANAGER,
        MANAGERS_MANAGER,
        REPORT,
        ADMIN,
        GUEST_OF_OTHER,
        OTHER_ORGANIZATION,
        ANONYMOUS
    }

    record Row(int line, String route, String request, List<Visibility> visibilities, List<String> cells) {}

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    InsightViewers insightViewers;

    @Autowired
    Exports exports;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Viewer, Account> accounts = new EnumMap<>(Viewer.class);
    private final Map<Visibility, UUID> commitments = new EnumMap<>(Visibility.class);
    private final Map<Visibility, String> commitmentMarkers = new EnumMap<>(Visibility.class);
    private final Map<Visibility, UUID> kudos = new EnumMap<>(Visibility.class);
    private final Map<Visibility, UUID> flags = new EnumMap<>(Visibility.class);
    private final Map<Visibility, UUID> helpOffers = new EnumMap<>(Visibility.class);
    private final Map<String, String> placeholders = new HashMap<>();
    private String challengeMarker;
    private String answerMarker;
    private String challengeMeOnMarker;
    private String expectationMarker;
    private String adviceMarker;
    private String decisionMarker;
    private String scheduleMarker;
    private String sharedNoteMarker;
    private String ownersPrivateNoteMarker;
    private String partnersPrivateNoteMarker;
    private String checkIn;
    private String proposalMarker;
    private String programMarker;
    private String matchMarker;
    private String silencedInvitationMarker;
    private String pulseMarker;
    private final List<String> formerCheckInMarkers = new ArrayList<>();
    private List<Row> rows;

    @BeforeAll
    void buildOrganization() throws IOException {
        rows = readTable();
        Account admin = api.signUp();
        UUID t1 = api.team(admin, ApiFixtures.unique("T1"));
        UUID t2 = api.team(admin, ApiFixtures.unique("T2"));
        UUID t3 = api.team(admin, ApiFixtures.unique("T3"));
        UUID t4 = api.team(admin, ApiFixtures.unique("T4"));
        Account managersManager = api.join(admin, Map.of("teamId", t2.toString()));
        Account manager = api.join(
                admin,
                Map.of(
                        "teamId",
                        t2.toString(),
                        "managerId",
                        managersManager.personId().toString()));
        Account owner = api.join(
                admin,
                Map.of("teamId", t1.toString(), "managerId", manager.personId().toString()));
        Account report = api.join(
                admin,
                Map.of("teamId", t3.toString(), "managerId", owner.personId().toString()));
        Account teammate = api.join(admin, Map.of("teamId", t1.toString()));
        Account partner = api.join(admin, Map.of("teamId", t4.toString()));
        Account paused = api.join(admin, Map.of("teamId", t4.toString()));
        Account ended = api.join(admin, Map.of("teamId", t4.toString()));
        Account suspended = api.join(admin, Map.of("teamId", t4.toString()));
        Account late = api.join(admin, Map.of("teamId", t4.toString()));
        Account competitor = api.join(admin, Map.of("teamId", t4.toString()));
        Account guest = api.guest(teammate, "COACH");
        Account stranger = api.signUp();

        challengeMeOnMarker = "challenge-me-on " + UUID.randomUUID();
        UUID partnership =
                api.invitePartner(owner, partner.personId(), "PEER").expect(201).id();
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        owner.token(),
                        "/api/v1/partnerships/" + partnership + "/agreement",
                        Map.of("challengeMeOn", challengeMeOnMarker))
                .expect(200);
        api.post(partner.token(), "/api/v1/partnerships/" + partnership + "/accept", Map.of())
                .expect(200);
        agreeCheckIns(owner, partner, partnership);
        proposeCoOwnedGoal(admin, t1, teammate, t4, partner);
        UUID pausedPartnership = api.partnership(paused, owner, "PEER");
        formerCheckIn("paused", owner, paused, pausedPartnership);
        api.post(owner.token(), "/api/v1/partnerships/" + pausedPartnership + "/pause", Map.of())
                .expect(200);
        UUID endedPartnership = api.partnership(owner, ended, "PEER");
        formerCheckIn("ended", owner, ended, endedPartnership);
        api.post(ended.token(), "/api/v1/partnerships/" + endedPartnership + "/end", Map.of())
                .expect(200);
        UUID suspendedPartnership = api.partnership(owner, suspended, "PEER");
        formerCheckIn("suspended", owner, suspended, suspendedPartnership);
        declareAndBeInvited(owner, competitor);

        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        // the organization goal all four of the owner's commitments serve
        UUID goal = api.post(
                        admin.token(),
                        "/api/v1/goals",
                        Map.of(
                                "title", "Customers succeed in month one",
                                "why", "Customers stay when they succeed early",
                                "doneWhen", "Nine in ten are active after a month",
                                "due", soon.plusDays(60).toString()))
                .expect(201)
                .id();
        for (Visibility visibility : Visibility.values()) {
            String marker = "matrix " + visibility + " " + UUID.randomUUID();
            Map<String, Object> terms = new LinkedHashMap<>(ApiFixtures.clearTerms(soon, visibility.name()));
            terms.put("what", "Publish the checklist " + marker);
            terms.put("goalId", goal.toString());
            commitments.put(
                    visibility,
                    UUID.fromString(api.commit(owner, terms).get("id").asString()));
            commitmentMarkers.put(visibility, marker);
            // its milestone and a progress note carry the same marker: wherever they show, the
            // leak check holds them to the commitment's own visibility
            api.post(
                            owner.token(),
                            "/api/v1/commitments/" + commitments.get(visibility) + "/milestones",
                            Map.of("title", "First step of " + marker, "due", soon.toString()))
                    .expect(201);
            api.post(
                            owner.token(),
                            "/api/v1/commitments/" + commitments.get(visibility) + "/progress",
                            Map.of(
                                    "confidence",
                                    "AT_RISK",
                                    "note",
                                    "Blocked: " + marker,
                                    "needs",
                                    "help with " + marker))
                    .expect(201);
        }
        // a second commitment for partners, closed, confirmed and reflected on: its owner's
        // reflection, the partner's confirmation and reflection carry the PARTNERS marker, so the
        // leak check holds them to who may see what is shared with partners
        String shared = commitmentMarkers.get(Visibility.PARTNERS);
        Map<String, Object> closedTerms = new LinkedHashMap<>(ApiFixtures.clearTerms(soon, "PARTNERS"));
        closedTerms.put("what", "Hand over the on-call rota (done) " + UUID.randomUUID());
        UUID closed = UUID.fromString(api.commit(owner, closedTerms).get("id").asString());
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + closed + "/verification",
                        Map.of("outcome", "KEPT", "reflection", "Owner's reflection on " + shared))
                .expect(200);
        api.post(
                        partner.token(),
                        "/api/v1/commitments/" + closed + "/confirmation",
                        Map.of("agree", true, "comment", "Confirmed: " + shared))
                .expect(200);
        api.post(
                        partner.token(),
                        "/api/v1/commitments/" + closed + "/reflections",
                        Map.of("worked", "What worked: " + shared, "changeNext", "Next time: " + shared))
                .expect(201);
        placeholders.put("{closed}", closed.toString());
        // the suspended partner was shared everything above; now the admin makes them the owner's
        // report, which suspends the partnership; the late partner comes after all of it
        api.patch(
                        admin.token(),
                        "/api/v1/people/" + suspended.personId(),
                        Map.of("managerId", owner.personId().toString()))
                .expect(200);
        assertThat(api.get(owner.token(), "/api/v1/partnerships/" + suspendedPartnership)
                        .expect(200)
                        .text("status"))
                .isEqualTo("SUSPENDED");
        api.partnership(owner, late, "PEER");

        challengeMarker = "challenge " + UUID.randomUUID();
        answerMarker = "answer " + UUID.randomUUID();
        UUID challenge = api.post(
                        partner.token(),
                        "/api/v1/commitments/" + commitments.get(Visibility.PARTNERS) + "/challenges",
                        Map.of("kind", "PUSH", "message", challengeMarker))
                .expect(201)
                .id();
        api.post(owner.token(), "/api/v1/challenges/" + challenge + "/answer", Map.of("message", answerMarker))
                .expect(200);

        expectationMarker = "expectation " + UUID.randomUUID();
        Map<String, Object> asked = new LinkedHashMap<>(ApiFixtures.clearTerms(soon, "PRIVATE"));
        asked.remove("visibility");
        asked.put("what", "Review the checklist " + expectationMarker);
        asked.put("toPersonId", partner.personId().toString());
        UUID expectation = api.post(owner.token(), "/api/v1/expectations", asked)
                .expect(201)
                .id();
        placeholders.put("{expectation}", expectation.toString());

        // the owner thanks the manager's team (T2) for each commitment, the message carrying the
        // commitment's text: a thanks for a commitment shows only where the commitment does
        for (Visibility visibility : Visibility.values()) {
            Map<String, Object> thanks = new LinkedHashMap<>();
            thanks.put("toTeamId", t2.toString());
            thanks.put("message", "Thanks for your help with " + commitmentMarkers.get(visibility));
            thanks.put("forType", "COMMITMENT");
            thanks.put("forId", commitments.get(visibility).toString());
            kudos.put(
                    visibility,
                    api.post(owner.token(), "/api/v1/kudos", thanks).expect(201).id());
        }
        adviceMarker = "advice " + UUID.randomUUID();
        UUID advice = api.post(
                        teammate.token(),
                        "/api/v1/advice-requests",
                        Map.of("question", "How do we index " + adviceMarker, "areas", List.of("postgres")))
                .expect(201)
                .id();
        placeholders.put("{advice}", advice.toString());
        decisionMarker = "decision " + UUID.randomUUID();
        UUID decision = api.post(
                        admin.token(),
                        "/api/v1/decisions",
                        Map.of(
                                "title",
                                "One deployment window",
                                "decision",
                                "We deploy on Tuesdays: " + decisionMarker,
                                "options",
                                List.of("Any time", "Tuesdays"),
                                "servesOrganization",
                                "Support can warn customers.",
                                "teamIds",
                                List.of(t1.toString())))
                .expect(201)
                .id();
        placeholders.put("{decision}", decision.toString());
        openMatchingProgram(admin, owner, teammate);
        raiseFlags(
                admin,
                owner,
                Map.of(
                        Visibility.PARTNERS, partner,
                        Visibility.TEAM, teammate,
                        Visibility.ORGANIZATION, manager));

        askPulse(admin, t4, List.of(partner, paused, ended, suspended, late, competitor));

        accounts.put(Viewer.OWNER, owner);
        accounts.put(Viewer.PARTNER, partner);
        accounts.put(Viewer.PAUSED_PARTNER, paused);
        accounts.put(Viewer.ENDED_PARTNER, ended);
        accounts.put(Viewer.SUSPENDED_PARTNER, suspended);
        accounts.put(Viewer.LATE_PARTNER, late);
        accounts.put(Viewer.COMPETITOR, competitor);
        accounts.put(Viewer.TEAMMATE, teammate);
        accounts.put(Viewer.MANAGER, manager);
        accounts.put(Viewer.MANAGERS_MANAGER, managersManager);
        accounts.put(Viewer.REPORT, report);
        accounts.put(Viewer.ADMIN, admin);
        accounts.put(Viewer.GUEST_OF_OTHER, guest);
        accounts.put(Viewer.OTHER_ORGANIZATION, stranger);
        // the admin allows the manager to see the organization insights
        insightViewers.allow(new Caller(admin.personId(), admin.organizationId(), admin.name()), manager.email());
        placeholders.put("{owner}", owner.personId().toString());
        Caller exporter = new Caller(owner.personId(), owner.organizationId(), owner.name());
        placeholders.put("{export}", exports.request(exporter).id().toString());
        exports.buildPending();
        placeholders.put("{pageexport}", exports.request(exporter).id().toString());
        exports.buildPending();
        placeholders.put("{partnership}", partnership.toString());
        placeholders.put("{challenge}", challenge.toString());
        placeholders.put("{team}", t1.toString());
        placeholders.put("{goal}", goal.toString());
        // the partner and the owner are told of the challenge and answer: let those land first
        api.awaitNotification(owner, "challenged you");
        api.awaitNotification(partner, "answered your challenge");
    }

    /**
     * A pulse to T4 ({@code {pulse}}) whose round ({@code {pulseround}}) all six of T4 answered, one
     * with a comment; the round is then moved a week back, so that it has closed and its results
     * show. Its title and the comment carry the pulse's marker: for T4's members and the admin.
     */
    private void askPulse(Account admin, UUID t4, List<Account> t4Members) {
        pulseMarker = "pulse " + UUID.randomUUID();
        UUID pulse = api.post(
                        admin.token(),
                        "/api/v1/pulses",
                        Map.of(
                                "title",
                                "Pulse " + pulseMarker,
                                "questions",
                                List.of("We asked early."),
                                "teamIds",
                                List.of(t4.toString()),
                                "cadence",
                                "WEEKLY",
                                "minGroup",
                                5,
                                "startsOn",
                                LocalDate.now(ZoneOffset.UTC).toString()))
                .expect(201)
                .id();
        UUID round = jdbc.sql("select id from pulse_round where pulse_id = :pulse")
                .param("pulse", pulse)
                .query(UUID.class)
                .single();
        for (Account member : t4Members) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("scores", List.of(4));
            answer.put("comment", member == t4Members.get(0) ? "Comment " + pulseMarker : "");
            api.post(member.token(), "/api/v1/pulses/rounds/" + round + "/answers", answer)
                    .expect(204);
        }
        LocalDate weekAgo = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        jdbc.sql("update pulse_round set opens_on = :opens, closes_on = :closes where id = :round")
                .param("opens", weekAgo)
                .param("closes", weekAgo.plusDays(7))
                .param("round", round)
                .update();
        placeholders.put("{pulse}", pulse.toString());
        placeholders.put("{pulseround}", round.toString());
    }

    /**
     * The owner declares the competitor, in private; the competitor then invites the owner, which
     * answers like any invitation (201, invited, with a lapse), and the owner is never told.
     */
    private void declareAndBeInvited(Account owner, Account competitor) {
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        owner.token(),
                        "/api/v1/me/conflicts",
                        Map.of("personIds", List.of(competitor.personId().toString())))
                .expect(200);
        silencedInvitationMarker = "silenced invitation " + UUID.randomUUID();
        JsonNode invited = api.post(
                        competitor.token(),
                        "/api/v1/partnerships",
                        Map.of(
                                "partnerId",
                                owner.personId().toString(),
                                "kind",
                                "PEER",
                                "message",
                                silencedInvitationMarker))
                .expect(201)
                .json();
        assertThat(invited.get("status").asString()).isEqualTo("INVITED");
        assertThat(invited.has("lapsesAt")).isTrue();
    }

    /**
     * A jeopardy flag on each of the owner's commitments, raised by someone who sees it (on the
     * private one, a person the owner invited to co-own it), with help the owner accepted. The flag's
     * words and the help carry the commitment's marker, so the leak check holds flags and help to the
     * commitment's own visibility.
     */
    /**
     * A matching program every member sees ({@code {program}}, its name the content of the program
     * rows), run once ({@code {run}}) so that the owner and the teammate are matched ({@code
     * {match}}): the reasons of the match, which name a topic only the two gave, are for the two and
     * the admin who ran it.
     */
    private void openMatchingProgram(Account admin, Account owner, Account teammate) {
        programMarker = "program " + UUID.randomUUID();
        matchMarker = "match-" + UUID.randomUUID().toString().substring(0, 8);
        UUID program = api.post(
                        admin.token(),
                        "/api/v1/matching/programs",
                        Map.of("name", programMarker, "rules", Map.of("avoidPreviousPartners", true)))
                .expect(201)
                .id();
        String participants = "/api/v1/matching/programs/" + program + "/participants";
        api.post(owner.token(), participants, Map.of("strengths", List.of(matchMarker), "growthAreas", List.of()))
                .expect(201);
        api.post(teammate.token(), participants, Map.of("strengths", List.of(), "growthAreas", List.of(matchMarker)))
                .expect(201);
        JsonNode run = api.post(admin.token(), "/api/v1/matching/programs/" + program + "/runs", null)
                .expect(201)
                .json();
        assertThat(run.get("pairs"))
                .as("the owner and the teammate are matched")
                .hasSize(1);
        placeholders.put("{program}", program.toString());
        placeholders.put("{run}", run.get("id").asString());
        placeholders.put("{match}", run.get("pairs").get(0).get("proposalId").asString());
    }

    private void raiseFlags(Account admin, Account owner, Map<Visibility, Account> raisers) {
        Account confidant = api.join(admin);
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + commitments.get(Visibility.PRIVATE) + "/co-owners",
                        Map.of("personId", confidant.personId().toString()))
                .expect(201);
        Map<Visibility, Account> all = new EnumMap<>(raisers);
        all.put(Visibility.PRIVATE, confidant);
        all.forEach((visibility, raiser) -> {
            String marker = commitmentMarkers.get(visibility);
            Map<String, Object> flag = new LinkedHashMap<>();
            flag.put("targetType", "COMMITMENT");
            flag.put("targetId", commitments.get(visibility).toString());
            flag.put("noticed", "Noticed: " + marker);
            flag.put("question", "What would help with " + marker + "?");
            flag.put("help", Map.of("kind", "IDEAS", "what", "Ideas for " + marker));
            var raised =
                    api.post(raiser.token(), "/api/v1/flags", flag).expect(201).json();
            flags.put(visibility, UUID.fromString(raised.get("id").asString()));
            UUID help = UUID.fromString(raised.get("helpOfferId").asString());
            helpOffers.put(visibility, help);
            api.post(owner.token(), "/api/v1/help-offers/" + help + "/accept", Map.of())
                    .expect(200);
        });
    }

    /**
     * The teammate leads T1 and the partner T4; T1's goal is proposed to T4 for co-ownership, and the
     * negotiation stays open: seen by the members of T1 (the owner, the teammate) and of T4 (the
     * partner, the paused and the ended partner), by nobody else.
     */
    private void proposeCoOwnedGoal(Account admin, UUID t1, Account teammate, UUID t4, Account partner) {
        proposalMarker = "proposal " + UUID.randomUUID();
        api.patch(
                        admin.token(),
                        "/api/v1/teams/" + t1,
                        Map.of("leadId", teammate.personId().toString()))
                .expect(200);
        api.patch(
                        admin.token(),
                        "/api/v1/teams/" + t4,
                        Map.of("leadId", partner.personId().toString()))
                .expect(200);
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("title", "Onboarding takes a day");
        goal.put("why", "New people start faster");
        goal.put("doneWhen", "Median onboarding under a day");
        goal.put("due", LocalDate.now(ZoneOffset.UTC).plusDays(60).toString());
        goal.put("teamId", t1.toString());
        UUID teamGoal =
                api.post(teammate.token(), "/api/v1/goals", goal).expect(201).id();
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("invitedTeamIds", List.of(t4.toString()));
        proposal.put("contributions", Map.of(t1.toString(), "Write the guide", t4.toString(), proposalMarker));
        UUID id = api.post(teammate.token(), "/api/v1/goals/" + teamGoal + "/proposals", proposal)
                .expect(201)
                .id();
        placeholders.put("{teamgoal}", teamGoal.toString());
        placeholders.put("{proposal}", id.toString());
    }

    /**
     * A weekly check-in of the owner and the partner; its first occurrence has a shared note and a
     * private note of each of them.
     */
    private void agreeCheckIns(Account owner, Account partner, UUID partnership) {
        scheduleMarker = "schedule " + UUID.randomUUID();
        sharedNoteMarker = "shared note " + UUID.randomUUID();
        ownersPrivateNoteMarker = "owner private note " + UUID.randomUUID();
        partnersPrivateNoteMarker = "partner private note " + UUID.randomUUID();
        String schedule = "/api/v1/partnerships/" + partnership + "/schedule";
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        owner.token(),
                        schedule,
                        Map.of(
                                "cadence", "WEEKLY",
                                "weekday", "WEDNESDAY",
                                "time", "09:00",
                                "timeZone", "Europe/London",
                                "durationMinutes", 30,
                                "location", "Room by the window, " + scheduleMarker))
                .expect(200);
        api.post(partner.token(), schedule + "/accept", Map.of()).expect(200);
        checkIn = api.get(owner.token(), "/api/v1/checkins")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        placeholders.put("{checkin}", checkIn);
        String notes = "/api/v1/checkins/" + checkIn + "/notes";
        api.post(owner.token(), notes, Map.of("text", sharedNoteMarker, "private", false))
                .expect(201);
        api.post(owner.token(), notes, Map.of("text", ownersPrivateNoteMarker, "private", true))
                .expect(201);
        api.post(partner.token(), notes, Map.of("text", partnersPrivateNoteMarker, "private", true))
                .expect(201);
        placeholders.put("{oldfeed}", feedToken(owner));
        placeholders.put("{feed}", feedToken(owner));
    }

    /**
     * A weekly check-in agreed while the partnership was active, with a shared note and a private
     * note of each side, held in {@code {<name>checkin}} and {@code {<name>partnership}}: once the
     * partnership is paused, suspended or ended, its check-ins, schedule and notes are nobody's to
     * see, its two people included.
     */
    private void formerCheckIn(String name, Account proposer, Account other, UUID partnership) {
        String place = "former place " + name + " " + UUID.randomUUID();
        String shared = "former shared note " + name + " " + UUID.randomUUID();
        String proposersOwn = "former private note " + name + " " + UUID.randomUUID();
        String othersOwn = "former private note " + name + " " + UUID.randomUUID();
        formerCheckInMarkers.addAll(List.of(place, shared, proposersOwn, othersOwn));
        String schedule = "/api/v1/partnerships/" + partnership + "/schedule";
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        proposer.token(),
                        schedule,
                        Map.of(
                                "cadence", "WEEKLY",
                                "weekday", "THURSDAY",
                                "time", "10:00",
                                "timeZone", "Europe/Berlin",
                                "durationMinutes", 30,
                                "location", place))
                .expect(200);
        api.post(other.token(), schedule + "/accept", Map.of()).expect(200);
        String id = api.get(other.token(), "/api/v1/checkins")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        String notes = "/api/v1/checkins/" + id + "/notes";
        api.post(proposer.token(), notes, Map.of("text", shared, "private", false))
                .expect(201);
        api.post(proposer.token(), notes, Map.of("text", proposersOwn, "private", true))
                .expect(201);
        api.post(other.token(), notes, Map.of("text", othersOwn, "private", true))
                .expect(201);
        placeholders.put("{" + name + "checkin}", id);
        placeholders.put("{" + name + "partnership}", partnership.toString());
    }

    private String feedToken(Account owner) {
        String url = api.post(owner.token(), "/api/v1/me/calendar-feed", Map.of())
                .expect(201)
                .text("url");
        return url.substring(url.indexOf("/calendar/") + "/calendar/".length(), url.length() - ".ics".length());
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheTable() {
        return rows.stream()
                .flatMap(row -> row.visibilities().stream()
                        .map(visibility -> DynamicTest.dynamicTest(
                                row.route() + " [" + visibility + "] (line " + row.line() + ")",
                                () -> checkRow(row, visibility))));
    }

    @Test
    void everyGetRouteIsInTheTable() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            String handler = entry.getValue().getBeanType().getName();
            if (!handler.startsWith("dev.kept.")) {
                continue; // the OpenAPI document and Spring's error page
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().forEach(pattern -> routes.add("GET " + pattern));
            }
        }
        Set<String> inTable = new TreeSet<>();
        rows.forEach(row -> inTable.add(row.route()));
        assertThat(routes).isNotEmpty();
        assertThat(inTable)
                .as("GET routes of the application missing from %s", TABLE)
                .containsAll(routes);
        assertThat(routes)
                .as("routes in %s that the application does not have", TABLE)
                .containsAll(inTable);
    }

    private void checkRow(Row row, Visibility visibility) throws Exception {
        String path = row.request()
                .replace("{commitment}", commitments.get(visibility).toString())
                .replace("{kudos}", kudos.get(visibility).toString())
                .replace("{flag}", flags.get(visibility).toString())
                .replace("{help}", helpOffers.get(visibility).toString());
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            path = path.replace(placeholder.getKey(), placeholder.getValue());
        }
        String marker = contentOf(row, visibility);
        List<String> failures = new ArrayList<>();
        for (Viewer viewer : Viewer.values()) {
            String expected = row.cells().get(viewer.ordinal());
            MvcResult result = mvc.perform(request(path, viewer)).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            int expectedStatus = Integer.parseInt(expected.replaceAll("[+-]", ""));
            if (status != expectedStatus) {
                failures.add(viewer + ": expected " + expected + " but got " + status);
                continue;
            }
            String location = String.valueOf(result.getResponse().getHeader(HttpHeaders.LOCATION));
            // the anonymous go to the sign-in page; a signed-in person asking for it goes home
            if (expectedStatus == 302 && !location.endsWith(viewer == Viewer.ANONYMOUS ? "/login" : "/")) {
                failures.add(viewer + ": redirected to " + location);
            }
            if (expected.endsWith("+") && !body.contains(marker)) {
                failures.add(viewer + ": the content is missing");
            }
            String ownPrivateNote = ownPrivateNote(row, viewer);
            if (expected.endsWith("+") && ownPrivateNote != null && !body.contains(ownPrivateNote)) {
                failures.add(viewer + ": their own private note is missing");
            }
            if (expected.endsWith("-") && body.contains(marker)) {
                failures.add(viewer + ": the content is shown");
            }
            // a calendar feed answers whoever holds the owner's token, and never holds content
            boolean feed = row.route().startsWith("GET /calendar/");
            for (String secret : feed ? feedSecrets() : forbiddenTo(viewer)) {
                if (body.contains(secret)) {
                    failures.add(viewer + ": LEAK of \"" + secret + "\"");
                }
            }
        }
        assertThat(failures).as("%s as %s", path, visibility).isEmpty();
    }

    private List<String> feedSecrets() {
        List<String> secrets = new ArrayList<>(commitmentMarkers.values());
        secrets.addAll(formerCheckInMarkers);
        secrets.addAll(List.of(
                sharedNoteMarker,
                ownersPrivateNoteMarker,
                partnersPrivateNoteMarker,
                challengeMarker,
                expectationMarker));
        return secrets;
    }

    private String contentOf(Row row, Visibility visibility) {
        if (row.route().contains("/pulse")) {
            return pulseMarker;
        }
        if (row.route().contains("/matching")) {
            boolean programOnly = !row.route().contains("/runs")
                    && !row.route().contains("/proposals")
                    && !row.route().contains("/participants");
            return programOnly ? programMarker : matchMarker;
        }
        if (row.route().contains("/proposals") && !row.route().endsWith("/new")) {
            return proposalMarker;
        }
        if (row.route().startsWith("GET /calendar/")) {
            return checkIn;
        }
        if (row.route().endsWith("/schedule")) {
            return scheduleMarker;
        }
        if (row.route().endsWith("/checkins/{id}")) {
            return sharedNoteMarker;
        }
        if (row.route().endsWith("/checkins")) {
            return checkIn;
        }
        if (row.route().contains("expectations")) {
            return expectationMarker;
        }
        if (row.route().contains("challenges")) {
            return challengeMarker;
        }
        if (row.route().contains("/advice")) {
            return adviceMarker;
        }
        if (row.route().contains("/decisions")) {
            return decisionMarker;
        }
        if (row.route().contains("partnerships")
                && !row.route().contains("fit")
                && !row.route().contains("candidates")) {
            return challengeMeOnMarker;
        }
        return commitmentMarkers.get(visibility);
    }

    /** On a check-in's rows, the private note each of the two partners must see: their own. */
    private String ownPrivateNote(Row row, Viewer viewer) {
        if (!row.route().endsWith("/checkins/{id}")) {
            return null;
        }
        return switch (viewer) {
            case OWNER -> ownersPrivateNoteMarker;
            case PARTNER -> partnersPrivateNoteMarker;
            default -> null;
        };
    }

    /** Everything this viewer may never see, derived from who may read each commitment. */
    private List<String> forbiddenTo(Viewer viewer) {
        List<String> forbidden = new ArrayList<>();
        for (Visibility visibility : Visibility.values()) {
            if (!mayRead(viewer, visibility)) {
                forbidden.add(commitmentMarkers.get(visibility));
            }
        }
        if (viewer != Viewer.OWNER && viewer != Viewer.PARTNER) {
            forbidden.add(challengeMarker);
            forbidden.add(answerMarker);
            forbidden.add(challengeMeOnMarker);
            forbidden.add(expectationMarker);
            forbidden.add(scheduleMarker);
            forbidden.add(sharedNoteMarker);
        }
        // advice requests and decisions are the organization's: never a guest's or an outsider's
        if (viewer == Viewer.GUEST_OF_OTHER || viewer == Viewer.OTHER_ORGANIZATION || viewer == Viewer.ANONYMOUS) {
            forbidden.add(adviceMarker);
            forbidden.add(decisionMarker);
        }
        // a private note is its author's alone: not even the other partner sees it
        if (viewer != Viewer.OWNER) {
            forbidden.add(ownersPrivateNoteMarker);
        }
        if (viewer != Viewer.PARTNER) {
            forbidden.add(partnersPrivateNoteMarker);
        }
        if (!Set.of(
                        Viewer.OWNER,
                        Viewer.TEAMMATE,
                        Viewer.PARTNER,
                        Viewer.PAUSED_PARTNER,
                        Viewer.ENDED_PARTNER,
                        Viewer.SUSPENDED_PARTNER,
                        Viewer.LATE_PARTNER,
                        Viewer.COMPETITOR)
                .contains(viewer)) {
            forbidden.add(proposalMarker);
        }
        // a partnership that is no longer active shows its check-ins to nobody, its own two included
        forbidden.addAll(formerCheckInMarkers);
        // an invitation a private declaration blocks is its inviter's alone: the declarer never sees it
        if (viewer != Viewer.COMPETITOR) {
            forbidden.add(silencedInvitationMarker);
        }
        // a match's reasons are for its two people and the admin who ran it; a program for members
        if (!Set.of(Viewer.OWNER, Viewer.TEAMMATE, Viewer.ADMIN).contains(viewer)) {
            forbidden.add(matchMarker);
        }
        if (viewer == Viewer.GUEST_OF_OTHER || viewer == Viewer.OTHER_ORGANIZATION || viewer == Viewer.ANONYMOUS) {
            forbidden.add(programMarker);
        }
        // a pulse and its results are for the members of the team it goes to (T4) and the admin
        if (!Set.of(
                        Viewer.PARTNER,
                        Viewer.PAUSED_PARTNER,
                        Viewer.ENDED_PARTNER,
                        Viewer.SUSPENDED_PARTNER,
                        Viewer.LATE_PARTNER,
                        Viewer.COMPETITOR,
                        Viewer.ADMIN)
                .contains(viewer)) {
            forbidden.add(pulseMarker);
        }
        return forbidden;
    }

    private static boolean mayRead(Viewer viewer, Visibility visibility) {
        return switch (visibility) {
            case PRIVATE -> viewer == Viewer.OWNER;
            case PARTNERS -> viewer == Viewer.OWNER || viewer == Viewer.PARTNER;
            case TEAM -> viewer == Viewer.OWNER || viewer == Viewer.TEAMMATE;
            case ORGANIZATION ->
                viewer != Viewer.GUEST_OF_OTHER && viewer != Viewer.OTHER_ORGANIZATION && viewer != Viewer.ANONYMOUS;
        };
    }

    private MockHttpServletRequestBuilder request(String path, Viewer viewer) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        Account account = accounts.get(viewer);
        if (account == null) {
            return request;
        }
        if (path.startsWith("/api/")) {
            return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + account.token());
        }
        Caller caller = new Caller(account.personId(), account.organizationId(), account.name());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"))));
    }

    private static List<Row> readTable() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AccessMatrixTests.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                int number = i + 1;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                assertThat(parts)
                        .as("line %d has route | request | visibility | cells", i + 1)
                        .hasSize(4);
                List<String> cells = List.of(parts[3].strip().split("\\s+"));
                assertThat(cells).as("line %d has a cell per viewer", i + 1).hasSize(Viewer.values().length);
                cells.forEach(cell -> assertThat(cell).as("line %d", number).matches("(200[+-]|302|401|403|404)"));
                String visibility = parts[2].strip();
                rows.add(new Row(
                        number,
                        parts[0].strip(),
                        parts[1].strip(),
                        visibility.equals("*") ? List.of(Visibility.values()) : List.of(Visibility.valueOf(visibility)),
                        cells));
            }
        }
        return rows;
    }
}
