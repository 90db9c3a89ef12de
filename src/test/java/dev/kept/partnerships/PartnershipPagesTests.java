package dev.kept.partnerships;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.access.Visibility;
import dev.kept.commitments.CommitmentDraft;
import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.notifications.Inbox;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDetails;
import dev.kept.people.SignUp;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The partnership pages, and what partnerships add to the commitment form, the inbox and the
 * layout: each as the person using it sees it, with the rules broken on purpose.
 *
 * <p>The organization: Ada (admin) manages Mia, who manages Dana, who manages Rex. Dana (level 3,
 * team Core, region EMEA) is the one choosing a partner. Pat (team Platform, region APAC, level 4)
 * fits well; Sam (team Core, region EMEA, level 7) less so; Cody is Dana's declared competitor.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PartnershipPagesTests {

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
    Partnerships partnerships;

    @Autowired
    Partnering partnering;

    @Autowired
    Commitments commitments;

    @Autowired
    CommitmentLists commitmentLists;

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcClient jdbc;

    private String suffix;
    private Caller ada;
    private Caller mia;
    private Caller dana;
    private Caller rex;
    private Caller pat;
    private Caller sam;
    private Caller cody;

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ada = callerOf(accounts.signUp(
                        new SignUp("Acme " + suffix, "Ada Admin", email("ada"), "analytical engine 1843", "UTC"))
                .admin());
        Team core = orgTeams.createTeam(ada, "Core", null);
        Team platform = orgTeams.createTeam(ada, "Platform", null);
        mia = member("Mia Manager", null, null, ada.personId(), null);
        dana = member("Dana Self", core.getId(), "EMEA", mia.personId(), 3);
        rex = member("Rex Report", null, null, dana.personId(), null);
        pat = member("Pat Peer", platform.getId(), "APAC", null, 4);
        sam = member("Sam Same", core.getId(), "emea", null, 7);
        cody = member("Cody Rival", null, null, null, null);
        partnering.declareCompetitors(dana, List.of(cody.personId()));
    }

    // --- the list, the candidates and the fit hint ----------------------------------------

    @Test
    void listsCandidatesWithFitHintsLeavingOutOneselfTheReportingLineAndDeclaredCompetitors() {
        MvcTestResult result = mvc.get().uri("/partnerships").with(as(dana)).exchange();

        assertThat(result).hasStatusOk();
        String page = body(result);
        assertThat(page).contains("<form class=\"stacked\" action=\"/partnerships\" method=\"post\"");
        String choices = between(page, "<select id=\"partnerId\"", "</select>");
        assertThat(choices)
                .contains(option(pat) + ">Pat Peer · Platform</option>")
                .contains(option(sam) + ">Sam Same · Core</option>")
                .doesNotContain(option(dana))
                .doesNotContain(option(mia))
                .doesNotContain(option(ada))
                .doesNotContain(option(rex))
                .doesNotContain(option(cody));
        String fits = between(page, "<h2>Who would fit</h2>", "</table>");
        assertThat(row(fits, "Pat Peer"))
                .contains("works in another team, works in another region, close in level")
                .doesNotContain("works in your team");
        assertThat(row(fits, "Sam Same")).contains("works in your team, works in your region, 4 levels apart");
        assertThat(fits)
                .doesNotContain("Dana Self")
                .doesNotContain("Mia Manager")
                .doesNotContain("Ada Admin")
                .doesNotContain("Rex Report")
                .doesNotContain("Cody Rival");
        assertThat(page).contains("No partnerships yet.");
        assertHoldsToThePolicy(result);
    }

    @Test
    void leavesOutSomeoneOneIsAlreadyPartneredWith() {
        partnerships.invite(dana, invitation(pat.personId(), PartnershipKind.PEER));

        String page = body(mvc.get().uri("/partnerships").with(as(dana)).exchange());

        assertThat(between(page, "<select id=\"partnerId\"", "</select>"))
                .doesNotContain(option(pat))
                .contains(option(sam));
        assertThat(between(page, "<ul class=\"rows\" id=\"partnership-list\">", "</ul>"))
                .contains("Pat Peer")
                .contains("Invited");
    }

    @Test
    void answersTheHtmxFitRequestWithTheHintAlone() {
        MvcTestResult result = mvc.get()
                .uri("/partnerships/fit")
                .param("partnerId", sam.personId().toString())
                .header("HX-Request", "true")
                .with(as(dana))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(body(result).strip())
                .startsWith("<div class=\"fit\">")
                .contains("Consider someone else: <span>works in your team, works in your region, 4 levels apart")
                .doesNotContain("Good signs")
                .doesNotContain("<html")
                .doesNotContain("<header");

        MvcTestResult nobody = mvc.get()
                .uri("/partnerships/fit")
                .param("partnerId", "")
                .header("HX-Request", "true")
                .with(as(dana))
                .exchange();
        assertThat(nobody).hasStatusOk();
        assertThat(body(nobody).strip()).isEqualTo("<div></div>");
    }

    // --- the invitation form ----------------------------------------------------------------

    @Test
    void showsAReportingLineOnThePartnerFieldAndInvitesNobody() {
        for (Caller aboveOrBelow : List.of(mia, ada, rex)) {
            MvcTestResult result = invite(aboveOrBelow.personId().toString(), "");

            assertThat(result).hasStatusOk();
            String field = partnerField(body(result));
            assertThat(field).contains("<p class=\"error\">A partner cannot be in your reporting line");
            assertThat(body(result)).contains("Nobody was invited: see below.");
            assertHoldsToThePolicy(result);
        }
        assertThat(partnerships.mine(dana)).isEmpty();
    }

    @Test
    void refusesOnesOwnCompetitorAndSilentlyInvitesSomeoneWhoDeclaredOne() {
        partnering.declareCompetitors(sam, List.of(dana.personId()));

        MvcTestResult own = invite(cody.personId().toString(), "");
        assertThat(own).hasStatusOk();
        assertThat(partnerField(body(own)))
                .contains("<p class=\"error\">This person is not eligible as your partner.</p>");
        assertThat(between(
                        body(mvc.get().uri("/partnerships").with(as(dana))), "<select id=\"partnerId\"", "</select>"))
                .as("Sam's declaration stays Sam's: Dana still sees Sam as a candidate")
                .contains(option(sam))
                .doesNotContain(option(cody));
        // Sam's declaration is Sam's alone: Dana's invitation goes out like any other, and Sam never sees it
        MvcTestResult theirs = invite(sam.personId().toString(), "");
        assertThat(theirs).hasStatus3xxRedirection();
        assertThat(theirs).flash().containsKey("notice");
        assertThat(partnerships.mine(dana))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PartnershipStatus.INVITED));
        assertThat(partnerships.mine(sam)).isEmpty();
        assertThat(body(mvc.get().uri("/partnerships").with(as(sam)))).doesNotContain("Dana Self");
    }

    @Test
    void showsABrokenRuleOfAnEmailInvitationOnTheEmailField() {
        MvcTestResult self = invite("", email("dana.self"));
        MvcTestResult malformed = invite("", "not an address");

        assertThat(self).hasStatusOk();
        assertThat(emailField(body(self))).contains("<p class=\"error\">You cannot be your own partner.</p>");
        assertThat(partnerField(body(self))).doesNotContain("class=\"error\"");
        assertThat(malformed).hasStatusOk();
        assertThat(emailField(body(malformed))).contains("must be a well-formed email address");
        assertThat(partnerships.mine(dana)).isEmpty();
    }

    @Test
    void asksForAPartnerAndAKnownKind() {
        MvcTestResult nobody = invite("", "");
        MvcTestResult unknownKind = mvc.post()
                .uri("/partnerships")
                .with(as(dana))
                .with(csrf())
                .param("partnerId", pat.personId().toString())
                .param("email", "")
                .param("kind", "BOSS")
                .param("cadence", "WEEKLY")
                .exchange();
        MvcTestResult unknownPerson = invite("not-an-id", "");

        assertThat(nobody).hasStatusOk();
        assertThat(partnerField(body(nobody))).contains("Name the partner by partnerId or by email.");
        assertThat(unknownKind).hasStatusOk();
        assertThat(between(body(unknownKind), "<select id=\"kind\"", "<label for=\"cadence\""))
                .contains("<p class=\"error\">must be one of the choices</p>");
        assertThat(unknownPerson).hasStatusOk();
        assertThat(partnerField(body(unknownPerson))).contains("<p class=\"error\">must be one of the choices</p>");
        assertThat(partnerships.mine(dana)).isEmpty();
    }

    @Test
    void keepsTheFormAndTheFitHintWhenTheEmailIsWrongButThePartnerChosen() {
        MvcTestResult result = invite(pat.personId().toString(), "not an address");

        assertThat(result).hasStatusOk();
        String page = body(result);
        assertThat(emailField(page)).contains("must be a well-formed email address");
        assertThat(partnerField(page))
                .contains(option(pat) + " selected=\"selected\"")
                .contains("Good signs: <span>works in another team");
        assertThat(partnerships.mine(dana)).isEmpty();
    }

    @Test
    void showsTheFormErrorInsteadOfFailingWhenTheChosenPartnerIsUnknownAndTheEmailWrong() {
        MvcTestResult result = invite(UUID.randomUUID().toString(), "not an address");

        assertThat(result).hasStatusOk();
        assertThat(emailField(body(result))).contains("must be a well-formed email address");
        assertThat(partnerships.mine(dana)).isEmpty();
    }

    @Test
    void invitesAColleagueAndShowsThePartnershipWithItsAgreement() {
        MvcTestResult result = mvc.post()
                .uri("/partnerships")
                .with(as(dana))
                .with(csrf())
                .param("partnerId", pat.personId().toString())
                .param("email", "")
                .param("kind", "PEER")
                .param("cadence", "WEEKLY")
                .param("challengeMeOn", "saying yes to too much")
                .param("message", "Shall we?")
                .exchange();

        PartnershipView invited = partnerships.mine(dana).get(0);
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/partnerships/" + invited.id());
        // Pat was invited to the organization and has not set a password yet: Dana is told so
        assertThat(result)
                .flash()
                .containsEntry(
                        "notice", "Pat Peer has not joined Kept yet: they will see your invitation once they do.");
        assertThat(invited.status()).isEqualTo(PartnershipStatus.INVITED);
        assertThat(invited.cadence()).isEqualTo(Cadence.WEEKLY);

        String asInviter = body(mvc.get().uri("/partnerships/" + invited.id()).with(as(dana)));
        assertThat(asInviter)
                .contains("<h1>Pat Peer</h1>")
                .contains("Your note</strong>:")
                .contains("<span>saying yes to too much</span>")
                .contains("Withdraw the invitation")
                .doesNotContain("Accept the agreement");
        MvcTestResult asInvited =
                mvc.get().uri("/partnerships/" + invited.id()).with(as(pat)).exchange();
        assertThat(body(asInvited))
                .contains("<h1>Dana Self</h1>")
                .contains("Dana Self wrote</strong>:")
                .contains("Dana Self</span> asks to be challenged on:</strong>")
                .contains("saying yes to too much")
                .contains("Accept the agreement")
                .contains("Decline");
        assertHoldsToThePolicy(asInvited);
    }

    // --- acting on a partnership --------------------------------------------------------------

    @Test
    void acceptsPausesResumesAndEndsWithANotice() {
        UUID id = partnerships
                .invite(pat, invitation(dana.personId(), PartnershipKind.PEER))
                .id();

        assertThat(act(dana, id, "accept", "challengeMeOn", "finishing what I start", "cadence", "MONTHLY"))
                .hasRedirectedUrl("/partnerships/" + id)
                .flash()
                .containsEntry("notice", "You are partners now.");
        PartnershipView accepted = partnerships.get(dana, id);
        assertThat(accepted.status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(accepted.agreement().myChallengeMeOn()).isEqualTo("finishing what I start");
        assertThat(accepted.cadence()).isEqualTo(Cadence.MONTHLY);

        assertThat(act(pat, id, "pause"))
                .flash()
                .containsEntry("notice", "Paused: nothing is shared through it until one of you resumes it.");
        assertThat(partnerships.get(dana, id).status()).isEqualTo(PartnershipStatus.PAUSED);
        assertThat(body(mvc.get().uri("/partnerships/" + id).with(as(dana))))
                .contains(">Resume</button>")
                .doesNotContain(">Pause</button>");

        assertThat(act(dana, id, "resume")).flash().containsEntry("notice", "Resumed.");
        assertThat(partnerships.get(dana, id).status()).isEqualTo(PartnershipStatus.ACTIVE);

        assertThat(act(dana, id, "end")).flash().containsEntry("notice", "Ended: nothing more is shared through it.");
        assertThat(partnerships.get(pat, id).status()).isEqualTo(PartnershipStatus.ENDED);
        assertThat(body(mvc.get().uri("/partnerships/" + id).with(as(pat))))
                .doesNotContain(">Resume</button>")
                .doesNotContain("End the partnership")
                .doesNotContain("Save my terms");
    }

    @Test
    void declinesAnInvitation() {
        UUID id = partnerships
                .invite(pat, invitation(dana.personId(), PartnershipKind.COACH))
                .id();

        assertThat(act(dana, id, "decline"))
                .hasRedirectedUrl("/partnerships/" + id)
                .flash()
                .containsEntry("notice", "You declined the invitation.");
        assertThat(partnerships.get(pat, id).status()).isEqualTo(PartnershipStatus.DECLINED);
    }

    @Test
    void showsTheProblemWhenAnActionIsRefused() {
        UUID id = partnerships
                .invite(pat, invitation(dana.personId(), PartnershipKind.PEER))
                .id();

        MvcTestResult inviterAccepts = act(pat, id, "accept");
        MvcTestResult pauseInvited = act(dana, id, "pause");

        assertThat(inviterAccepts)
                .hasRedirectedUrl("/partnerships/" + id)
                .flash()
                .containsEntry("problem", "Only the invited partner can accept.")
                .doesNotContainKey("notice");
        assertThat(pauseInvited)
                .flash()
                .containsEntry("problem", "This partnership is invited, so it cannot be paused.");
        assertThat(partnerships.get(pat, id).status()).isEqualTo(PartnershipStatus.INVITED);

        MvcTestResult shown = mvc.get()
                .uri("/partnerships/" + id)
                .with(as(dana))
                .flashAttr("problem", "This partnership is invited, so it cannot be paused.")
                .exchange();
        assertThat(shown).hasStatusOk();
        assertThat(body(shown))
                .contains(
                        "<p class=\"errors\" role=\"alert\">This partnership is invited, so it cannot be paused.</p>");
    }

    @Test
    void refusesAnOverlongChallengeOnAcceptanceWithAProblem() {
        UUID id = partnerships
                .invite(pat, invitation(dana.personId(), PartnershipKind.PEER))
                .id();

        assertThat(act(dana, id, "accept", "challengeMeOn", "x".repeat(1001), "cadence", "WEEKLY"))
                .hasRedirectedUrl("/partnerships/" + id)
                .flash()
                .containsEntry("problem", "What to challenge you on can be at most 1000 characters.");
        assertThat(partnerships.get(dana, id).status()).isEqualTo(PartnershipStatus.INVITED);
    }

    @Test
    void answersSomeoneElsesPartnershipLikeOneThatDoesNotExist() {
        UUID theirs = partnerships
                .invite(pat, invitation(sam.personId(), PartnershipKind.PEER))
                .id();

        assertThat(mvc.get().uri("/partnerships/" + theirs).with(as(dana))).hasStatus(404);
        assertThat(mvc.get().uri("/partnerships/" + theirs).with(as(ada))).hasStatus(404);
        assertThat(mvc.get().uri("/partnerships/" + UUID.randomUUID()).with(as(dana)))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/partnerships/" + theirs + "/end")
                        .with(as(dana))
                        .with(csrf()))
                .hasStatus(404);
        assertThat(mvc.get().uri("/partnerships/" + theirs).with(as(sam))).hasStatusOk();
        assertThat(partnerships.get(sam, theirs).status()).isEqualTo(PartnershipStatus.INVITED);
    }

    // --- competitor declarations ----------------------------------------------------------------

    @Test
    void savesCompetitorsAndShowsOnlyOnesOwnDeclarations() {
        partnering.declareCompetitors(sam, List.of(dana.personId(), pat.personId()));

        MvcTestResult saved = mvc.post()
                .uri("/settings/conflicts")
                .with(as(dana))
                .with(csrf())
                .param("personIds", cody.personId().toString(), rex.personId().toString())
                .exchange();

        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/settings/conflicts");
        assertThat(saved).flash().containsEntry("notice", "Saved. Only you see this list.");
        MvcTestResult page = mvc.get().uri("/settings/conflicts").with(as(dana)).exchange();
        assertThat(page).hasStatusOk();
        String form = body(page);
        String declared = between(form, "<ul id=\"competitors\"", "</ul>");
        assertThat(declared)
                .contains("Cody Rival")
                .contains("Rex Report")
                .contains(removeButton(cody))
                .doesNotContain("Sam Same")
                .doesNotContain("Pat Peer");
        assertThat(form)
                .as("no list of the whole organization to tick")
                .doesNotContain("type=\"checkbox\"")
                .doesNotContain("Sam Same")
                .doesNotContain("value=\"" + dana.personId() + "\"")
                .contains("type=\"email\" id=\"email\" name=\"email\"");
        assertHoldsToThePolicy(page);
        assertThat(partnering.competitors(dana)).containsExactlyInAnyOrder(cody.personId(), rex.personId());
        assertThat(partnering.competitors(sam)).containsExactlyInAnyOrder(dana.personId(), pat.personId());
    }

    @Test
    void clearsCompetitorsAndRefusesOneselfWithAMessage() {
        MvcTestResult self = mvc.post()
                .uri("/settings/conflicts")
                .with(as(dana))
                .with(csrf())
                .param("personIds", dana.personId().toString())
                .exchange();

        assertThat(self).hasStatusOk();
        assertThat(body(self))
                .contains("<p class=\"errors\" role=\"alert\">You cannot declare yourself a competitor.</p>");
        assertThat(partnering.competitors(dana)).containsExactly(cody.personId());

        assertThat(mvc.post().uri("/settings/conflicts").with(as(dana)).with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(partnering.competitors(dana)).isEmpty();
    }

    @Test
    void addsACompetitorByEMailWithdrawingOnesInvitationAndRemovesOne() {
        UUID invited = partnerships
                .invite(dana, invitation(pat.personId(), PartnershipKind.PEER))
                .id();

        MvcTestResult added = conflicts(dana, "email", email("pat.peer").toUpperCase());

        assertThat(added).hasRedirectedUrl("/settings/conflicts");
        assertThat(added).flash().containsEntry("notice", "Saved. Only you see this list.");
        assertThat(partnering.competitors(dana)).containsExactlyInAnyOrder(cody.personId(), pat.personId());
        assertThat(partnerships.get(dana, invited).status()).isNotEqualTo(PartnershipStatus.INVITED);
        String page = body(mvc.get().uri("/settings/conflicts").with(as(dana)).exchange());
        assertThat(between(page, "<ul id=\"competitors\"", "</ul>"))
                .contains("Cody Rival")
                .contains("Pat Peer")
                .contains(removeButton(pat));

        assertThat(conflicts(dana, "email", email("pat.peer"))).hasRedirectedUrl("/settings/conflicts");
        assertThat(partnering.competitors(dana)).containsExactlyInAnyOrder(cody.personId(), pat.personId());

        MvcTestResult removed = conflicts(dana, "remove", cody.personId().toString());
        assertThat(removed).hasRedirectedUrl("/settings/conflicts");
        assertThat(partnering.competitors(dana)).containsExactly(pat.personId());
    }

    @Test
    void anUnknownEMailComesBackOnTheCompetitorFormAndChangesNothing() {
        String nobody = "nobody-" + suffix + "@example.org";

        MvcTestResult unknown = conflicts(dana, "email", nobody);

        assertThat(unknown).hasStatusOk();
        String page = body(unknown);
        assertThat(page)
                .contains("name=\"email\" maxlength=\"254\" value=\"" + nobody + "\"")
                .contains("<p class=\"error\">There is no one with this e-mail address in this organization.</p>")
                .contains("Cody Rival");
        assertThat(body(conflicts(dana, "email", email("dana.self"))))
                .contains("<p class=\"error\">You cannot declare yourself a competitor.</p>");
        assertThat(body(conflicts(dana, "email", " "))).contains("Give the e-mail of someone in this organization.");
        assertThat(partnering.competitors(dana)).containsExactly(cody.personId());

        UUID coach = partnerships
                .invite(dana, new PartnerInvitation(null, email("coach"), PartnershipKind.COACH, null, null, null))
                .partnerId();
        Caller guest = new Caller(coach, dana.organizationId(), "coach");
        assertThat(mvc.get().uri("/settings/conflicts").with(as(guest))).hasStatus(404);
        assertThat(conflicts(guest, "email", email("dana.self"))).hasStatus(404);
    }

    private MvcTestResult conflicts(Caller caller, String name, String value) {
        return mvc.post()
                .uri("/settings/conflicts")
                .with(as(caller))
                .with(csrf())
                .param(name, value)
                .exchange();
    }

    private static String removeButton(Caller person) {
        return "name=\"remove\" value=\"" + person.personId() + "\"";
    }

    // --- the commitment form ----------------------------------------------------------------

    @Test
    void offersToShareWithChosenPartnershipsOnlyToSomeoneWithPartners() {
        String without = body(mvc.get().uri("/commitments/new").with(as(dana)));
        assertThat(without).doesNotContain("name=\"sharedWith\"").contains("You have no partner to share with yet");

        UUID peer = active(dana, pat, PartnershipKind.PEER);
        UUID coached = active(dana, sam, PartnershipKind.COACH);
        Caller lee = member("Lee Mentee", null, null, null, null);
        UUID mentoring = active(lee, dana, PartnershipKind.MENTOR);

        MvcTestResult form = mvc.get().uri("/commitments/new").with(as(dana)).exchange();
        String with = body(form);
        String share = between(with, "<fieldset class=\"share\">", "</fieldset>");
        assertThat(share)
                .contains("value=\"" + peer + "\"")
                .contains("Pat Peer")
                .contains("value=\"" + coached + "\"")
                .contains("Sam Same")
                .doesNotContain("value=\"" + mentoring + "\"")
                .doesNotContain("Lee Mentee");
        assertThat(with).doesNotContain("You have no partner to share with yet");
        assertHoldsToThePolicy(form);
    }

    @Test
    void sharesACommitmentWithTheTickedPartnershipOnly() {
        UUID withPat = active(dana, pat, PartnershipKind.PEER);
        active(dana, sam, PartnershipKind.PEER);

        MvcTestResult made = mvc.post()
                .uri("/commitments")
                .with(as(dana))
                .with(csrf())
                .param("what", "Publish the onboarding guide")
                .param("doneWhen", "Published in the handbook")
                .param("due", LocalDate.now().plusDays(5).toString())
                .param("why", "")
                .param("visibility", "PARTNERS")
                .param("sharedWith", withPat.toString())
                .exchange();

        assertThat(made).hasStatus3xxRedirection();
        CommitmentView commitment =
                commitmentLists.list(dana, dana.personId(), null, 10, 0).get(0);
        assertThat(commitments.get(dana, commitment.id()).sharedWith()).containsExactly(withPat);
        assertThat(mvc.get().uri("/commitments/" + commitment.id()).with(as(pat)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/commitments/" + commitment.id()).with(as(sam)))
                .hasStatus(404);
    }

    @Test
    void showsSharingAPrivateCommitmentWithAPartnershipAsAnErrorOnTheCheckboxes() {
        UUID withPat = active(dana, pat, PartnershipKind.PEER);
        UUID theirs = partnerships
                .invite(sam, invitation(cody.personId(), PartnershipKind.PEER))
                .id();

        MvcTestResult privateShared = makeShared("PRIVATE", withPat.toString());
        MvcTestResult notMine = makeShared("PARTNERS", theirs.toString());

        assertThat(privateShared).hasStatusOk();
        assertThat(between(body(privateShared), "<fieldset class=\"share\">", "</fieldset>"))
                .contains("<p class=\"error\">Only a commitment shared with partners names partnerships.</p>");
        assertThat(notMine).hasStatusOk();
        assertThat(between(body(notMine), "<fieldset class=\"share\">", "</fieldset>"))
                .contains("Share only with your own partnerships where the partner holds you accountable.");
        assertThat(commitmentLists.list(dana, dana.personId(), null, 10, 0)).isEmpty();
    }

    // --- malformed choices ---------------------------------------------------------------------

    @Test
    void explainsAMalformedChoiceNextToItsFieldOnEveryForm() {
        MvcTestResult cadence = mvc.post()
                .uri("/partnerships")
                .with(as(dana))
                .with(csrf())
                .param("partnerId", pat.personId().toString())
                .param("email", "")
                .param("kind", "PEER")
                .param("cadence", "DAILY")
                .exchange();
        assertThat(cadence).hasStatusOk();
        assertThat(between(body(cadence), "<select id=\"cadence\"", "<label for=\"challengeMeOn\""))
                .contains("<p class=\"error\">must be one of the choices</p>");
        assertThat(partnerships.mine(dana)).isEmpty();

        active(dana, pat, PartnershipKind.PEER);
        UUID shared = sharedCommitment(dana);
        MvcTestResult kind = mvc.post()
                .uri("/commitments/" + shared + "/challenges")
                .with(as(pat))
                .with(csrf())
                .param("kind", "SHOUT")
                .param("message", "Why this date?")
                .exchange();
        assertThat(kind).hasStatusOk();
        assertThat(between(body(kind), "<select id=\"kind\"", "<label for=\"message\""))
                .contains("<p class=\"error\">must be one of the choices</p>");
        assertThat(body(mvc.get().uri("/commitments/" + shared).with(as(dana)))).doesNotContain("Why this date?");

        assertThat(mvc.post()
                        .uri("/commitments/" + shared + "/challenges")
                        .with(as(pat))
                        .with(csrf())
                        .param("kind", "QUESTION")
                        .param("message", "Why this date?"))
                .hasStatus3xxRedirection();
        String challengeId = challengeIdOn(shared);
        MvcTestResult helpful = mvc.post()
                .uri("/challenges/" + challengeId + "/answer")
                .with(as(dana))
                .with(csrf())
                .param("message", "The release train leaves then.")
                .param("helpful", "maybe")
                .exchange();
        assertThat(helpful).hasStatusOk();
        assertThat(between(body(helpful), "This challenge helped me", "</form>"))
                .contains("<p class=\"error\">has the wrong format</p>");
        assertThat(body(mvc.get().uri("/commitments/" + shared).with(as(pat))))
                .doesNotContain("The release train leaves then.");
    }

    @Test
    void namesTheFieldAtFaultWhenTheTermsOfAnAcceptanceAreMalformed() {
        UUID id = partnerships
                .invite(pat, invitation(dana.personId(), PartnershipKind.PEER))
                .id();

        assertThat(act(dana, id, "accept", "challengeMeOn", "deadlines", "cadence", "DAILY"))
                .flash()
                .containsEntry("problem", "Choose how often to meet from the list.");
        assertThat(partnerships.get(dana, id).status()).isEqualTo(PartnershipStatus.INVITED);
    }

    @Test
    void keepsAnEditFromWideningACommitmentWhoseNamedPartnershipEnded() {
        UUID withPat = active(dana, pat, PartnershipKind.PEER);
        active(dana, sam, PartnershipKind.PEER);
        CommitmentView made = commitments.make(
                dana,
                new CommitmentDraft(
                        "Publish the onboarding guide",
                        "Published in the handbook",
                        LocalDate.now().plusDays(5),
                        "New people start faster",
                        Visibility.PARTNERS,
                        List.of(withPat)));
        partnerships.end(pat, withPat);
        assertThat(body(mvc.get().uri("/commitments/" + made.id() + "/edit").with(as(dana))))
                .contains("No partner you can share with sees it now.");

        MvcTestResult edited = editWithNothingTicked(made);

        assertThat(edited).hasStatus3xxRedirection();
        assertThat(commitments.get(dana, made.id()).what()).isEqualTo("Publish the onboarding guide today");
        assertThat(commitments.get(dana, made.id()).sharedWith()).containsExactly(withPat);
        assertThat(mvc.get().uri("/commitments/" + made.id()).with(as(sam))).hasStatus(404);
    }

    @Test
    void sharesWithEveryPartnerOfTodayWhenTheOwnerUnticksThePartnershipsTheFormShowed() {
        UUID withPat = active(dana, pat, PartnershipKind.PEER);
        UUID withSam = active(dana, sam, PartnershipKind.PEER);
        CommitmentView made = commitments.make(
                dana,
                new CommitmentDraft(
                        "Publish the onboarding guide",
                        "Published in the handbook",
                        LocalDate.now().plusDays(5),
                        "New people start faster",
                        Visibility.PARTNERS,
                        List.of(withPat)));
        assertThat(between(
                        body(mvc.get()
                                .uri("/commitments/" + made.id() + "/edit")
                                .with(as(dana))),
                        "<fieldset class=\"share\">",
                        "</fieldset>"))
                .containsPattern("value=\"" + withPat + "\"[^>]*checked");

        assertThat(editWithNothingTicked(made)).hasStatus3xxRedirection();

        assertThat(commitments.get(dana, made.id()).sharedWith()).containsExactlyInAnyOrder(withPat, withSam);
        assertThat(mvc.get().uri("/commitments/" + made.id()).with(as(sam))).hasStatusOk();
    }

    @Test
    void sharesOlderCommitmentsWithAPartnerWhoCameLaterInOneClick() {
        CommitmentView older = commitments.make(
                dana,
                new CommitmentDraft(
                        "Publish the onboarding guide",
                        "Published in the handbook",
                        LocalDate.now().plusDays(5),
                        "New people start faster",
                        Visibility.PARTNERS,
                        List.of()));
        UUID withPat = active(dana, pat, PartnershipKind.PEER);
        assertThat(body(mvc.get().uri("/commitments/new").with(as(dana))))
                .contains("a partner you take on later sees it only once you share it with them");
        assertThat(mvc.get().uri("/commitments/" + older.id()).with(as(pat))).hasStatus(404);

        String page = body(mvc.get().uri("/partnerships/" + withPat).with(as(dana)));
        String section = between(page, "<h2>Share older commitments with Pat Peer</h2>", "</section>");
        assertThat(section)
                .contains("Sharing is decided when you share")
                .contains("value=\"" + older.id() + "\"")
                .contains("Publish the onboarding guide");
        assertThat(body(mvc.get().uri("/partnerships/" + withPat).with(as(pat))))
                .as("Pat's own page offers Pat's commitments, not Dana's")
                .doesNotContain("Publish the onboarding guide");

        MvcTestResult shared = mvc.post()
                .uri("/partnerships/" + withPat + "/shares")
                .with(as(dana))
                .with(csrf())
                .param("commitmentIds", older.id().toString())
                .exchange();

        assertThat(shared).hasStatus3xxRedirection().hasRedirectedUrl("/partnerships/" + withPat);
        assertThat(shared).flash().containsEntry("notice", "Pat Peer now sees 1 more of your commitments.");
        assertThat(mvc.get().uri("/commitments/" + older.id()).with(as(pat))).hasStatusOk();
        assertThat(body(mvc.get().uri("/partnerships/" + withPat).with(as(dana))))
                .contains("All your open commitments for partners are shared with Pat Peer.");
        // nothing ticked, or someone else's commitment, shares nothing and says why
        assertThat(mvc.post()
                        .uri("/partnerships/" + withPat + "/shares")
                        .with(as(dana))
                        .with(csrf())
                        .exchange())
                .flash()
                .containsEntry("problem", "Tick the commitments to share with Pat Peer.");
        assertThat(mvc.post()
                        .uri("/partnerships/" + withPat + "/shares")
                        .with(as(pat))
                        .with(csrf())
                        .param("commitmentIds", older.id().toString())
                        .exchange())
                .flash()
                .containsEntry("problem", "Share only your own commitments.");
        assertThat(mvc.post()
                        .uri("/partnerships/" + withPat + "/shares")
                        .with(as(sam))
                        .with(csrf())
                        .param("commitmentIds", older.id().toString())
                        .exchange())
                .hasStatus(404);
    }

    /** Saves the edit form as a browser sends it with no partnership ticked: only the checkboxes' marker. */
    private MvcTestResult editWithNothingTicked(CommitmentView made) {
        return mvc.post()
                .uri("/commitments/" + made.id())
                .with(as(dana))
                .with(csrf())
                .param("what", "Publish the onboarding guide today")
                .param("doneWhen", made.doneWhen())
                .param("due", made.due().toString())
                .param("why", made.why())
                .param("visibility", "PARTNERS")
                .param("_sharedWith", "on")
                .param("version", Long.toString(made.version()))
                .exchange();
    }

    // --- challenges on the commitment page ----------------------------------------------------

    @Test
    void showsAnEmptyChallengeOrAnswerAsAFormErrorAndPostsNothing() {
        active(dana, pat, PartnershipKind.PEER);
        UUID shared = sharedCommitment(dana);

        MvcTestResult emptyChallenge = mvc.post()
                .uri("/commitments/" + shared + "/challenges")
                .with(as(pat))
                .with(csrf())
                .param("kind", "PUSH")
                .param("message", " ")
                .exchange();
        assertThat(emptyChallenge).hasStatusOk();
        assertThat(between(body(emptyChallenge), "<textarea id=\"message\"", "Post the challenge"))
                .contains("<p class=\"error\">must not be blank</p>");

        MvcTestResult posted = mvc.post()
                .uri("/commitments/" + shared + "/challenges")
                .with(as(pat))
                .with(csrf())
                .param("kind", "CONCERN")
                .param("message", "Is five days enough with the release?")
                .exchange();
        assertThat(posted).hasStatus3xxRedirection().hasRedirectedUrl("/commitments/" + shared + "#challenges");
        String challengeId = challengeIdOn(shared);

        MvcTestResult emptyAnswer = mvc.post()
                .uri("/challenges/" + challengeId + "/answer")
                .with(as(dana))
                .with(csrf())
                .param("message", "")
                .exchange();
        assertThat(emptyAnswer).hasStatusOk();
        assertThat(between(body(emptyAnswer), "id=\"answer-" + challengeId + "\"", "This challenge helped me"))
                .contains("<p class=\"error\">must not be blank</p>");

        MvcTestResult strangerAnswers = mvc.post()
                .uri("/challenges/" + challengeId + "/answer")
                .with(as(sam))
                .with(csrf())
                .param("message", "Not mine to answer")
                .exchange();
        assertThat(strangerAnswers).hasStatus(404);
        assertThat(body(mvc.get().uri("/commitments/" + shared).with(as(pat))))
                .contains("Is five days enough with the release?")
                .doesNotContain("Not mine to answer");
    }

    @Test
    void showsTheOwnersChallengeMeOnToThePartnerAndAChallengeFormOnlyToThem() {
        UUID id = partnerships
                .invite(
                        dana,
                        new PartnerInvitation(
                                pat.personId(),
                                null,
                                PartnershipKind.PEER,
                                null,
                                null,
                                "estimating too optimistically"))
                .id();
        partnerships.accept(pat, id, null, null);
        UUID shared = sharedCommitment(dana);

        MvcTestResult asPartner =
                mvc.get().uri("/commitments/" + shared).with(as(pat)).exchange();
        assertThat(asPartner).hasStatusOk();
        assertThat(body(asPartner))
                .contains("Dana Self</span> asks to be challenged on:</strong>")
                .contains("estimating too optimistically")
                .contains("Post the challenge");
        assertHoldsToThePolicy(asPartner);
        assertThat(body(mvc.get().uri("/commitments/" + shared).with(as(dana))))
                .doesNotContain("Post the challenge")
                .doesNotContain("asks to be challenged on");
        assertThat(mvc.get().uri("/commitments/" + shared).with(as(mia))).hasStatus(404);
        assertThat(mvc.get().uri("/commitments/" + shared).with(as(ada))).hasStatus(404);
    }

    // --- guests ---------------------------------------------------------------------------------

    @Test
    void hidesTheDirectoryFromAGuest() {
        PartnershipView invited = partnerships.invite(
                dana, new PartnerInvitation(null, email("coach"), PartnershipKind.COACH, null, null, "focus"));
        Caller guest = new Caller(invited.partnerId(), dana.organizationId(), "coach");

        MvcTestResult guestPage = mvc.get().uri("/partnerships").with(as(guest)).exchange();
        assertThat(guestPage).hasStatusOk();
        String nav = between(body(guestPage), "<nav aria-label=\"Main\">", "</nav>");
        assertThat(nav)
                .contains("href=\"/partnerships\"")
                .contains("href=\"/notifications\"")
                .doesNotContain("href=\"/people\"")
                .doesNotContain("href=\"/teams\"")
                .doesNotContain("href=\"/org-chart\"");
        assertThat(body(guestPage))
                .contains("Dana Self")
                .doesNotContain("Invite a partner")
                .doesNotContain("Who would fit");
        for (String directory : List.of("/people", "/teams", "/org-chart", "/people/" + dana.personId())) {
            assertThat(mvc.get().uri(directory).with(as(guest))).as(directory).hasStatus(404);
        }
        assertThat(mvc.get()
                        .uri("/partnerships/fit")
                        .param("partnerId", pat.personId().toString())
                        .with(as(guest)))
                .hasStatus(404);

        for (String own : List.of("/", "/notifications", "/commitments", "/partnerships/" + invited.id())) {
            assertThat(mvc.get().uri(own).with(as(guest))).as(own).hasStatusOk();
        }
        assertThat(between(
                        body(mvc.get().uri("/commitments/new").with(as(guest))),
                        "<select id=\"visibility\"",
                        "</select>"))
                .contains("value=\"PRIVATE\"")
                .contains("value=\"PARTNERS\"")
                .doesNotContain("value=\"TEAM\"")
                .doesNotContain("value=\"ORGANIZATION\"");

        String memberNav =
                between(body(mvc.get().uri("/partnerships").with(as(dana))), "<nav aria-label=\"Main\">", "</nav>");
        assertThat(memberNav)
                .contains("href=\"/people\"")
                .contains("href=\"/teams\"")
                .contains("href=\"/org-chart\"");
    }

    @Test
    void refusesAGuestsInvitation() {
        PartnershipView invited = partnerships.invite(
                dana, new PartnerInvitation(null, email("coach"), PartnershipKind.COACH, null, null, null));
        Caller guest = new Caller(invited.partnerId(), dana.organizationId(), "coach");

        assertThat(mvc.post()
                        .uri("/partnerships")
                        .with(as(guest))
                        .with(csrf())
                        .param("partnerId", pat.personId().toString())
                        .param("kind", "PEER"))
                .hasStatus(403);
        assertThat(partnerships.mine(pat)).isEmpty();
    }

    @Test
    void letsAGuestChooseTheirNameAndPasswordFromTheEmailedLink() {
        String address = email("coach");
        PartnershipView invited = partnerships.invite(
                dana, new PartnerInvitation(null, address, PartnershipKind.COACH, null, null, null));
        String token = invitationToken(address);

        MvcTestResult page = mvc.get().uri("/invitations/" + token).exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page))
                .contains("You are invited as an accountability partner, a guest of")
                .contains("Acme " + suffix)
                .contains("id=\"name\"");
        assertHoldsToThePolicy(page);

        MvcTestResult noName = mvc.post()
                .uri("/invitations/" + token)
                .with(csrf())
                .param("name", " ")
                .param("password", "a guest's long phrase")
                .param("confirmation", "a guest's long phrase")
                .exchange();
        assertThat(noName).hasStatusOk();
        assertThat(between(body(noName), "id=\"name\"", "id=\"password\""))
                .contains("<p class=\"error\">Give your name, at most 120 characters.</p>");

        MvcTestResult joined = mvc.post()
                .uri("/invitations/" + token)
                .with(csrf())
                .param("name", "Carla Coach")
                .param("password", "a guest's long phrase")
                .param("confirmation", "a guest's long phrase")
                .exchange();
        assertThat(joined).hasStatus3xxRedirection().hasRedirectedUrl("/");
        Person guest =
                people.personIn(dana.organizationId(), invited.partnerId()).orElseThrow();
        assertThat(guest.getName()).isEqualTo("Carla Coach");
        assertThat(guest.isGuest()).isTrue();
        // until they accept, the inviter knows them by the e-mail they typed
        assertThat(partnerships.get(dana, invited.id()).partnerName()).isEqualTo(guest.getEmail());
        partnerships.accept(
                new Caller(guest.getId(), guest.getOrganizationId(), guest.getName()), invited.id(), null, null);
        assertThat(partnerships.get(dana, invited.id()).partnerName()).isEqualTo("Carla Coach");
    }

    // --- the inbox ------------------------------------------------------------------------------

    @Test
    void listsNotificationsAndMarksThemReadOnceSeen() {
        UUID id = partnerships
                .invite(pat, invitation(dana.personId(), PartnershipKind.PEER))
                .id();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unread(dana) == 1);

        MvcTestResult unread = mvc.get().uri("/notifications").with(as(dana)).exchange();
        assertThat(unread).hasStatusOk();
        String page = body(unread);
        assertThat(between(page, "<nav aria-label=\"Main\">", "</nav>"))
                .as("seen now, so no longer counted")
                .doesNotContain("class=\"count\"");
        assertThat(between(page, "<ul class=\"inbox\" id=\"notice-list\">", "</ul>"))
                .contains("<li class=\"unread\">")
                .contains("<a href=\"/partnerships/" + id
                        + "\">Pat Peer invites you to be their peer accountability partner.</a>");
        assertHoldsToThePolicy(unread);
        assertThat(body(mvc.get().uri("/partnerships").with(as(pat)))).doesNotContain("class=\"count\"");
        assertThat(inbox.unread(dana)).isZero();
        assertThat(body(mvc.get().uri("/notifications").with(as(dana)))).contains("<li class=\"read\">");

        partnerships.end(dana, id);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unread(pat) == 1);
        assertThat(body(mvc.get().uri("/partnerships").with(as(pat)))).contains("Inbox<span class=\"count\">1</span>");
        MvcTestResult marked =
                mvc.post().uri("/notifications/read").with(as(pat)).with(csrf()).exchange();
        assertThat(marked).hasStatus3xxRedirection().hasRedirectedUrl("/notifications");
        assertThat(inbox.unread(pat)).isZero();
        String read = body(mvc.get().uri("/notifications").with(as(pat)));
        assertThat(read).doesNotContain("class=\"count\"").contains("<li class=\"read\">");
    }

    @Test
    void showsAnEmptyInboxWithoutTheMarkReadButton() {
        String page = body(mvc.get().uri("/notifications").with(as(sam)));

        assertThat(page).contains("Nothing yet.").doesNotContain("Mark all read");
    }

    // --- helpers --------------------------------------------------------------------------------

    private MvcTestResult invite(String partnerId, String email) {
        return mvc.post()
                .uri("/partnerships")
                .with(as(dana))
                .with(csrf())
                .param("partnerId", partnerId)
                .param("email", email)
                .param("kind", "PEER")
                .param("cadence", "BIWEEKLY")
                .param("challengeMeOn", "")
                .param("message", "")
                .exchange();
    }

    private MvcTestResult act(Caller caller, UUID id, String action, String... params) {
        var request = mvc.post()
                .uri("/partnerships/" + id + "/" + action)
                .with(as(caller))
                .with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatus3xxRedirection();
        return result;
    }

    /** The challenge the owner is offered to answer on a commitment. */
    private String challengeIdOn(UUID commitment) {
        String ownerPage = body(mvc.get().uri("/commitments/" + commitment).with(as(dana)));
        Matcher answer =
                Pattern.compile("action=\"/challenges/([0-9a-f-]{36})/answer\"").matcher(ownerPage);
        assertThat(answer.find()).as("the owner gets an answer form").isTrue();
        return answer.group(1);
    }

    private MvcTestResult makeShared(String visibility, String sharedWith) {
        return mvc.post()
                .uri("/commitments")
                .with(as(dana))
                .with(csrf())
                .param("what", "Publish the onboarding guide")
                .param("doneWhen", "Published in the handbook")
                .param("due", LocalDate.now().plusDays(5).toString())
                .param("why", "")
                .param("visibility", visibility)
                .param("sharedWith", sharedWith)
                .exchange();
    }

    private UUID sharedCommitment(Caller owner) {
        return commitments
                .make(
                        owner,
                        new CommitmentDraft(
                                "Publish the onboarding guide",
                                "Published in the handbook",
                                LocalDate.now().plusDays(5),
                                "New people start faster",
                                Visibility.PARTNERS,
                                null))
                .id();
    }

    /** An active partnership: the inviter invites, the partner accepts. */
    private UUID active(Caller inviter, Caller partner, PartnershipKind kind) {
        UUID id = partnerships
                .invite(inviter, invitation(partner.personId(), kind))
                .id();
        partnerships.accept(partner, id, null, null);
        return id;
    }

    private static PartnerInvitation invitation(UUID partnerId, PartnershipKind kind) {
        return new PartnerInvitation(partnerId, null, kind, null, null, null);
    }

    private Caller member(String name, UUID teamId, String region, UUID managerId, Integer level) {
        Person person = invites.invite(
                ada,
                new PersonDetails(
                        name, email(name.toLowerCase().replace(' ', '.')), null, teamId, region, managerId, level));
        return callerOf(person);
    }

    private String invitationToken(String address) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc
                                .sql("select body from outgoing_mail where recipient = :recipient")
                                .param("recipient", address)
                                .query(String.class)
                                .list()
                                .stream()
                                .map(Pattern.compile("/invitations/([A-Za-z0-9_-]+)")::matcher)
                                .filter(Matcher::find)
                                .map(m -> m.group(1))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private String email(String name) {
        return name + "-" + suffix + "@example.org";
    }

    /** A page holds to the Content-Security-Policy: it is sent, and nothing inline needs it relaxed. */
    private static void assertHoldsToThePolicy(MvcTestResult result) {
        assertThat(result).headers().containsHeader("Content-Security-Policy");
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
        } catch (java.io.UnsupportedEncodingException e) {
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

    private static String partnerField(String page) {
        return between(page, "<select id=\"partnerId\"", "<label for=\"email\"");
    }

    private static String emailField(String page) {
        return between(page, "<label for=\"email\"", "<label for=\"kind\"");
    }

    private static String row(String table, String name) {
        return between(table, "<td>" + name + "</td>", "</tr>");
    }

    private static String option(Caller person) {
        return "<option value=\"" + person.personId() + "\"";
    }
}
