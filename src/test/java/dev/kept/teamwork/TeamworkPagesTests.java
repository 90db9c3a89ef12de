package dev.kept.teamwork;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.access.Visibility;
import dev.kept.commitments.CommitmentDraft;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
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

/**
 * The flag and help pages as each person sees them: Ada is the admin, Owen owns a commitment for
 * the organization, Cleo is a colleague, a coach from outside is Owen's guest.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TeamworkPagesTests {

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
    Partnerships partnerships;

    @Autowired
    Flags flags;

    @Autowired
    HelpOffers offers;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String suffix;
    private Caller ada;
    private Caller owen;
    private Caller cleo;
    private Caller guest;
    private CommitmentView commitment;

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        Person admin = accounts.signUp(
                        new SignUp("Acme " + suffix, "Ada Admin", email("ada"), "analytical engine 1843", "UTC"))
                .admin();
        ada = callerOf(admin);
        owen = member("Owen Owner");
        cleo = member("Cleo Colleague");
        UUID guestId = partnerships
                .invite(owen, new PartnerInvitation(null, email("coach"), PartnershipKind.COACH, null, null, null))
                .partnerId();
        guest = new Caller(guestId, owen.organizationId(), "coach");
        commitment = commitments.make(
                owen,
                new CommitmentDraft(
                        "Publish the onboarding guide",
                        "Published in the handbook",
                        LocalDate.now().plusDays(5),
                        "New people start faster",
                        Visibility.ORGANIZATION,
                        null,
                        null));
    }

    @Test
    void theFormGuidesTheWordingAndRaisesTheFlag() {
        String form = body(mvc.get()
                .uri("/flags/new?targetType=COMMITMENT&targetId=" + commitment.id())
                .with(as(cleo)));
        assertThat(form)
                .contains("Publish the onboarding guide")
                .contains("hx-post=\"/flags/wording\"")
                .contains("id=\"wording\"")
                .contains("name=\"noticed\"");

        MvcTestResult raised = mvc.post()
                .uri("/flags")
                .with(as(cleo))
                .with(csrf())
                .param("targetType", "COMMITMENT")
                .param("targetId", commitment.id().toString())
                .param("noticed", "The guide was due in the handbook on 1 May and is not there.")
                .param("question", "What is in the way?")
                .param("helpKind", "TIME")
                .param("helpWhat", "An afternoon of proofreading")
                .exchange();

        List<FlagView> mine = flags.mine(cleo, null, 50).items();
        assertThat(mine).hasSize(1);
        assertThat(raised)
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/flags/" + mine.get(0).id());
        assertThat(mine.get(0).helpOfferId()).isNotNull();
        assertThat(offers.get(owen, mine.get(0).helpOfferId()).what()).isEqualTo("An afternoon of proofreading");
        String detail = body(mvc.get().uri("/flags/" + mine.get(0).id()).with(as(owen)));
        assertThat(detail)
                .contains("What is in the way?")
                .contains("action=\"/flags/" + mine.get(0).id() + "/answer\"")
                .doesNotContain("/withdraw\"");
    }

    @Test
    void showsHintsAsOneTypesInAFragment() {
        MvcTestResult hints = mvc.post()
                .uri("/flags/wording")
                .with(as(cleo))
                .with(csrf())
                .header("HX-Request", "true")
                .param("noticed", "You are always late, it is careless.")
                .param("question", "Tell me when")
                .exchange();

        assertThat(hints).hasStatusOk();
        String fragment = body(hints);
        assertThat(fragment)
                .startsWith("<section")
                .doesNotContain("<html")
                .contains("data-code=\"JUDGING\"")
                .contains("data-code=\"NOT_A_QUESTION\"")
                .contains("&quot;always&quot;");
    }

    @Test
    void aFormErrorKeepsWhatWasWrittenAndRaisesNothing() {
        MvcTestResult refused = mvc.post()
                .uri("/flags")
                .with(as(cleo))
                .with(csrf())
                .param("targetType", "COMMITMENT")
                .param("targetId", commitment.id().toString())
                .param("noticed", "The guide is not in the handbook.")
                .param("question", "")
                .param("helpKind", "TIME")
                .param("helpWhat", "")
                .exchange();

        assertThat(refused).hasStatusOk();
        String page = body(refused);
        assertThat(page)
                .contains("Nothing was raised")
                .contains("The guide is not in the handbook.")
                .contains("Say what you offer, or choose no help.");
        assertThat(flags.mine(cleo, null, 50).items()).isEmpty();
    }

    @Test
    void theOwnerIsToldNotToFlagTheirOwnCommitment() {
        String page = body(mvc.get()
                .uri("/flags/new?targetType=commitment&targetId=" + commitment.id())
                .with(as(owen)));

        assertThat(page).contains("This is your own commitment").doesNotContain("action=\"/flags\"");
    }

    @Test
    void thePanelIsAFragmentForHtmxAndAPageWithout() {
        FlagView flag = flags.raise(
                cleo,
                new FlagDraft(
                        TargetType.COMMITMENT,
                        commitment.id(),
                        "Nothing was published on 1 May.",
                        "What is in the way?",
                        new FlagDraft.Help(HelpKind.IDEAS, "A template from our team")));
        offers.accept(owen, flag.helpOfferId());

        MvcTestResult fragment = mvc.get()
                .uri("/teamwork/commitment/" + commitment.id())
                .with(as(ada))
                .header("HX-Request", "true")
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(body(fragment))
                .startsWith("<section id=\"teamwork\"")
                .contains("What is in the way?")
                .contains("A template from our team")
                .contains("/flags/new?targetType=COMMITMENT&amp;targetId=" + commitment.id());

        String page =
                body(mvc.get().uri("/teamwork/commitment/" + commitment.id()).with(as(ada)));
        assertThat(page).contains("<html").contains("What is in the way?");
        String detail = body(mvc.get().uri("/commitments/" + commitment.id()).with(as(ada)));
        assertThat(detail)
                .contains("hx-get=\"/teamwork/commitment/" + commitment.id() + "\"")
                .contains("href=\"/teamwork/commitment/" + commitment.id() + "\"");
        assertThat(mvc.get().uri("/teamwork/commitment/" + commitment.id()).with(as(guest)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/teamwork/nothing/" + commitment.id()).with(as(ada)))
                .hasStatus(404);
    }

    @Test
    void offersHelpFromTheFormPrefilledFromTheCommitment() {
        String form = body(mvc.get()
                .uri("/help-offers/new?targetType=COMMITMENT&targetId=" + commitment.id())
                .with(as(cleo)));
        assertThat(form)
                .containsPattern(
                        "id=\"toPersonEmail\"[^>]*value=\"" + java.util.regex.Pattern.quote(email("owen.owner")) + "\"")
                .doesNotContain("value=\"person:")
                .doesNotContain("<option value=\"" + cleo.personId() + "\"");

        MvcTestResult made = mvc.post()
                .uri("/help-offers")
                .with(as(cleo))
                .with(csrf())
                .param("toPersonEmail", email("owen.owner"))
                .param("kind", "RESOURCES")
                .param("what", "Our style guide")
                .param("targetType", "COMMITMENT")
                .param("targetId", commitment.id().toString())
                .exchange();

        List<HelpOfferView> mine = offers.mine(cleo, null, 50).items();
        assertThat(mine).as(body(made)).hasSize(1);
        assertThat(made).hasRedirectedUrl("/help-offers/" + mine.get(0).id());
        String detail = body(mvc.get().uri("/help-offers/" + mine.get(0).id()).with(as(owen)));
        assertThat(detail).contains("Our style guide").contains("/accept\"").contains("/decline\"");
        MvcTestResult accepted = mvc.post()
                .uri("/help-offers/" + mine.get(0).id() + "/accept")
                .with(as(owen))
                .with(csrf())
                .exchange();
        assertThat(accepted).hasRedirectedUrl("/help-offers/" + mine.get(0).id());
        assertThat(offers.get(owen, mine.get(0).id()).status()).isEqualTo(HelpStatus.ACCEPTED);
    }

    @Test
    void aHelpFormErrorNamesTheRecipient() {
        MvcTestResult refused = mvc.post()
                .uri("/help-offers")
                .with(as(cleo))
                .with(csrf())
                .param("toPersonEmail", email("cleo.colleague"))
                .param("kind", "TIME")
                .param("what", "An hour")
                .exchange();

        assertThat(refused).hasStatusOk();
        assertThat(body(refused)).contains("Nothing was offered").contains("You cannot offer help to yourself.");
        assertThat(offers.mine(cleo, null, 50).items()).isEmpty();
    }

    @Test
    void anUnknownEMailComesBackOnTheHelpFormWithNothingLost() {
        String nobody = "nobody-" + suffix + "@example.org";
        MvcTestResult refused = mvc.post()
                .uri("/help-offers")
                .with(as(cleo))
                .with(csrf())
                .param("toPersonEmail", nobody)
                .param("kind", "TIME")
                .param("what", "An afternoon of proofreading")
                .param("targetType", "COMMITMENT")
                .param("targetId", commitment.id().toString())
                .exchange();

        assertThat(refused).hasStatusOk();
        assertThat(body(refused))
                .contains("Nothing was offered")
                .containsPattern("id=\"toPersonEmail\"[^>]*value=\"" + java.util.regex.Pattern.quote(nobody) + "\"")
                .contains("<p class=\"error\">There is no one with this e-mail address in this organization.</p>")
                .contains("An afternoon of proofreading")
                .contains("<option value=\"TIME\" selected=\"selected\"")
                .contains("value=\"" + commitment.id() + "\"");
        MvcTestResult neither = mvc.post()
                .uri("/help-offers")
                .with(as(cleo))
                .with(csrf())
                .param("kind", "TIME")
                .param("what", "An hour")
                .exchange();
        assertThat(body(neither)).contains("Give the e-mail of a person to offer help to, or choose a team.");
        assertThat(offers.mine(cleo, null, 50).items()).isEmpty();
    }

    @Test
    void theFlagAndHelpPagesShowAPageAndShowMoreFromItsEnd() {
        TeamworkListFixtures fixtures = new TeamworkListFixtures(jdbc);
        java.time.Instant start = java.time.Instant.now().minusSeconds(3600);
        for (int i = 0; i < 51; i++) {
            fixtures.flag(
                    owen.organizationId(),
                    commitment.id(),
                    cleo.personId(),
                    owen.personId(),
                    "OPEN",
                    start.plusSeconds(i));
            fixtures.offer(owen.organizationId(), owen.personId(), cleo.personId(), "PENDING", start.plusSeconds(i));
        }
        for (String list : List.of("flags", "offers")) {
            String path = list.equals("flags") ? "/flags" : "/help-offers";
            String first = body(mvc.get().uri(path).with(as(cleo)));
            java.util.regex.Matcher more =
                    java.util.regex.Pattern.compile("data-hx-get=\"([^\"]+)\"").matcher(first);
            assertThat(more.find()).as(list).isTrue();
            assertThat(first).contains("id=\"" + list + "\"").contains("id=\"more-" + list + "\"");
            String next = more.group(1).replace("&amp;", "&");
            String fragment = body(mvc.get().uri(next).with(as(cleo)).header("HX-Request", "true"));
            assertThat(fragment).doesNotContain("<html").contains("data-hx-swap-oob=\"true\"");
            assertThat(fragment).doesNotContain("data-hx-get");
            String plain = body(mvc.get().uri(path + "?cursor=not-a-cursor").with(as(cleo)));
            assertThat(plain).contains("data-hx-get");
        }
    }

    @Test
    void guestsSeeNoneOfIt() {
        for (String path : List.of("/flags", "/help-offers", "/help-offers/new")) {
            assertThat(mvc.get().uri(path).with(as(guest))).as(path).hasStatus(404);
        }
        String nav = body(mvc.get().uri("/").with(as(guest)));
        assertThat(nav).doesNotContain("href=\"/flags\"");
        assertThat(body(mvc.get().uri("/").with(as(cleo)))).contains("href=\"/flags\"");
    }

    private Caller member(String name) {
        Person person = invites.invite(
                ada,
                new PersonDetails(name, email(name.toLowerCase().replace(' ', '.')), null, null, null, null, null));
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
