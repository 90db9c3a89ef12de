package dev.kept.goals;

import static dev.kept.PageText.body;
import static dev.kept.PageText.options;
import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentView;
import dev.kept.partnerships.PartnerInvitation;
import dev.kept.partnerships.PartnershipKind;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.PersonDetails;
import dev.kept.people.SignUp;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Forms and filters name a goal in a search field, by its title, instead of listing the goals of
 * the organization: what the field offers is bounded, the typed title is resolved on the server
 * (without JavaScript), and a goal id sent by a link or an older form still works. Ada is the
 * admin; Lee leads Core, where Mo works; a coach from outside is Mo's guest.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GoalPickerTests {

    private static final Pattern DATALIST =
            Pattern.compile("<datalist id=\"([^\"]+)\">(.*?)</datalist>", Pattern.DOTALL);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invites;

    @Autowired
    Teams orgTeams;

    @Autowired
    Goals goals;

    @Autowired
    CommitmentLists commitmentLists;

    @Autowired
    Partnerships partnerships;

    private String suffix;
    private Caller ada;
    private Caller lee;
    private Caller mo;
    private Team core;

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ada = callerOf(
                accounts.signUp(new SignUp("Acme " + suffix, "Ada", email("ada"), "analytical engine 1843", "UTC"))
                        .admin());
        lee = member("Lee", null);
        core = orgTeams.createTeam(ada, "Core", lee.personId());
        mo = member("Mo", core.getId());
    }

    @Test
    void makesACommitmentServingTheGoalWhoseTitleIsTypedInAnyCase() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);

        MvcTestResult made = commitmentForm("  customers SUCCEED in month one").exchange();

        assertThat(made).hasStatus3xxRedirection();
        assertThat(mine()).singleElement().satisfies(c -> assertThat(c.goalId()).isEqualTo(growth.id()));
        String edit = body(
                mvc.get().uri("/commitments/" + mine().get(0).id() + "/edit").with(as(mo)));
        assertThat(edit).contains("name=\"goalName\" value=\"Customers succeed in month one\"");
    }

    @Test
    void tellsAnUnknownTitleBesideItsFieldAndMakesNothing() {
        set(ada, "Customers succeed in month one", null, null);

        MvcTestResult result = commitmentForm("Customers fail").exchange();

        assertThat(result).hasStatusOk();
        assertThat(body(result)).contains("No goal you can see has this name: choose one of the names offered.");
        assertThat(mine()).isEmpty();
    }

    @Test
    void aTitleTwoGoalsShareIsAmbiguousUnlessTheFormHoldsOneOfThem() {
        set(ada, "Ship faster", null, null);
        GoalView cores = set(lee, "Ship faster", core.getId(), null);

        MvcTestResult ambiguous = commitmentForm("ship faster").exchange();
        assertThat(ambiguous).hasStatusOk();
        assertThat(body(ambiguous)).contains("Several goals have this name");
        assertThat(mine()).isEmpty();

        // from the goal's own page the form holds the goal, which settles the title
        String fromGoal =
                body(mvc.get().uri("/commitments/new?goalId=" + cores.id()).with(as(mo)));
        assertThat(fromGoal)
                .contains("name=\"goalName\" value=\"Ship faster\"")
                .contains("name=\"goalId\" value=\"" + cores.id() + "\"");
        assertThat(commitmentForm("Ship faster")
                        .param("goalId", cores.id().toString())
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(mine()).singleElement().satisfies(c -> assertThat(c.goalId()).isEqualTo(cores.id()));
    }

    @Test
    void filtersCommitmentsByATypedTitleOrAnIdAndShowsTheTitle() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);
        commitmentForm(growth.title()).exchange();
        commitmentForm("", "Something else entirely").exchange();

        String byName =
                body(mvc.get().uri("/commitments?goalName=customers succeed").with(as(mo)));
        assertThat(byName).contains("No goal you can see has this name");
        String byTitle = body(mvc.get()
                .uri("/commitments?goalName=customers succeed in month one")
                .with(as(mo)));
        assertThat(byTitle).contains("Publish the onboarding guide").doesNotContain("Something else entirely");
        String byId = body(mvc.get().uri("/commitments?goal=" + growth.id()).with(as(mo)));
        assertThat(byId)
                .contains("Publish the onboarding guide")
                .doesNotContain("Something else entirely")
                .contains("id=\"filter-goal\" name=\"goalName\" value=\"Customers succeed in month one\"");
    }

    @Test
    void setsAGoalForATeamAndBeneathAGoalNamedByTyping() {
        GoalView growth = set(ada, "Customers succeed in month one", null, null);

        MvcTestResult made = goalForm(lee, "Onboarding takes a day")
                .param("teamName", "core")
                .param("parentName", "customers succeed in month one")
                .exchange();

        assertThat(made).hasStatus3xxRedirection();
        GoalView onboarding = goals.find(
                        lee,
                        UUID.fromString(made.getResponse().getRedirectedUrl().substring("/goals/".length())))
                .orElseThrow();
        assertThat(onboarding.teamId()).isEqualTo(core.getId());
        assertThat(onboarding.parentId()).isEqualTo(growth.id());

        MvcTestResult unknown = goalForm(ada, "Another")
                .param("teamName", "Nowhere")
                .param("parentName", "")
                .exchange();
        assertThat(unknown).hasStatusOk();
        assertThat(body(unknown)).contains("No team has this name");
    }

    @Test
    void searchOffersGoalsWhoseTitleContainsTheTextAtMostTwentyAndNoneToGuests() {
        for (int i = 1; i <= 30; i++) {
            set(ada, "Goal %02d".formatted(i), null, null);
        }

        assertThat(options(mvc.get().uri("/goals/choices").with(as(mo)).exchange()))
                .hasSize(20);
        assertThat(options(mvc.get().uri("/goals/choices?q=oal 2").with(as(mo)).exchange()))
                .hasSize(10)
                .allMatch(title -> title.startsWith("Goal 2"));
        assertThat(options(mvc.get()
                        .uri("/goals/choices?q=goal&limit=5")
                        .with(as(mo))
                        .exchange()))
                .hasSize(5);
        assertThat(mvc.get().uri("/goals/choices?limit=21").with(as(mo))).hasStatus(400);
        assertThat(mvc.get().uri("/goals/choices?q=" + "x".repeat(201)).with(as(mo)))
                .hasStatus(400);
        UUID guestId = partnerships
                .invite(mo, new PartnerInvitation(null, email("coach"), PartnershipKind.COACH, null, null, null))
                .partnerId();
        Caller guest = new Caller(guestId, mo.organizationId(), "coach");
        assertThat(mvc.get().uri("/goals/choices").with(as(guest))).hasStatus(404);
    }

    @Test
    void pagesOfferABoundedFewGoalsWhateverTheirNumber() {
        for (int i = 1; i <= 30; i++) {
            set(ada, "Goal %02d".formatted(i), null, null);
        }
        for (Caller who : List.of(ada, mo)) {
            for (String page : List.of("/goals", "/commitments/new", "/commitments", "/expectations")) {
                String html = body(mvc.get().uri(page).with(as(who)));
                if (!(page.equals("/goals") && who == mo)) { // a member who leads no team sets no goal
                    assertThat(html).as(page).contains("<datalist");
                }
                if (!page.equals("/goals")) { // the tree itself shows its first level a page at a time
                    assertThat(Pattern.compile("Goal \\d\\d")
                                    .matcher(html)
                                    .results()
                                    .map(MatchResult::group)
                                    .distinct()
                                    .count())
                            .as(page)
                            .isLessThanOrEqualTo(20);
                }
                Matcher lists = DATALIST.matcher(html);
                while (lists.find()) {
                    assertThat(lists.group(2).split("<option", -1).length - 1)
                            .as(page + " #" + lists.group(1))
                            .isBetween(1, 20);
                }
            }
        }
    }

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

    private MockMvcTester.MockMvcRequestBuilder commitmentForm(String goalName) {
        return commitmentForm(goalName, "Publish the onboarding guide");
    }

    private MockMvcTester.MockMvcRequestBuilder commitmentForm(String goalName, String what) {
        return mvc.post()
                .uri("/commitments")
                .with(as(mo))
                .with(csrf())
                .param("what", what)
                .param("doneWhen", "Published in the handbook")
                .param("due", LocalDate.now().plusDays(3).toString())
                .param("why", "New people start faster")
                .param("visibility", "TEAM")
                .param("goalName", goalName);
    }

    private MockMvcTester.MockMvcRequestBuilder goalForm(Caller who, String title) {
        return mvc.post()
                .uri("/goals")
                .with(as(who))
                .with(csrf())
                .param("title", title)
                .param("why", "New people stay when they start well")
                .param("doneWhen", "Nine in ten ship on their first day")
                .param("due", LocalDate.now().plusDays(30).toString());
    }

    private List<CommitmentView> mine() {
        return commitmentLists.list(mo, mo.personId(), null, 10, 0);
    }

    private Caller member(String name, UUID teamId) {
        return callerOf(invites.invite(
                ada, new PersonDetails(name, email(name.toLowerCase()), null, teamId, null, null, null)));
    }

    private String email(String name) {
        return name + "-" + suffix + "@example.org";
    }
}
