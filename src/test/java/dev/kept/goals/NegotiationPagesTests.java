package dev.kept.goals;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The pages of a co-owned goal's negotiation. Lee leads Core, whose goal it is, and Mo works in
 * Core; Sam leads Sales; Ned is in no team.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NegotiationPagesTests {

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
    GoalNegotiations negotiations;

    private String suffix;
    private Caller ada;
    private Caller lee;
    private Caller mo;
    private Caller sam;
    private Caller ned;
    private Team core;
    private Team sales;
    private GoalView goal;

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ada = callerOf(accounts.signUp(
                        new SignUp("Acme " + suffix, "Ada Admin", email("ada"), "analytical engine 1843", "UTC"))
                .admin());
        lee = member("Lee Lead", null);
        sam = member("Sam Sales", null);
        core = orgTeams.createTeam(ada, "Core", lee.personId());
        sales = orgTeams.createTeam(ada, "Sales", sam.personId());
        mo = member("Mo Member", core.getId());
        ned = member("Ned Nobody", null);
        goal = goals.set(
                lee,
                new GoalDraft(
                        "Onboarding takes a day",
                        "New customers stay when they start fast",
                        "Median onboarding under one day",
                        LocalDate.now().plusDays(60),
                        core.getId(),
                        null));
    }

    @Test
    void theLeadProposesByChoosingTeamsThenTermsAndContributions() {
        assertThat(body(mvc.get().uri("/goals/" + goal.id()).with(as(lee))))
                .contains("Propose to co-own it with other teams");
        assertThat(body(mvc.get().uri("/goals/" + goal.id()).with(as(mo))))
                .doesNotContain("Propose to co-own it with other teams");

        String choose =
                body(mvc.get().uri("/goals/" + goal.id() + "/proposals/new").with(as(lee)));
        assertThat(choose)
                .contains("id=\"invitedName\"")
                .doesNotContain(sales.getId().toString())
                .doesNotContain("What each team contributes");
        String terms = body(mvc.get()
                .uri("/goals/" + goal.id() + "/proposals/new?invited=" + sales.getId())
                .with(as(lee)));
        assertThat(terms)
                .contains("What each team contributes")
                .contains(">Core</label>")
                .contains(">Sales</label>")
                .contains("value=\"Onboarding takes a day\"");

        MvcTestResult missing = proposeForm(lee, "Build the setup wizard", "").exchange();
        assertThat(missing).hasStatusOk();
        assertThat(body(missing)).contains("The proposal was not sent").contains("Say what each team contributes");

        MvcTestResult sent =
                proposeForm(lee, "Build the setup wizard", "Run the first call").exchange();
        assertThat(sent).hasStatus3xxRedirection();
        String location = sent.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/goals/" + goal.id() + "/proposals/");

        String seenBySam = body(mvc.get().uri(location).with(as(sam)));
        assertThat(seenBySam)
                .contains("Accept these terms")
                .contains("Counter-propose changed terms")
                .contains("Run the first call")
                .contains("Waiting");
        String seenByMo = body(mvc.get().uri(location).with(as(mo)));
        assertThat(seenByMo).contains("Build the setup wizard").doesNotContain("Accept these terms");
        assertThat(mvc.get().uri(location).with(as(ned)).exchange()).hasStatus(404);
        assertThat(mvc.get().uri(location).with(as(ada)).exchange()).hasStatus(404);
    }

    @Test
    void aCounterProposalWithABlankTitleIsShownBackAndAStaleAcceptanceIsExplained() {
        NegotiationView proposal = negotiations.propose(
                lee,
                goal.id(),
                new ProposalDraft(
                        null,
                        List.of(sales.getId()),
                        null,
                        null,
                        null,
                        null,
                        Map.of(core.getId(), "Build the wizard", sales.getId(), "Run the first call"),
                        null));
        String path = "/goals/" + goal.id() + "/proposals/" + proposal.id();

        MvcTestResult blank = mvc.post()
                .uri(path + "/counter")
                .with(as(sam))
                .with(csrf())
                .param("title", " ")
                .param("why", "x")
                .param("doneWhen", "y")
                .param("due", LocalDate.now().plusDays(90).toString())
                .param("teamIds", core.getId().toString(), sales.getId().toString())
                .param("contributions", "Build the wizard", "Run two calls")
                .exchange();
        assertThat(blank).hasStatusOk();
        assertThat(body(blank)).contains("Your terms were not sent");

        MvcTestResult countered = mvc.post()
                .uri(path + "/counter")
                .with(as(sam))
                .with(csrf())
                .param("title", "Onboarding takes a day")
                .param("why", "New customers stay when they start fast")
                .param("doneWhen", "Median onboarding under one day")
                .param("due", LocalDate.now().plusDays(90).toString())
                .param("teamIds", core.getId().toString(), sales.getId().toString())
                .param("contributions", "Build the wizard", "Run two calls")
                .param("note", "Two calls work better")
                .exchange();
        assertThat(countered).hasStatus3xxRedirection();

        MvcTestResult stale = mvc.post()
                .uri(path + "/accept")
                .with(as(lee))
                .with(csrf())
                .param("round", "1")
                .exchange();
        assertThat(stale).hasStatus3xxRedirection();
        assertThat(stale.getMvcResult().getFlashMap().get("problem").toString())
                .contains("The terms changed while you looked");

        assertThat(mvc.post()
                        .uri(path + "/accept")
                        .with(as(lee))
                        .with(csrf())
                        .param("round", "2")
                        .exchange())
                .hasStatus3xxRedirection();
        String goalPage = body(mvc.get().uri("/goals/" + goal.id()).with(as(ned)));
        assertThat(goalPage).contains("Co-owned by").contains("Run two calls").contains("Build the wizard");
        String history = body(mvc.get().uri(path).with(as(mo)));
        assertThat(history)
                .contains("proposed new terms (round")
                .contains("Two calls work better")
                .contains("Every team agreed");
    }

    private MockMvcTester.MockMvcRequestBuilder proposeForm(Caller who, String coreGives, String salesGives) {
        return mvc.post()
                .uri("/goals/" + goal.id() + "/proposals")
                .with(as(who))
                .with(csrf())
                .param("invited", sales.getId().toString())
                .param("teamId", core.getId().toString())
                .param("title", "Onboarding takes a day")
                .param("why", "New customers stay when they start fast")
                .param("doneWhen", "Median onboarding under one day")
                .param("due", LocalDate.now().plusDays(60).toString())
                .param("teamIds", core.getId().toString(), sales.getId().toString())
                .param("contributions", coreGives, salesGives);
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
}
