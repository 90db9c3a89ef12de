package dev.kept.people;

import static dev.kept.PageText.body;
import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.KeptApiTest;
import dev.kept.StatementCounter;
import dev.kept.decisions.DecisionView;
import dev.kept.decisions.Decisions;
import dev.kept.goals.GoalDraft;
import dev.kept.goals.GoalNegotiations;
import dev.kept.goals.GoalView;
import dev.kept.goals.Goals;
import dev.kept.goals.NegotiationView;
import dev.kept.matching.programs.MatchingPrograms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The forms that name several teams (the teams a decision affects, who may join a matching program,
 * the teams a goal is proposed to) list only the teams chosen, ticked, with one search field to add
 * another by its name, however many teams the organization has. Ada is the admin; Lee leads Core,
 * whose goal is proposed; thirty more teams are named "Team 01" to "Team 30", and "Sales" and
 * "SALES" share a name in different capitals.
 */
@KeptApiTest
@AutoConfigureMockMvc
class MultiTeamFieldTests {

    private static final Pattern TEAM_NAME = Pattern.compile("Team \\d\\d");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invites;

    @Autowired
    Teams orgTeams;

    @Autowired
    Decisions decisions;

    @Autowired
    MatchingPrograms programs;

    @Autowired
    Goals goals;

    @Autowired
    GoalNegotiations negotiations;

    @Autowired
    StatementCounter counter;

    private String suffix;
    private Caller ada;
    private Caller lee;
    private Team core;
    private final List<Team> numbered = new ArrayList<>();

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        organization("Acme", 30);
        orgTeams.createTeam(ada, "Sales", null);
        orgTeams.createTeam(ada, "SALES", null);
    }

    private void organization(String name, int teams) {
        ada = callerOf(accounts.signUp(
                        new SignUp(name + " " + suffix, "Ada", email(name + ".ada"), "analytical engine 1843", "UTC"))
                .admin());
        lee = callerOf(
                invites.invite(ada, new PersonDetails("Lee", email(name + ".lee"), null, null, null, null, null)));
        core = orgTeams.createTeam(ada, "Core", lee.personId());
        numbered.clear();
        for (int i = 1; i <= teams; i++) {
            numbered.add(orgTeams.createTeam(ada, "Team %02d".formatted(i), null));
        }
    }

    @Test
    void eachFormRunsAsManyStatementsForThreeTeamsAsForThirty() {
        List<Long> thirty = formStatements();
        organization("Small", 3);

        assertThat(formStatements()).isEqualTo(thirty);
    }

    // the statements each form runs with two teams chosen, the second typed (counted the second time)
    private List<Long> formStatements() {
        UUID program = createdProgram("name", "Two teams", "teamIds", id(1), "teamName", "Team 02");
        GoalView goal = coresGoal();
        List<Supplier<MockMvcTester.MockMvcRequestBuilder>> forms = List.of(
                () -> decision("Team 02", true, id(1)),
                () -> mvc.get().uri("/matching/" + program + "/edit").with(as(ada)),
                () -> mvc.get()
                        .uri("/goals/" + goal.id() + "/proposals/new?invited={a}&invitedName={b}", id(1), "Team 02")
                        .with(as(lee)));
        List<Long> counts = new ArrayList<>();
        for (Supplier<MockMvcTester.MockMvcRequestBuilder> form : forms) {
            assertThat(form.get().exchange()).hasStatusOk();
            long statements = counter.statementsOf(key -> assertThat(
                            form.get().header(StatementCounter.HEADER, key).exchange())
                    .hasStatusOk());
            assertThat(statements).isPositive();
            counts.add(statements);
        }
        return counts;
    }

    @Test
    void eachFormListsOnlyTheTeamsChosenAndASearchFieldForMore() {
        UUID program = createdProgram("name", "Open to one", "teamIds", id(5));
        GoalView goal = coresGoal();

        assertThat(teamNames(body(mvc.get().uri("/decisions/new").with(as(ada)))))
                .isEmpty();
        assertThat(teamNames(body(mvc.get().uri("/matching").with(as(ada))))).isEmpty();
        assertThat(teamNames(
                        body(mvc.get().uri("/matching/" + program + "/edit").with(as(ada)))))
                .containsOnly("Team 05");
        String propose = body(mvc.get()
                .uri("/goals/" + goal.id() + "/proposals/new?invited=" + id(7))
                .with(as(lee)));
        assertThat(teamNames(propose)).containsOnly("Team 07");
        for (String page : List.of("/decisions/new", "/matching", "/matching/" + program + "/edit")) {
            assertThat(body(mvc.get().uri(page).with(as(ada))))
                    .as(page)
                    .contains("<legend>")
                    .contains("<label for=\"teamName\">")
                    .contains("id=\"teamName\" name=\"teamName\" value=\"\"")
                    .contains("name=\"addTeam\"");
        }
        assertThat(propose).contains("<label for=\"invitedName\">").contains("name=\"addTeam\"");
    }

    @Test
    void addsATypedTeamToADecisionWithoutRecordingItAndKeepsWhatWasTyped() {
        MvcTestResult added = decision("team 02", true, id(1)).exchange();

        assertThat(added).hasStatusOk();
        String page = body(added);
        assertThat(ticked(page, "teamIds")).containsExactly(id(1), id(2));
        assertThat(page)
                .contains("value=\"One deployment window\"")
                .contains("Support can warn customers.")
                .contains("id=\"teamName\" name=\"teamName\" value=\"\"")
                .doesNotContain("Please fix the fields marked below.");
        assertThat(recorded()).isEmpty();

        MvcTestResult blankAdded = mvc.post()
                .uri("/decisions")
                .with(as(ada))
                .with(csrf())
                .param("title", "")
                .param("teamName", "Team 03")
                .param("addTeam", "1")
                .exchange();
        assertThat(blankAdded).hasStatusOk();
        assertThat(body(blankAdded))
                .as("the other fields are not told wrong before the form is sent")
                .doesNotContain("must not be blank");
        assertThat(ticked(body(blankAdded), "teamIds")).containsExactly(id(3));
    }

    @Test
    void recordsADecisionForTheTeamsLeftTickedAndTheOneTyped() {
        // Team 01 was ticked, then unticked: the form sends Team 02 only, and Team 03 typed
        MvcTestResult sent = decision("Team 03", false, id(2)).exchange();

        assertThat(sent).hasStatus3xxRedirection();
        assertThat(recorded())
                .singleElement()
                .satisfies(note -> assertThat(note.teams())
                        .extracting(DecisionView.AffectedTeam::name)
                        .containsExactly("Team 02", "Team 03"));
    }

    @Test
    void stillRecordsADecisionForTeamIdsAlone() {
        assertThat(decision(null, false, id(1), id(4)).exchange()).hasStatus3xxRedirection();
        assertThat(recorded())
                .singleElement()
                .satisfies(note -> assertThat(note.teams())
                        .extracting(DecisionView.AffectedTeam::name)
                        .containsExactly("Team 01", "Team 04"));
    }

    @Test
    void tellsAnUnknownOrAmbiguousTeamNameUnderTheSearchFieldAndRecordsNothing() {
        for (boolean adding : new boolean[] {false, true}) {
            MvcTestResult unknown = decision("Nowhere", adding, id(1)).exchange();
            assertThat(unknown).hasStatusOk();
            assertThat(errorAfter(body(unknown), "id=\"teamName\""))
                    .isEqualTo("No team has this name: choose one of the names offered.");
            assertThat(body(unknown)).contains("value=\"Nowhere\"").contains("value=\"One deployment window\"");
            assertThat(ticked(body(unknown), "teamIds")).containsExactly(id(1));

            MvcTestResult ambiguous = decision("sales", adding, id(1)).exchange();
            assertThat(ambiguous).hasStatusOk();
            assertThat(errorAfter(body(ambiguous), "id=\"teamName\""))
                    .isEqualTo("Several teams have this name in different capitals: type it exactly as it is written.");
        }
        assertThat(recorded()).isEmpty();
        assertThat(decision("SALES", false).exchange()).hasStatus3xxRedirection();
    }

    @Test
    void setsUpAndChangesWhoMayJoinAProgramByTickedAndTypedTeams() {
        MvcTestResult added =
                postProgram("/matching", "name", "Spring " + suffix, "teamName", "team 04", "addTeam", "1");
        assertThat(added).hasStatusOk();
        assertThat(ticked(body(added), "teamIds")).containsExactly(id(4));
        assertThat(body(added)).contains("value=\"Spring " + suffix + "\"");
        assertThat(programs.list(ada, null, 50).items()).isEmpty();

        UUID program = createdProgram("name", "Spring " + suffix, "teamIds", id(4).toString(), "teamName", "Team 06");
        assertThat(programs.get(ada, program).teamIds()).containsExactlyInAnyOrder(id(4), id(6));

        String edit = "/matching/" + program + "/edit";
        MvcTestResult unknown = postProgram(edit, "name", "Renamed", "teamIds", id(4).toString(), "teamName", "Nope");
        assertThat(unknown).hasStatusOk();
        assertThat(body(unknown)).contains("Nothing was changed").contains("No team has this name");
        assertThat(programs.get(ada, program).name()).isEqualTo("Spring " + suffix);

        // Team 04 unticked, Team 06 kept
        assertThat(postProgram(edit, "name", "Spring " + suffix, "teamIds", id(6).toString()))
                .hasStatus3xxRedirection();
        assertThat(programs.get(ada, program).teamIds()).containsExactly(id(6));
        // every box unticked: everyone may join
        assertThat(postProgram(edit, "name", "Spring " + suffix)).hasStatus3xxRedirection();
        assertThat(programs.get(ada, program).teamIds()).isEmpty();
    }

    @Test
    void proposesAGoalToTeamsAddedByNameButNeverToItsOwnTeam() {
        GoalView goal = coresGoal();
        String choose = "/goals/" + goal.id() + "/proposals/new";

        String added = body(mvc.get()
                .uri(choose + "?invited={a}&invitedName={name}&addTeam=1", id(1), "team 02")
                .with(as(lee)));
        assertThat(ticked(added, "invited")).containsExactly(id(1), id(2));
        assertThat(added)
                .contains("<input type=\"hidden\" name=\"invited\" value=\"" + id(2) + "\">")
                .contains(">Team 02</label>");

        String owner = body(
                mvc.get().uri(choose + "?invited={a}&invitedName=core", id(1)).with(as(lee)));
        assertThat(errorAfter(owner, "id=\"invitedName\"")).isEqualTo("That team owns this goal already.");
        assertThat(owner).contains("value=\"Core\"");
        assertThat(ticked(owner, "invited")).containsExactly(id(1));

        String unknown = body(mvc.get().uri(choose + "?invitedName=Nowhere").with(as(lee)));
        assertThat(errorAfter(unknown, "id=\"invitedName\""))
                .isEqualTo("No team has this name: choose one of the names offered.");
        assertThat(unknown).doesNotContain("What each team contributes");

        StringBuilder ten = new StringBuilder(choose + "?invitedName={name}");
        for (int i = 1; i <= 10; i++) {
            ten.append("&invited=").append(id(i));
        }
        String tooMany = body(mvc.get().uri(ten.toString(), "Team 11").with(as(lee)));
        assertThat(errorAfter(tooMany, "id=\"invitedName\""))
                .isEqualTo("Choose at most 10 teams: untick one to add another.");

        MvcTestResult refused = propose(goal, core.getId()).exchange();
        assertThat(refused).hasStatusOk();
        assertThat(body(refused)).contains("That team owns this goal already.");
        assertThat(negotiations.of(lee, goal.id(), null, 10).items()).isEmpty();

        MvcTestResult sent = propose(goal, id(1), id(2))
                .param("teamIds", core.getId().toString(), id(1).toString(), id(2).toString())
                .param("contributions", "Build it", "Test it", "Sell it")
                .exchange();
        assertThat(sent).hasStatus3xxRedirection();
        String location = sent.getResponse().getRedirectedUrl();
        NegotiationView proposal =
                negotiations.get(lee, goal.id(), UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(proposal.teams())
                .extracting(NegotiationView.TeamState::name)
                .containsExactlyInAnyOrder("Core", "Team 01", "Team 02");
    }

    private MockMvcTester.MockMvcRequestBuilder propose(GoalView goal, UUID... invited) {
        var request = mvc.post()
                .uri("/goals/" + goal.id() + "/proposals")
                .with(as(lee))
                .with(csrf())
                .param("teamId", core.getId().toString())
                .param("title", goal.title())
                .param("why", goal.why())
                .param("doneWhen", goal.doneWhen())
                .param("due", goal.due().toString());
        for (UUID team : invited) {
            request = request.param("invited", team.toString());
        }
        return request;
    }

    private MockMvcTester.MockMvcRequestBuilder decision(String teamName, boolean adding, UUID... teamIds) {
        var request = mvc.post()
                .uri("/decisions")
                .with(as(ada))
                .with(csrf())
                .param("title", "One deployment window")
                .param("decision", "Tuesdays and Thursdays.")
                .param("options", "Any time\nTwice a week")
                .param("servesOrganization", "Support can warn customers.");
        for (UUID teamId : teamIds) {
            request = request.param("teamIds", teamId.toString());
        }
        if (teamName != null) {
            request = request.param("teamName", teamName);
        }
        return adding ? request.param("addTeam", "1") : request;
    }

    private List<DecisionView> recorded() {
        return decisions.list(ada, null, null, 50).items();
    }

    private MvcTestResult postProgram(String uri, String... fields) {
        var request = mvc.post()
                .uri(uri)
                .with(as(ada))
                .with(csrf())
                .param("team", "OTHER_TEAM_PREFERRED")
                .param("region", "NO_PREFERENCE");
        for (String weight : List.of(
                "growthMetByStrength",
                "mutualRespect",
                "otherTeam",
                "regionPreference",
                "levelCloseness",
                "workingHoursOverlap",
                "sameCadence")) {
            request = request.param(weight, "1");
        }
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return request.exchange();
    }

    private UUID createdProgram(Object... fields) {
        String[] text = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            text[i] = fields[i].toString();
        }
        MvcTestResult created = postProgram("/matching", text);
        assertThat(created).hasStatus3xxRedirection();
        return UUID.fromString(created.getResponse().getRedirectedUrl().substring("/matching/".length()));
    }

    private GoalView coresGoal() {
        return goals.set(
                lee,
                new GoalDraft(
                        "Onboarding takes a day",
                        "New customers stay when they start fast",
                        "Median onboarding under one day",
                        LocalDate.now().plusDays(60),
                        core.getId(),
                        null));
    }

    private UUID id(int number) {
        return numbered.get(number - 1).getId();
    }

    // the numbered teams a page names, in order
    private static List<String> teamNames(String html) {
        List<String> names = new ArrayList<>();
        Matcher name = TEAM_NAME.matcher(html);
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    // the ids of a page's ticked boxes of this name, in order
    private static List<UUID> ticked(String html, String name) {
        Matcher box = Pattern.compile("<input type=\"checkbox\" name=\"" + name + "\" value=\"([^\"]+)\" checked")
                .matcher(html);
        List<UUID> ids = new ArrayList<>();
        while (box.find()) {
            ids.add(UUID.fromString(box.group(1)));
        }
        return ids;
    }

    // the text of the first error shown after the element marked so
    private static String errorAfter(String html, String marker) {
        int from = html.indexOf(marker);
        assertThat(from).as(marker).isNotNegative();
        Matcher error = Pattern.compile("<p class=\"error\">([^<]*)</p>").matcher(html);
        assertThat(error.find(from)).as("an error after " + marker).isTrue();
        return error.group(1);
    }

    private String email(String name) {
        return name + "-" + suffix + "@example.org";
    }
}
