package dev.kept.checkins;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.access.Visibility;
import dev.kept.commitments.CommitmentDraft;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.partnerships.Cadence;
import dev.kept.partnerships.PartnerInvitation;
import dev.kept.partnerships.PartnershipKind;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDetails;
import dev.kept.people.SignUp;
import java.io.UnsupportedEncodingException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The check-in pages as the two partners and as outsiders see them: the schedule page with its
 * proposal, the list of my check-ins, the agenda with progress (htmx and plain), notes, next steps
 * and attendance, and the form messages when the input is bad.
 *
 * <p>Dana and Lee are peers; Dana proposed a weekly check-in on Tuesdays at 09:00 in Berlin and Lee
 * accepted it on Monday 23 November 2026, so the first one is on Tuesday 24 November, 08:00 UTC.
 * Ada (admin), Mia (Dana's manager) and Sam (a member) are outsiders.
 */
@KeptApiTest
@AutoConfigureMockMvc
class CheckInPagesTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-11-24T08:00:00Z");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invites;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Commitments commitments;

    @Autowired
    CheckIns checkIns;

    @Autowired
    MutableClock clock;

    private String suffix;
    private Caller ada;
    private Caller mia;
    private Caller dana;
    private Caller lee;
    private Caller sam;
    private UUID partnership;
    private UUID first;
    private CommitmentView danas;

    @BeforeEach
    void partners() {
        clock.freezeAt(MONDAY);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ada = callerOf(accounts.signUp(new SignUp(
                        "Acme " + suffix, "Ada Admin", email("ada"), "analytical engine 1843", "Europe/Berlin"))
                .admin());
        mia = member("Mia Manager", null);
        dana = member("Dana Doer", mia.personId());
        lee = member("Lee Listener", null);
        sam = member("Sam Someone", null);
        partnership = partnerships
                .invite(dana, new PartnerInvitation(lee.personId(), null, PartnershipKind.PEER, "", Cadence.WEEKLY, ""))
                .id();
        partnerships.accept(lee, partnership, null, null);
        checkIns.propose(dana, partnership, terms(DayOfWeek.TUESDAY, "https://meet.example.org/dana-lee"));
        checkIns.accept(lee, partnership);
        first = checkIns.mine(dana, MONDAY, MONDAY.plus(Duration.ofDays(2)))
                .get(0)
                .id();
        danas = commitments.make(
                dana,
                new CommitmentDraft(
                        "Ship the release notes " + suffix,
                        "Published on the blog",
                        LocalDate.of(2026, 11, 27),
                        "Customers should know what changed",
                        Visibility.PARTNERS,
                        List.of(),
                        null));
    }

    // --- the schedule page --------------------------------------------------------------------

    @Test
    void showsBothPartnersTheScheduleTheNextFiveCheckInsAndTheAttendance() {
        for (Caller partner : List.of(dana, lee)) {
            MvcTestResult result = get("/partnerships/" + partnership + "/schedule", partner);

            assertThat(result).hasStatusOk();
            String page = body(result);
            assertThat(between(page, "<section class=\"card\" id=\"schedule\">", "</section>"))
                    .contains("Every week")
                    .contains("Tuesday")
                    .contains("09:00")
                    .contains("Europe/Berlin")
                    .contains("30 minutes")
                    .contains(
                            "<a class=\"where\" href=\"https://meet.example.org/dana-lee\" rel=\"noopener noreferrer\">")
                    .contains("Stop the check-ins");
            String upcoming = between(page, "<section id=\"upcoming\">", "</section>");
            assertThat(upcoming.split("<tr>", -1)).hasSize(1 + 1 + 5);
            assertThat(upcoming)
                    .contains("href=\"/checkins/" + first + "\">Tue 24 Nov 2026, 09:00 Europe/Berlin</a>")
                    .contains("Tue 22 Dec 2026, 09:00 Europe/Berlin")
                    .contains("30 min");
            assertThat(between(page, "<section class=\"card\" id=\"attendance\">", "</section>"))
                    .contains("Streak: 0")
                    .contains("0 held")
                    .contains("consistency: none yet");
            assertThat(page).doesNotContain("id=\"proposal\"");
            assertHoldsToThePolicy(result);
        }
    }

    @Test
    void showsAProposalWithAcceptAndDeclineToThePartnerAndTakeBackToItsProposer() {
        checkIns.propose(lee, partnership, terms(DayOfWeek.THURSDAY, "Room 4"));

        String leesPage = body(get("/partnerships/" + partnership + "/schedule", lee));
        String proposal = between(leesPage, "id=\"proposal\"", "</section>");
        assertThat(proposal).contains("Your proposal").contains("Thursday").contains("Take back");
        assertThat(proposal).doesNotContain(">Accept<");
        String danasPage = body(get("/partnerships/" + partnership + "/schedule", dana));
        assertThat(between(danasPage, "id=\"proposal\"", "</section>"))
                .contains("Lee Listener proposes")
                .contains(">Accept</button>")
                .contains(">Decline</button>")
                .contains("Room 4");

        MvcTestResult accepted = post("/partnerships/" + partnership + "/schedule/accept", dana, Map.of());
        assertThat(accepted).hasStatus3xxRedirection().hasRedirectedUrl("/partnerships/" + partnership + "/schedule");
        assertThat(accepted).flash().containsKey("notice");
        assertThat(checkIns.schedule(dana, partnership).active().weekday()).isEqualTo(DayOfWeek.THURSDAY);

        // the proposer cannot accept their own proposal: the page says why
        checkIns.propose(dana, partnership, terms(DayOfWeek.FRIDAY, ""));
        MvcTestResult own = post("/partnerships/" + partnership + "/schedule/accept", dana, Map.of());
        assertThat(own).flash().containsEntry("problem", "Your partner accepts the schedule you proposed.");
        MvcTestResult takenBack = post("/partnerships/" + partnership + "/schedule/decline", dana, Map.of());
        assertThat(takenBack).flash().containsEntry("notice", "You took your proposal back.");
        assertThat(checkIns.schedule(dana, partnership).proposed()).isNull();
    }

    @Test
    void proposesThroughTheFormWithTheCallersOwnTimeZoneAsTheDefault() {
        accounts.updateProfile(sam, "Sam Someone", "America/New_York");
        UUID theirs = partnerships
                .invite(sam, new PartnerInvitation(lee.personId(), null, PartnershipKind.PEER, "", Cadence.MONTHLY, ""))
                .id();
        partnerships.accept(lee, theirs, null, null);

        String form = between(body(get("/partnerships/" + theirs + "/schedule", sam)), "id=\"propose\"", "</form>");
        assertThat(form)
                .contains("Propose a schedule")
                .contains(
                        "id=\"timeZone\" list=\"zones\" maxlength=\"64\" required name=\"timeZone\" value=\"America/New_York\"")
                .contains("<option value=\"MONTHLY\" selected=\"selected\">Every month</option>");

        MvcTestResult proposed = post(
                "/partnerships/" + theirs + "/schedule",
                sam,
                Map.of(
                        "cadence", "BIWEEKLY",
                        "weekday", "WEDNESDAY",
                        "time", "16:30",
                        "timeZone", "America/New_York",
                        "durationMinutes", "45",
                        "location", "Cafe on 5th"));
        assertThat(proposed).hasRedirectedUrl("/partnerships/" + theirs + "/schedule");
        assertThat(proposed).flash().containsEntry("notice", "Proposed: it takes effect when Lee Listener accepts it.");
        ScheduleView waiting = checkIns.schedule(lee, theirs).proposed();
        assertThat(waiting.time()).isEqualTo(LocalTime.of(16, 30));
        assertThat(waiting.durationMinutes()).isEqualTo(45);
        assertThat(waiting.location()).isEqualTo("Cafe on 5th");
    }

    @Test
    void answersBadScheduleInputWithFormMessages() {
        Map<String, String> good = Map.of(
                "cadence", "WEEKLY",
                "weekday", "MONDAY",
                "time", "09:00",
                "timeZone", "Europe/Berlin",
                "durationMinutes", "30",
                "location", "");
        Map<String, String[]> bad = Map.of(
                "timeZone", new String[] {"Mars/Olympus", "Name a time zone such as Europe/Berlin"},
                "durationMinutes", new String[] {"5", "must be greater than or equal to 10"},
                "time", new String[] {"25:99", "must be a time (HH:MM)"},
                "cadence", new String[] {"DAILY", "must be one of the choices"},
                "weekday", new String[] {"FUNDAY", "must be one of the days"},
                "location", new String[] {"x".repeat(501), "size must be between 0 and 500"});
        bad.forEach((field, valueAndMessage) -> {
            Map<String, String> form = new java.util.HashMap<>(good);
            form.put(field, valueAndMessage[0]);

            MvcTestResult result = post("/partnerships/" + partnership + "/schedule", dana, form);

            assertThat(result).as(field).hasStatusOk();
            String page = body(result);
            assertThat(page).as(field).contains("Nothing was proposed: see below.");
            assertThat(page).as(field).contains("<p class=\"error\">" + valueAndMessage[1]);
        });
        MvcTestResult empty = post("/partnerships/" + partnership + "/schedule", dana, Map.of());
        assertThat(empty).hasStatusOk();
        assertThat(body(empty)).contains("must not be null").contains("must not be blank");
        assertThat(checkIns.schedule(dana, partnership).proposed()).isNull();
    }

    @Test
    void linksTheScheduleFromAnActivePartnershipsPage() {
        assertThat(body(get("/partnerships/" + partnership, lee)))
                .contains("<a class=\"checkins\" href=\"/partnerships/" + partnership + "/schedule\">Check-ins</a>");
        UUID invited = partnerships
                .invite(sam, new PartnerInvitation(lee.personId(), null, PartnershipKind.PEER, "", null, ""))
                .id();
        assertThat(body(get("/partnerships/" + invited, sam))).doesNotContain("/schedule\">Check-ins</a>");
        assertThat(body(get("/", sam))).contains("<a href=\"/checkins\">Check-ins</a>");
    }

    // --- my check-ins -------------------------------------------------------------------------

    @Test
    void listsUpcomingAndRecentCheckInsWithThePartnerTheLocalTimeAndTheLength() {
        MvcTestResult before = get("/checkins", lee);
        assertThat(before).hasStatusOk();
        String upcoming = between(body(before), "<section id=\"upcoming\">", "</section>");
        assertThat(upcoming)
                .contains("<a href=\"/checkins/" + first + "\">Tue 24 Nov 2026, 09:00 Europe/Berlin</a>")
                .contains("<td>Dana Doer</td>")
                .contains("<td>30 min</td>")
                .contains("Scheduled");
        assertThat(upcoming.split("<tr>", -1)).hasSize(1 + 1 + 9);
        assertThat(between(body(before), "<section id=\"recent\">", "</section>"))
                .contains("No check-ins in the last 60 days.");
        assertHoldsToThePolicy(before);

        clock.advance(Duration.ofDays(1));
        checkIns.record(dana, first, new Attendance(Attendance.Status.HELD, null));
        String recent = between(body(get("/checkins", lee)), "<section id=\"recent\">", "</section>");
        assertThat(recent).contains("/checkins/" + first).contains("Held");
        assertThat(body(get("/checkins", sam))).contains("Nothing planned in the next 60 days.");
    }

    // --- the agenda ---------------------------------------------------------------------------

    @Test
    void showsBothPartnersTheAgendaAndOnlyTheOwnerTheProgressForm() {
        MvcTestResult asDana = get("/checkins/" + first, dana);
        MvcTestResult asLee = get("/checkins/" + first, lee);

        assertThat(asDana).hasStatusOk();
        assertThat(asLee).hasStatusOk();
        String danasPage = body(asDana);
        String leesPage = body(asLee);
        assertThat(between(leesPage, "<article class=\"card\" id=\"when\">", "</article>"))
                .contains("Check-in with <span>Dana Doer</span>")
                .contains("Tue 24 Nov 2026, 09:00 Europe/Berlin")
                .contains("<a class=\"where\" href=\"https://meet.example.org/dana-lee\"")
                .contains("Scheduled")
                .contains("It can be marked held once it has started.")
                .doesNotContain(">Held</button>");
        String item = between(leesPage, "<li class=\"agenda-item\" id=\"item-" + danas.id() + "\">", "</ol>");
        assertThat(item)
                .contains("Due soon")
                .contains("<a href=\"/commitments/" + danas.id() + "\">Ship the release notes " + suffix + "</a>")
                .doesNotContain("<form");
        String danasItem = between(danasPage, "<li class=\"agenda-item\" id=\"item-" + danas.id() + "\">", "</ol>");
        assertThat(danasItem)
                .contains("hx-post=\"/checkins/" + first + "/progress/" + danas.id() + "\"")
                .contains("hx-target=\"#item-" + danas.id() + "\"")
                .contains("action=\"/checkins/" + first + "/progress/" + danas.id() + "\"");
        assertHoldsToThePolicy(asDana);
    }

    @Test
    void answersOutsidersWithNotFoundEverywhere() {
        String progress = "/checkins/" + first + "/progress/" + danas.id();
        for (Caller outsider : List.of(ada, mia, sam)) {
            assertThat(get("/checkins/" + first, outsider)).as(outsider.name()).hasStatus(404);
            assertThat(get("/partnerships/" + partnership + "/schedule", outsider))
                    .as(outsider.name())
                    .hasStatus(404);
            assertThat(post("/checkins/" + first + "/notes", outsider, Map.of("text", "hello")))
                    .hasStatus(404);
            assertThat(post(progress, outsider, Map.of("confidence", "ON_TRACK")))
                    .hasStatus(404);
            assertThat(post("/partnerships/" + partnership + "/schedule/stop", outsider, Map.of()))
                    .hasStatus(404);
            assertThat(post("/checkins/" + first + "/attendance", outsider, Map.of("status", "SKIPPED")))
                    .hasStatus(404);
        }
        // the partner cannot report on Dana's commitment through the agenda either
        assertThat(post(progress, lee, Map.of("confidence", "ON_TRACK"))).hasStatus(404);
        assertThat(checkIns.schedule(dana, partnership).active()).isNotNull();
        assertThat(checkIns.agenda(dana, first).notes()).isEmpty();
    }

    @Test
    void answersAnHtmxProgressUpdateWithTheAgendaItemAlone() {
        MvcTestResult result = mvc.post()
                .uri("/checkins/" + first + "/progress/" + danas.id())
                .header("HX-Request", "true")
                .with(as(dana))
                .with(csrf())
                .param("percent", "60")
                .param("confidence", "AT_RISK")
                .param("note", "Waiting on the <b>legal</b> review")
                .exchange();

        assertThat(result).hasStatusOk();
        String fragment = body(result).strip();
        assertThat(fragment)
                .startsWith("<li class=\"agenda-item\" id=\"item-" + danas.id() + "\">")
                .endsWith("</li>")
                .contains("<span class=\"percent\">60%</span>")
                .contains("At risk")
                .contains("Progress recorded.")
                .doesNotContain("<html")
                .doesNotContain("<header");
        CommitmentView reported = commitments.get(dana, danas.id());
        assertThat(reported.percent()).isEqualTo(60);
        assertThat(reported.progress().get(0).note()).isEqualTo("Waiting on the <b>legal</b> review");
    }

    @Test
    void postsProgressWithoutJavaScriptAndComesBackToTheAgenda() {
        MvcTestResult result = post(
                "/checkins/" + first + "/progress/" + danas.id(),
                dana,
                Map.of("percent", "30", "confidence", "ON_TRACK"));

        assertThat(result).hasRedirectedUrl("/checkins/" + first + "#item-" + danas.id());
        assertThat(result).flash().containsEntry("notice", "Progress recorded.");
        assertThat(commitments.get(dana, danas.id()).percent()).isEqualTo(30);
    }

    @Test
    void showsAProgressProblemInTheItemAndSavesNothing() {
        MvcTestResult result = mvc.post()
                .uri("/checkins/" + first + "/progress/" + danas.id())
                .header("HX-Request", "true")
                .with(as(dana))
                .with(csrf())
                .param("percent", "150")
                .param("note", "kept note")
                .exchange();

        assertThat(result).hasStatusOk();
        String fragment = body(result).strip();
        assertThat(fragment)
                .startsWith("<li class=\"agenda-item\"")
                .contains("<p class=\"errors\" role=\"alert\">Nothing was saved: ")
                .contains("percent must be less than or equal to 100")
                .contains("confidence must not be null")
                .contains("value=\"kept note\"");
        MvcTestResult plain = post("/checkins/" + first + "/progress/" + danas.id(), dana, Map.of("percent", "x"));
        assertThat(plain).hasRedirectedUrl("/checkins/" + first + "#item-" + danas.id());
        assertThat(plain).flash().containsKey("problem");
        assertThat(commitments.get(dana, danas.id()).progress()).isEmpty();
    }

    @Test
    void keepsPrivateNotesToTheirAuthorAndSharedNotesBetweenTheTwo() {
        assertThat(post("/checkins/" + first + "/notes", dana, Map.of("text", "Shared: <script>x</script>")))
                .hasRedirectedUrl("/checkins/" + first + "#notes");
        MvcTestResult privately =
                post("/checkins/" + first + "/notes", dana, Map.of("text", "Only mine " + suffix, "isPrivate", "true"));
        assertThat(privately).flash().containsEntry("notice", "Your private note is saved: only you see it.");

        String danasNotes = between(body(get("/checkins/" + first, dana)), "<section id=\"notes\">", "</section>");
        assertThat(danasNotes)
                .contains("Shared: &lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>x")
                .contains("<li class=\"private\">")
                .contains("private — only you see this")
                .contains("Only mine " + suffix);
        String leesNotes = between(body(get("/checkins/" + first, lee)), "<section id=\"notes\">", "</section>");
        assertThat(leesNotes)
                .contains("Shared: &lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("Only mine " + suffix)
                .doesNotContain("private — only you see this");
    }

    @Test
    void showsNoteAndNextStepFormMessagesAndKeepsWhatWasTyped() {
        MvcTestResult blank = post("/checkins/" + first + "/notes", dana, Map.of("text", "  "));
        assertThat(blank).hasStatusOk();
        assertThat(between(body(blank), "<section id=\"notes\">", "</section>"))
                .contains("The note was not saved: see below.")
                .contains("<p class=\"error\">must not be blank</p>");

        MvcTestResult past = post(
                "/checkins/" + first + "/next-steps",
                dana,
                Map.of(
                        "text",
                        "Book the room " + suffix,
                        "ownerId",
                        lee.personId().toString(),
                        "due",
                        "2026-11-01"));
        assertThat(past).hasStatusOk();
        String steps = between(body(past), "<section id=\"next-steps\">", "</section>");
        assertThat(steps)
                .contains("The next step was not saved: see below.")
                .contains("A next step is due from today on, and within two years.")
                .contains("value=\"Book the room " + suffix + "\"");
        MvcTestResult someoneElse = post(
                "/checkins/" + first + "/next-steps",
                dana,
                Map.of("text", "Book the room", "ownerId", sam.personId().toString(), "due", "2026-11-30"));
        assertThat(body(someoneElse)).contains("A next step is owned by one of the two partners.");
        MvcTestResult malformed = post(
                "/checkins/" + first + "/next-steps",
                dana,
                Map.of("text", "Book the room", "ownerId", "nobody", "due", "soon"));
        assertThat(body(malformed)).contains("must be one of the choices").contains("must be a date (YYYY-MM-DD)");
        assertThat(checkIns.agenda(dana, first).nextSteps()).isEmpty();
    }

    @Test
    void agreesNextStepsMarksThemDoneAndCarriesOpenOnesToTheNextCheckIn() {
        MvcTestResult added = post(
                "/checkins/" + first + "/next-steps",
                dana,
                Map.of(
                        "text",
                        "Send the draft " + suffix,
                        "ownerId",
                        lee.personId().toString(),
                        "due",
                        "2026-11-30"));
        assertThat(added).hasRedirectedUrl("/checkins/" + first + "#next-steps");
        post(
                "/checkins/" + first + "/next-steps",
                dana,
                Map.of(
                        "text",
                        "Book the room " + suffix,
                        "ownerId",
                        dana.personId().toString(),
                        "due",
                        "2026-11-30"));
        UUID booking = checkIns.agenda(dana, first).nextSteps().stream()
                .filter(s -> s.text().startsWith("Book"))
                .findFirst()
                .orElseThrow()
                .id();

        MvcTestResult done = post("/checkins/" + first + "/next-steps/" + booking, lee, Map.of("done", "true"));
        assertThat(done).hasRedirectedUrl("/checkins/" + first + "#next-steps");
        String steps = between(body(get("/checkins/" + first, lee)), "<section id=\"next-steps\">", "</section>");
        assertThat(steps).contains("<li class=\"done\">").contains("Reopen").contains("Lee Listener");

        UUID second = checkIns.mine(dana, FIRST.plusSeconds(1), FIRST.plus(Duration.ofDays(8)))
                .get(0)
                .id();
        String carried = between(body(get("/checkins/" + second, dana)), "<section id=\"next-steps\">", "</section>");
        assertThat(carried)
                .contains("Send the draft " + suffix)
                .contains("from an earlier check-in")
                .doesNotContain("Book the room");
    }

    @Test
    void recordsAttendanceMovesInTheCheckInsZoneAndCountsTheStreak() {
        MvcTestResult early = post("/checkins/" + first + "/attendance", dana, Map.of("status", "HELD"));
        assertThat(early).flash().containsEntry("problem", "A check-in can be marked held once it has started.");

        MvcTestResult moved = post(
                "/checkins/" + first + "/attendance", lee, Map.of("status", "MOVED", "movedTo", "2026-11-25T10:30"));
        assertThat(moved).hasRedirectedUrl("/checkins/" + first);
        assertThat(moved).flash().containsEntry("notice", "Moved to Wed 25 Nov 2026, 10:30 Europe/Berlin.");
        CheckInView after = checkIns.agenda(dana, first).checkIn();
        assertThat(after.startsAt()).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(body(get("/checkins/" + first, dana)))
                .contains("(moved from <span>Tue 24 Nov 2026, 09:00 Europe/Berlin</span>)");

        MvcTestResult garbled =
                post("/checkins/" + first + "/attendance", lee, Map.of("status", "MOVED", "movedTo", "next week"));
        assertThat(garbled).flash().containsKey("problem");
        MvcTestResult unknown = post("/checkins/" + first + "/attendance", lee, Map.of("status", "FORGOTTEN"));
        assertThat(unknown).flash().containsEntry("problem", "Choose held, skipped or a time to move it to.");

        // ten minutes into the moved check-in, it is held: the streak counts it at once
        clock.advance(Duration.between(MONDAY, Instant.parse("2026-11-25T09:40:00Z")));
        assertThat(post("/checkins/" + first + "/attendance", dana, Map.of("status", "HELD")))
                .flash()
                .containsEntry("notice", "Recorded as held.");
        String page = body(get("/checkins/" + first, lee));
        assertThat(between(page, "<article class=\"card\" id=\"when\">", "</article>"))
                .contains("Held")
                .contains("Streak: 1")
                .doesNotContain(">Held</button>");
        assertThat(between(
                        body(get("/partnerships/" + partnership + "/schedule", dana)),
                        "id=\"attendance\"",
                        "</section>"))
                .contains("Streak: 1")
                .contains("1 held")
                .contains("consistency 100%");
    }

    @Test
    void hidesTheAgendaWhileThePartnershipIsPausedAndShowsItAgainOnceResumed() {
        checkIns.addNote(dana, first, new CheckInDrafts.Note("Before the pause", false));
        partnerships.pause(lee, partnership);

        for (Caller partner : List.of(dana, lee)) {
            assertThat(get("/checkins/" + first, partner)).hasStatus(404);
            assertThat(get("/partnerships/" + partnership + "/schedule", partner))
                    .hasStatus(404);
        }
        assertThat(post("/checkins/" + first + "/progress/" + danas.id(), dana, Map.of("confidence", "ON_TRACK")))
                .hasStatus(404);

        partnerships.resume(dana, partnership);

        MvcTestResult result = get("/checkins/" + first, lee);
        assertThat(result).hasStatusOk();
        assertThat(body(result)).contains("Before the pause").doesNotContain("the agenda is read-only");
    }

    // --- helpers ------------------------------------------------------------------------------

    private static ScheduleTerms terms(DayOfWeek weekday, String location) {
        return new ScheduleTerms(Cadence.WEEKLY, weekday, LocalTime.of(9, 0), "Europe/Berlin", 30, location);
    }

    private MvcTestResult get(String uri, Caller caller) {
        return mvc.get().uri(uri).with(as(caller)).exchange();
    }

    private MvcTestResult post(String uri, Caller caller, Map<String, String> params) {
        MockMvcTester.MockMvcRequestBuilder request =
                mvc.post().uri(uri).with(as(caller)).with(csrf());
        params.forEach(request::param);
        return request.exchange();
    }

    private Caller member(String name, UUID managerId) {
        Person person = invites.invite(
                ada,
                new PersonDetails(
                        name, email(name.toLowerCase().replace(' ', '.')), null, null, null, managerId, null));
        return callerOf(person);
    }

    private String email(String local) {
        return local + "-" + suffix + "@example.org";
    }

    private static void assertHoldsToThePolicy(MvcTestResult result) {
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("style-src 'self'");
        String page = body(result);
        assertThat(INLINE_SCRIPT.matcher(page).find()).as("an inline script").isFalse();
        assertThat(INLINE_STYLE.matcher(page).find())
                .as("an inline style or handler")
                .isFalse();
        assertThat(page).doesNotContain("th:");
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of a page from one marker to the next marker after it. */
    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as("the page has " + from).isNotNegative();
        int end = page.indexOf(to, start + from.length());
        assertThat(end).as("the page has " + to + " after " + from).isNotNegative();
        return page.substring(start, end + to.length());
    }
}
