package dev.kept.goals;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.access.Visibility;
import dev.kept.commitments.CommitmentDraft;
import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.commitments.Confidence;
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
import dev.kept.people.Team;
import dev.kept.people.Teams;
import java.io.UnsupportedEncodingException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The goal pages, and what goals add to the commitment pages and the layout, as each person sees
 * them. Ada is the admin; Lee leads the team Core, where Mo works; Ned is in no team; a coach from
 * outside is Mo's guest; Eve is in another organization.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GoalPagesTests {

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
    Teams orgTeams;

    @Autowired
    Goals goals;

    @Autowired
    Commitments commitments;

    @Autowired
    CommitmentLists commitmentLists;

    @Autowired
    Partnerships partnerships;

    private String suffix;
    private Caller ada;
    private Caller lee;
    private Caller mo;
    private Caller ned;
    private Caller guest;
    private Caller eve;
    private Team core;
    private Team sales;

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ada = callerOf(accounts.signUp(
                        new SignUp("Acme " + suffix, "Ada Admin", email("ada"), "analytical engine 1843", "UTC"))
                .admin());
        lee = member("Lee Lead", null);
        core = orgTeams.createTeam(ada, "Core", lee.personId());
        sales = orgTeams.createTeam(ada, "Sales", null);
        mo = member("Mo Member", core.getId());
        ned = member("Ned Nobody", null);
        UUID guestId = partnerships
                .invite(mo, new PartnerInvitation(null, email("coach"), PartnershipKind.COACH, null, null, null))
                .partnerId();
        guest = new Caller(guestId, mo.organizationId(), "coach");
        eve = callerOf(
                accounts.signUp(new SignUp("Other " + suffix, "Eve", email("eve"), "a different phrase 42", "UTC"))
                        .admin());
    }

    // --- the tree -----------------------------------------------------------------------------

    @Test
    void showsTheTopLevelGoalsAndOpensTheGoalsBeneathOneLevelAtATime() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);
        GoalView onboarding = set(lee, "Onboarding takes a day", core.getId(), growth.id());
        GoalView region = set(ada, "Expand to a second region", null, null);

        MvcTestResult result = mvc.get().uri("/goals").with(as(mo)).exchange();

        assertThat(result).hasStatusOk();
        String page = body(result);
        String opener = "/goals?parentId=" + growth.id();
        // growth and region are due the same day: their order is the ids'; growth's item ends at its </li>.
        String growthItem = between(page, link(growth), "</li>");
        assertThat(page).contains(link(region));
        assertThat(growthItem)
                .contains("href=\"" + opener + "\"")
                .contains("data-hx-get=\"" + opener + "\"")
                .contains("data-hx-target=\"#beneath-" + growth.id() + "\"")
                .contains("Open the goals beneath it (1)");
        assertThat(page).doesNotContain(link(onboarding));
        assertThat(page)
                .doesNotContain("<form class=\"stacked\" action=\"/goals\"")
                .contains("Admins set the organization's goals; a team's lead sets the team's.");
        assertHoldsToThePolicy(result);

        // With htmx, opening a goal answers only the goals beneath it; without, a whole page of them.
        String fragment = body(
                mvc.get().uri(opener).header("HX-Request", "true").with(as(mo)).exchange());
        assertThat(fragment)
                .contains(link(onboarding) + ">Onboarding takes a day</a>")
                .contains("<span class=\"badge\">Core</span>")
                .doesNotContain(link(region))
                .doesNotContain("<html")
                .doesNotContain("<nav");
        String whole = body(mvc.get().uri(opener).with(as(mo)).exchange());
        assertThat(whole)
                .contains("<html")
                .contains(link(onboarding) + ">Onboarding takes a day</a>")
                .contains("Goals beneath Customers succeed in month one")
                .doesNotContain(link(region) + ">");
    }

    @Test
    void showsMoreGoalsAPageAtATimeWithAndWithoutHtmx() {
        for (int i = 0; i < 52; i++) {
            set(ada, "Goal number " + (100 + i), null, null);
        }

        String page = body(mvc.get().uri("/goals").with(as(mo)).exchange());
        String more = between(page, "<p class=\"more\" id=\"more-goals-top\">", "</p>");
        assertThat(more).contains("data-hx-get=\"/goals?cursor=").contains("data-hx-target=\"#goals-top\"");
        assertThat(goalsListed(page)).isEqualTo(50);
        String next = more.substring(more.indexOf("href=\"") + 6, more.indexOf('"', more.indexOf("href=\"") + 6))
                .replace("&amp;", "&");

        String rows = body(
                mvc.get().uri(next).header("HX-Request", "true").with(as(mo)).exchange());
        assertThat(rows.split("<li>", -1).length - 1).isEqualTo(2);
        assertThat(rows).doesNotContain("<html").contains("data-hx-swap-oob=\"true\"");
        assertThat(rows).doesNotContain("data-hx-get=\"/goals?cursor=");
        String plain = body(mvc.get().uri(next).with(as(mo)).exchange());
        assertThat(plain).contains("<html");
        assertThat(goalsListed(plain)).isEqualTo(2);
        // A cursor that does not parse starts the list over.
        assertThat(goalsListed(
                        body(mvc.get().uri("/goals?cursor=forged").with(as(mo)).exchange())))
                .isEqualTo(50);
    }

    private static int goalsListed(String page) {
        return between(page, "<ul class=\"chart goals\" id=\"goals-top\">", "</ul>")
                        .split("<li>", -1)
                        .length
                - 1;
    }

    @Test
    void offersAdminsEveryGoalToSetAndLeadsTheirTeamsOnly() {
        String adminPage = body(mvc.get().uri("/goals").with(as(ada)));
        assertThat(between(adminPage, "<label for=\"teamName\"", "</label>")).contains("empty for the organization");
        assertThat(between(adminPage, "<datalist id=\"teamName-choices\">", "</datalist>"))
                .contains("<option value=\"Core\">")
                .contains("<option value=\"Sales\">");

        String leadPage = body(mvc.get().uri("/goals").with(as(lee)));
        assertThat(between(leadPage, "<label for=\"teamName\"", "</label>"))
                .contains("a team you lead")
                .doesNotContain("organization");
        assertThat(between(leadPage, "<datalist id=\"teamName-choices\">", "</datalist>"))
                .contains("<option value=\"Core\">")
                .doesNotContain("Sales");
    }

    @Test
    void setsATeamGoalFromTheFormAndShowsIt() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);

        MvcTestResult result = post(
                        lee,
                        "Onboarding takes a day",
                        LocalDate.now().plusDays(30).toString())
                .param("teamId", core.getId().toString())
                .param("parentId", growth.id().toString())
                .exchange();

        List<GoalView> all = allGoals();
        assertThat(all).hasSize(2);
        GoalView made = all.stream()
                .filter(g -> g.title().equals("Onboarding takes a day"))
                .findFirst()
                .orElseThrow();
        assertThat(made.teamId()).isEqualTo(core.getId());
        assertThat(made.parentId()).isEqualTo(growth.id());
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/goals/" + made.id());
        String page = body(mvc.get().uri("/goals/" + made.id()).with(as(mo)));
        assertThat(page)
                .contains("<h1>Onboarding takes a day</h1>")
                .contains("Core goal")
                .contains(link(growth) + ">Customers succeed in month one</a>");
    }

    @Test
    void showsWhatIsWrongWithTheFormAndSetsNothing() {
        MvcTestResult malformed = post(ada, "Customers succeed", "next friday")
                .param("teamId", "no-such-team")
                .param("parentId", "no-such-goal")
                .exchange();
        assertThat(malformed).hasStatusOk();
        String page = body(malformed);
        assertThat(page).contains("Please fix the fields marked below.");
        assertThat(between(page, "<input type=\"date\" id=\"due\"", "<label"))
                .contains("<p class=\"error\">must be a date (YYYY-MM-DD)</p>");
        assertThat(between(page, "id=\"teamName\"", "<label"))
                .contains("<p class=\"error\">must be one of the choices</p>");
        assertThat(between(page, "id=\"parentName\"", "</form>"))
                .contains("<p class=\"error\">must be one of the choices</p>");
        assertHoldsToThePolicy(malformed);

        MvcTestResult blank = mvc.post()
                .uri("/goals")
                .with(as(ada))
                .with(csrf())
                .param("title", " ")
                .param("why", "")
                .param("doneWhen", "d".repeat(1001))
                .param("due", "")
                .exchange();
        assertThat(blank).hasStatusOk();
        assertThat(between(body(blank), "<input type=\"text\" id=\"title\"", "<label"))
                .contains("must not be blank");
        assertThat(between(body(blank), "<textarea id=\"doneWhen\"", "<label"))
                .contains("size must be between 0 and 1000");
        assertThat(between(body(blank), "<input type=\"date\" id=\"due\"", "<label"))
                .contains("must not be null");

        MvcTestResult past = post(
                        ada, "Customers succeed", LocalDate.now().minusDays(2).toString())
                .exchange();
        assertThat(past).hasStatusOk();
        assertThat(body(past)).contains("The due date is in the past");

        MvcTestResult unknownParent = post(
                        ada, "Customers succeed", LocalDate.now().plusDays(9).toString())
                .param("parentId", UUID.randomUUID().toString())
                .exchange();
        assertThat(unknownParent).hasStatusOk();
        assertThat(body(unknownParent)).contains("There is no such goal in this organization.");

        MvcTestResult leadForTheOrganization = post(
                        lee, "Customers succeed", LocalDate.now().plusDays(9).toString())
                .param("teamId", "")
                .exchange();
        assertThat(leadForTheOrganization).hasStatusOk();
        assertThat(between(body(leadForTheOrganization), "id=\"teamName\"", "<label for=\"parentName\""))
                .contains("Only an organization admin can set or change an organization goal.");

        assertThat(allGoals()).isEmpty();
    }

    @Test
    void refusesTheFormToAMemberWhoLeadsNoTeam() {
        MvcTestResult result = post(
                        ned, "My own direction", LocalDate.now().plusDays(9).toString())
                .param("teamId", core.getId().toString())
                .exchange();

        assertThat(result).hasStatus(403);
        assertThat(allGoals()).isEmpty();
    }

    // --- a goal and the commitments serving it ---------------------------------------------------

    @Test
    void showsTheCommitmentsAViewerMaySeeAndCountsTheOthers() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);
        String open = "Publish the onboarding checklist " + suffix;
        String secret = "Rewrite the pricing page quietly " + suffix;
        CommitmentView shared = commit(mo, open, Visibility.ORGANIZATION, growth.id());
        CommitmentView hidden = commit(mo, secret, Visibility.PRIVATE, growth.id());
        commitments.report(mo, shared.id(), new dev.kept.commitments.ProgressReport(40, Confidence.AT_RISK, null));

        MvcTestResult seenByNed =
                mvc.get().uri("/goals/" + growth.id()).with(as(ned)).exchange();

        assertThat(seenByNed).hasStatusOk();
        String page = body(seenByNed);
        String list = between(page, "<ul id=\"goal-commitments\"", "</ul>");
        assertThat(list)
                .contains(open)
                .contains("Mo Member")
                .contains("40%")
                .contains("<span class=\"badge AT_RISK\">At risk</span>");
        assertThat(page)
                .contains("1 commitment serves this goal or one beneath it that you cannot see.")
                .contains("1 you cannot see")
                .doesNotContain(secret)
                .doesNotContain(hidden.id().toString());
        assertHoldsToThePolicy(seenByNed);

        String seenByMo = body(mvc.get().uri("/goals/" + growth.id()).with(as(mo)));
        assertThat(seenByMo).contains(open).contains(secret).doesNotContain("that you cannot see");

        commit(mo, "Another quiet plan " + suffix, Visibility.TEAM, growth.id());
        assertThat(body(mvc.get().uri("/goals/" + growth.id()).with(as(ned))))
                .contains("2 commitments serve this goal or one beneath it that you cannot see.");
    }

    @Test
    void countsTheCommitmentsOfEachGoalBeneath() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);
        GoalView onboarding = set(lee, "Onboarding takes a day", core.getId(), growth.id());
        commit(mo, "Publish the onboarding checklist", Visibility.ORGANIZATION, onboarding.id());

        String page = body(mvc.get().uri("/goals/" + growth.id()).with(as(ned)));

        assertThat(between(page, "<h2>Goals beneath it</h2>", "</ul>"))
                .contains(link(onboarding) + ">Onboarding takes a day</a>")
                .contains("1 open");
        assertThat(between(page, "<table id=\"team-tallies\">", "</table>"))
                .contains("Core")
                .contains("1 open");
        assertThat(page).doesNotContain("Publish the onboarding checklist");
    }

    @Test
    void showsMoreCommitmentsWithAndWithoutHtmx() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);
        for (int i = 0; i < 51; i++) {
            commit(mo, "Serving step " + (100 + i), Visibility.ORGANIZATION, growth.id());
        }

        String page = body(mvc.get().uri("/goals/" + growth.id()).with(as(ned)));
        String more = between(page, "<p class=\"more\" id=\"more-goal-commitments\">", "</p>");
        assertThat(more).contains("data-hx-target=\"#goal-commitments\"");
        assertThat(between(page, "<ul id=\"goal-commitments\"", "</ul>").split("<li>", -1).length - 1)
                .isEqualTo(50);
        String next = more.substring(more.indexOf("href=\"") + 6, more.indexOf('"', more.indexOf("href=\"") + 6))
                .replace("&amp;", "&");
        assertThat(next).startsWith("/goals/" + growth.id() + "?cursor=");

        String rows = body(
                mvc.get().uri(next).header("HX-Request", "true").with(as(ned)).exchange());
        assertThat(rows.split("<li>", -1).length - 1).isEqualTo(1);
        assertThat(rows)
                .doesNotContain("<html")
                .contains("data-hx-swap-oob=\"true\"")
                .doesNotContain("data-hx-get");
        String plain = body(mvc.get().uri(next).with(as(ned)).exchange());
        assertThat(plain).contains("<html").contains("Customers succeed in month one");
        assertThat(between(plain, "<ul id=\"goal-commitments\"", "</ul>").split("<li>", -1).length - 1)
                .isEqualTo(1);
        assertThat(body(mvc.get()
                        .uri("/goals/" + growth.id() + "?cursor=forged")
                        .header("HX-Request", "true")
                        .with(as(ned))))
                .contains("Serving step");
    }

    @Test
    void theMapPageOpensAChildInPlaceWithHtmxOrAsItsOwnMap() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);
        GoalView onboarding = set(lee, "Onboarding takes a day", core.getId(), growth.id());
        GoalView signUp = set(lee, "Self-serve sign-up", core.getId(), onboarding.id());
        commit(mo, "Publish the onboarding checklist", Visibility.ORGANIZATION, signUp.id());

        String map = body(mvc.get().uri("/goals/" + growth.id() + "/map").with(as(ned)));
        String own = "/goals/" + onboarding.id() + "/map";
        assertThat(map)
                .contains("<html")
                .contains(link(onboarding))
                .contains("data-hx-get=\"" + own + "\"")
                .contains("data-hx-target=\"#beneath-" + onboarding.id() + "\"")
                .doesNotContain(link(signUp));

        String opened = body(mvc.get().uri(own).header("HX-Request", "true").with(as(ned)));
        assertThat(opened)
                .doesNotContain("<html")
                .contains(link(signUp) + ">Self-serve sign-up</a>")
                .contains("1 open");
        String whole = body(mvc.get().uri(own).with(as(ned)));
        assertThat(whole)
                .contains("<html")
                .contains("How every team contributes to")
                .contains(link(signUp));
    }

    @Test
    void answersGuestsAndOtherOrganizationsAsIfGoalsDidNotExist() {
        GoalView growth = set(ada, "Customers succeed in month one " + suffix, null, null);

        for (String path : List.of("/goals", "/goals/" + growth.id())) {
            MvcTestResult asGuest = mvc.get().uri(path).with(as(guest)).exchange();
            assertThat(asGuest).as(path).hasStatus(404);
            assertThat(body(asGuest)).doesNotContain(growth.title());
        }
        MvcTestResult asStranger =
                mvc.get().uri("/goals/" + growth.id()).with(as(eve)).exchange();
        assertThat(asStranger).hasStatus(404);
        assertThat(body(asStranger)).doesNotContain(growth.title());
        assertThat(body(mvc.get().uri("/goals").with(as(eve)))).doesNotContain(growth.title());
        assertThat(mvc.get().uri("/goals/not-a-goal").with(as(mo))).hasStatus(404);
        assertThat(mvc.post()
                        .uri("/goals")
                        .with(as(guest))
                        .with(csrf())
                        .param("title", "A guest's goal")
                        .param("why", "Because")
                        .param("doneWhen", "Done")
                        .param("due", LocalDate.now().plusDays(3).toString()))
                .hasStatus(404);

        String guestNav = between(body(mvc.get().uri("/").with(as(guest))), "<nav aria-label=\"Main\">", "</nav>");
        assertThat(guestNav).doesNotContain("href=\"/goals\"");
        String memberNav = between(body(mvc.get().uri("/").with(as(ned))), "<nav aria-label=\"Main\">", "</nav>");
        assertThat(memberNav).contains("<a href=\"/goals\">Goals</a>");
    }

    // --- the commitment form ------------------------------------------------------------------

    @Test
    void theCommitmentFormOffersTheOrganizationsGoals() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);
        GoalView onboarding = set(lee, "Onboarding takes a day", core.getId(), growth.id());
        set(eve, "Their direction", null, null);

        String offered = between(
                body(mvc.get().uri("/commitments/new").with(as(mo))),
                "<datalist id=\"goalName-choices\">",
                "</datalist>");

        assertThat(offered)
                .contains("<option value=\"Customers succeed in month one\"></option>")
                .contains("<option value=\"Onboarding takes a day\" label=\"Onboarding takes a day (Core)\"></option>")
                .doesNotContain("Their direction");
        assertThat(onboarding.parentId()).isEqualTo(growth.id());
        assertThat(body(mvc.get().uri("/commitments/new").with(as(guest))))
                .doesNotContain("id=\"goalName\"")
                .doesNotContain("Customers succeed");
    }

    @Test
    void makesACommitmentServingTheChosenGoal() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);

        MvcTestResult made = commitmentForm(mo, growth.id().toString()).exchange();

        assertThat(made).hasStatus3xxRedirection();
        List<CommitmentView> mine = commitmentLists.list(mo, mo.personId(), null, 10, 0);
        assertThat(mine).singleElement().satisfies(c -> assertThat(c.goalId()).isEqualTo(growth.id()));
        String detail = body(mvc.get().uri("/commitments/" + mine.get(0).id()).with(as(mo)));
        assertThat(detail).contains("Serves the goal:").contains(link(growth) + ">Customers succeed in month one</a>");

        String edit =
                body(mvc.get().uri("/commitments/" + mine.get(0).id() + "/edit").with(as(mo)));
        assertThat(edit)
                .contains("name=\"goalName\" value=\"Customers succeed in month one\"")
                .contains("name=\"goalId\" value=\"" + growth.id() + "\"");
    }

    @Test
    void showsAnUnknownOrMalformedGoalOnTheCommitmentForm() {
        set(ada, "Customers succeed in month one", null, null);
        GoalView theirs = set(eve, "Their direction", null, null);

        for (String goal : List.of(UUID.randomUUID().toString(), theirs.id().toString())) {
            MvcTestResult result = commitmentForm(mo, goal).exchange();
            assertThat(result).hasStatusOk();
            assertThat(body(result)).contains("There is no such goal in this organization.");
        }
        MvcTestResult malformed = commitmentForm(mo, "not-a-goal").exchange();
        assertThat(malformed).hasStatusOk();
        assertThat(body(malformed)).contains("must be one of the choices");
        assertThat(commitmentLists.list(mo, mo.personId(), null, 10, 0)).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------

    private GoalView set(Caller who, String title, UUID teamId, UUID parentId) {
        return goals.set(
                who,
                new GoalDraft(
                        title,
                        "Customers stay when they succeed early",
                        "Nine in ten are active after a month",
                        LocalDate.now().plusDays(60),
                        teamId,
                        parentId));
    }

    private CommitmentView commit(Caller owner, String what, Visibility visibility, UUID goalId) {
        return commitments.make(
                owner,
                new CommitmentDraft(
                        what,
                        "Published in the handbook",
                        LocalDate.now().plusDays(5),
                        "New people start faster",
                        visibility,
                        null,
                        goalId));
    }

    private MockMvcTester.MockMvcRequestBuilder post(Caller who, String title, String due) {
        return mvc.post()
                .uri("/goals")
                .with(as(who))
                .with(csrf())
                .param("title", title)
                .param("why", "Customers stay when they succeed early")
                .param("doneWhen", "Nine in ten are active after a month")
                .param("due", due);
    }

    private MockMvcTester.MockMvcRequestBuilder commitmentForm(Caller who, String goalId) {
        return mvc.post()
                .uri("/commitments")
                .with(as(who))
                .with(csrf())
                .param("what", "Publish the onboarding guide")
                .param("doneWhen", "Published in the handbook")
                .param("due", LocalDate.now().plusDays(3).toString())
                .param("why", "New people start faster")
                .param("visibility", "TEAM")
                .param("goalId", goalId);
    }

    private Caller member(String name, UUID teamId) {
        Person person = invites.invite(
                ada,
                new PersonDetails(name, email(name.toLowerCase().replace(' ', '.')), null, teamId, null, null, null));
        return callerOf(person);
    }

    private String email(String name) {
        return name + "-" + suffix + "@example.org";
    }

    private static String link(GoalView goal) {
        return "<a href=\"/goals/" + goal.id() + "\"";
    }

    private static String option(UUID id) {
        return "<option value=\"" + id + "\"";
    }

    /** A page holds to the Content-Security-Policy: it is sent, and nothing inline needs it relaxed. */
    private static void assertHoldsToThePolicy(MvcTestResult result) {
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("style-src 'self'");
        String page = body(result);
        assertThat(INLINE_SCRIPT.matcher(page).find()).as("an inline script").isFalse();
        assertThat(INLINE_STYLE.matcher(page).find())
                .as("an inline style or handler")
                .isFalse();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MockMvcTester.MockMvcRequestBuilder request) {
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** The part of a page from one marker to the next marker after it. */
    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as("the page has " + from).isNotNegative();
        int end = page.indexOf(to, start + from.length());
        assertThat(end).as("the page has " + to + " after " + from).isNotNegative();
        return page.substring(start, end + to.length());
    }

    /** The organization's goals two levels deep, as its admin sees them. */
    private List<GoalView> allGoals() {
        List<GoalView> all = new java.util.ArrayList<>();
        for (Goals.Listed top : goals.beneath(ada, null, null, 100).items()) {
            all.add(top.goal());
            goals.beneath(ada, top.goal().id(), null, 100).items().forEach(beneath -> all.add(beneath.goal()));
        }
        return all;
    }
}
