package dev.kept.commitments;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.access.Visibility;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDetails;
import dev.kept.people.SignUp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class CommitmentPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invites;

    @Autowired
    Commitments commitments;

    @Autowired
    CommitmentLists commitmentLists;

    private Caller ada;
    private Caller stranger;

    @BeforeEach
    void signUp() {
        ada = callerOf(accounts.signUp(new SignUp("Acme", "Ada", unique("ada"), "analytical engine 1843", "UTC"))
                .admin());
        stranger = callerOf(accounts.signUp(new SignUp("Other", "Eve", unique("eve"), "a different phrase 42", "UTC"))
                .admin());
    }

    @Test
    void rendersOnlyTheClarityPanelForHtmxAsOneTypes() {
        MvcTestResult result = mvc.post()
                .uri("/commitments/clarity")
                .with(as(ada))
                .with(csrf())
                .header("HX-Request", "true")
                .param("what", "Publish the guide soon")
                .param("doneWhen", "")
                .param("due", "")
                .param("why", "")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("id=\"clarity\"").contains("\u201csoon\u201d is vague");
        assertThat(result).bodyText().doesNotContain("<html").doesNotContain("<header");
    }

    @Test
    void refusesAPastDueDateWithAFormMessageAndSavesNothing() {
        MvcTestResult result = mvc.post()
                .uri("/commitments")
                .with(as(ada))
                .with(csrf())
                .param("what", "Publish the onboarding guide")
                .param("doneWhen", "Published in the handbook")
                .param("due", LocalDate.now().minusDays(3).toString())
                .param("why", "New people start faster")
                .param("visibility", "PRIVATE")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("The due date is in the past");
        assertThat(commitmentLists.list(ada, ada.personId(), null, 10, 0)).isEmpty();
    }

    @Test
    void explainsAMalformedDateAndAnUnknownVisibility() {
        MvcTestResult result = mvc.post()
                .uri("/commitments")
                .with(as(ada))
                .with(csrf())
                .param("what", "Publish the onboarding guide")
                .param("doneWhen", "Published in the handbook")
                .param("due", "next friday")
                .param("visibility", "EVERYONE")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("must be a date (YYYY-MM-DD)").contains("must be one of the choices");
        assertThat(commitmentLists.list(ada, ada.personId(), null, 10, 0)).isEmpty();
    }

    @Test
    void makesACommitmentAndRedirectsToIt() {
        MvcTestResult result = mvc.post()
                .uri("/commitments")
                .with(as(ada))
                .with(csrf())
                .param("what", "Publish the onboarding guide")
                .param("doneWhen", "Published in the handbook")
                .param("due", LocalDate.now().plusDays(3).toString())
                .param("why", "New people start faster")
                .param("visibility", "TEAM")
                .exchange();

        List<CommitmentView> mine = commitmentLists.list(ada, ada.personId(), null, 10, 0);
        assertThat(mine)
                .singleElement()
                .satisfies(c -> assertThat(c.visibility()).isEqualTo(Visibility.TEAM));
        assertThat(result)
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/commitments/" + mine.get(0).id());
    }

    @Test
    void showsAStaleEditAsAConflictAndOverwritesNothing() {
        CommitmentView made = make(ada);
        commitments.revise(
                ada,
                made.id(),
                new CommitmentRevision(made.version(), "Publish the guide first", null, null, null, null, null));

        MvcTestResult result = mvc.post()
                .uri("/commitments/" + made.id())
                .with(as(ada))
                .with(csrf())
                .param("what", "A stale change")
                .param("doneWhen", made.doneWhen())
                .param("due", made.due().toString())
                .param("why", "")
                .param("visibility", "PRIVATE")
                .param("version", Long.toString(made.version()))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Someone changed this commitment after you opened it");
        assertThat(commitments.get(ada, made.id()).what()).isEqualTo("Publish the guide first");
    }

    @Test
    void recordsProgressAndAnswersHtmxWithTheProgressSection() {
        CommitmentView made = make(ada);

        MvcTestResult result = mvc.post()
                .uri("/commitments/" + made.id() + "/progress")
                .with(as(ada))
                .with(csrf())
                .header("HX-Request", "true")
                .param("percent", "40")
                .param("confidence", "AT_RISK")
                .param("note", "Waiting for review")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("id=\"progress\"")
                .contains("Waiting for review")
                .doesNotContain("<html");
        CommitmentView after = commitments.get(ada, made.id());
        assertThat(after.percent()).isEqualTo(40);
        assertThat(after.atRisk()).isTrue();
    }

    @Test
    void closesACommitmentOnlyWithAnOutcomeAndAReflection() {
        CommitmentView made = make(ada);

        MvcTestResult missing = mvc.post()
                .uri("/commitments/" + made.id() + "/verification")
                .with(as(ada))
                .with(csrf())
                .param("outcome", "KEPT")
                .param("reflection", " ")
                .exchange();
        assertThat(missing).hasStatusOk();
        assertThat(commitments.get(ada, made.id()).status()).isEqualTo(CommitmentStatus.OPEN);

        MvcTestResult closed = mvc.post()
                .uri("/commitments/" + made.id() + "/verification")
                .with(as(ada))
                .with(csrf())
                .param("outcome", "DROPPED")
                .param("reflection", "Started too late")
                .exchange();
        assertThat(closed).hasStatus3xxRedirection();
        CommitmentView after = commitments.get(ada, made.id());
        assertThat(after.status()).isEqualTo(CommitmentStatus.CLOSED);
        assertThat(after.outcome()).isEqualTo(Outcome.DROPPED);
    }

    @Test
    void answersAnotherOrganizationsCommitmentAndAMalformedIdLikeAnUnknownOne() {
        CommitmentView made = make(ada);

        assertThat(mvc.get().uri("/commitments/" + made.id()).with(as(stranger)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/commitments/" + UUID.randomUUID()).with(as(stranger)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/commitments/not-an-id").with(as(stranger))).hasStatus(404);
        assertThat(mvc.get().uri("/commitments/" + made.id()).with(as(ada))).hasStatusOk();
    }

    @Test
    void refusesTextTheDatabaseCannotStore() {
        MvcTestResult result = mvc.post()
                .uri("/commitments")
                .with(as(ada))
                .with(csrf())
                .param("what", "Publish the guide\u0000")
                .param("doneWhen", "Published in the handbook")
                .param("due", LocalDate.now().plusDays(3).toString())
                .param("visibility", "PRIVATE")
                .exchange();

        assertThat(result).hasStatus(400);
        assertThat(commitmentLists.list(ada, ada.personId(), null, 10, 0)).isEmpty();
    }

    @Test
    void sendsSignedOutVisitorsToSignIn() {
        assertThat(mvc.get().uri("/commitments"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .endsWith("/login");
    }

    @Test
    void showsOnTheFormThatPartlyKeptWaitsForTheDueDate() throws Exception {
        CommitmentView made = make(ada);

        MvcTestResult early = mvc.post()
                .uri("/commitments/" + made.id() + "/verification")
                .with(as(ada))
                .with(csrf())
                .param("outcome", "PARTLY_KEPT")
                .param("reflection", "Half of it")
                .exchange();

        assertThat(early).hasStatusOk();
        assertThat(early.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("assessed at or after the due date");
        assertThat(commitments.get(ada, made.id()).status()).isEqualTo(CommitmentStatus.OPEN);
    }

    @Test
    void invitesACoOwnerNamedByEMailAndKeepsAnUnknownAddressOnTheForm() throws Exception {
        Person bob = invites.invite(ada, new PersonDetails("Bob", unique("bob"), null, null, null, null, null));
        CommitmentView made = make(ada);
        String path = "/commitments/" + made.id();

        assertThat(page(mvc.get().uri(path).with(as(ada)).exchange()))
                .contains("type=\"email\" id=\"co-owner\" name=\"email\"")
                .doesNotContain("value=\"" + bob.getId() + "\"");

        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        String problem = "There is no one with this e-mail address in this organization.";
        MvcTestResult refused = inviteCoOwner(path, nobody);
        assertThat(refused).hasRedirectedUrl(path);
        assertThat(refused).flash().containsEntry("coOwnerEmail", nobody).containsEntry("coOwnerProblem", problem);
        String shown = page(mvc.get()
                .uri(path)
                .with(as(ada))
                .flashAttr("coOwnerEmail", nobody)
                .flashAttr("coOwnerProblem", problem)
                .exchange());
        assertThat(shown)
                .contains("name=\"email\" maxlength=\"254\" value=\"" + nobody + "\"")
                .contains("<p class=\"error\">" + problem + "</p>");
        assertThat(inviteCoOwner(path, " ")).flash().containsKey("coOwnerProblem");
        assertThat(commitments.get(ada, made.id()).coOwners()).isNullOrEmpty();

        MvcTestResult invited = inviteCoOwner(path, bob.getEmail().toUpperCase());
        assertThat(invited).hasRedirectedUrl(path);
        assertThat(invited).flash().containsEntry("notice", "Invited: they accept from their inbox.");
        assertThat(commitments.get(ada, made.id()).coOwners())
                .singleElement()
                .satisfies(co -> assertThat(co.personId()).isEqualTo(bob.getId()));
    }

    private MvcTestResult inviteCoOwner(String path, String email) {
        return mvc.post()
                .uri(path + "/co-owners")
                .with(as(ada))
                .with(csrf())
                .param("email", email)
                .exchange();
    }

    private static String page(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private CommitmentView make(Caller owner) {
        return commitments.make(
                owner,
                new CommitmentDraft(
                        "Publish the onboarding guide",
                        "Published in the handbook",
                        LocalDate.now().plusDays(5),
                        "New people start faster",
                        Visibility.PRIVATE,
                        null));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.org";
    }
}
