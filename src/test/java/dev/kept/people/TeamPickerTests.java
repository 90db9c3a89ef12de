package dev.kept.people;

import static dev.kept.PageText.body;
import static dev.kept.PageText.options;
import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.partnerships.PartnerInvitation;
import dev.kept.partnerships.PartnershipKind;
import dev.kept.partnerships.Partnerships;
import java.util.List;
import java.util.UUID;
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
 * Forms and filters name a team in a search field, by its name, instead of listing every team of
 * the organization: what the field offers is bounded, the typed name is resolved on the server
 * (without JavaScript), and an id sent by a link or an older form still works. Ada is the admin and
 * leads Platform; a coach from outside is Ada's guest.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TeamPickerTests {

    private static final Pattern DATALIST =
            Pattern.compile("<datalist id=\"([^\"]+)\">(.*?)</datalist>", Pattern.DOTALL);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    Invitations invites;

    @Autowired
    Teams orgTeams;

    @Autowired
    Partnerships partnerships;

    private String suffix;
    private Caller ada;
    private Team platform;

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ada = callerOf(
                accounts.signUp(new SignUp("Acme " + suffix, "Ada", email("ada"), "analytical engine 1843", "UTC"))
                        .admin());
        platform = orgTeams.createTeam(ada, "Platform", ada.personId());
    }

    @Test
    void invitesIntoTheTeamWhoseNameIsTypedInAnyCase() {
        Team support = orgTeams.createTeam(ada, "Customer Support", null);

        MvcTestResult invited = invite("Grace", "  customer SUPPORT ").exchange();

        assertThat(invited).hasStatus3xxRedirection();
        assertThat(person("Grace").getTeamId()).isEqualTo(support.getId());
    }

    @Test
    void stillTakesATeamById() {
        Team support = orgTeams.createTeam(ada, "Support", null);

        MvcTestResult invited = mvc.post()
                .uri("/people")
                .with(as(ada))
                .with(csrf())
                .param("name", "Grace")
                .param("email", email("grace"))
                .param("teamId", support.getId().toString())
                .exchange();

        assertThat(invited).hasStatus3xxRedirection();
        assertThat(person("Grace").getTeamId()).isEqualTo(support.getId());
    }

    @Test
    void tellsAnUnknownTeamNameBesideItsFieldAndInvitesNobody() {
        MvcTestResult result = invite("Grace", "Platfrom").exchange();

        assertThat(result).hasStatusOk();
        assertThat(body(result))
                .contains("No team has this name: choose one of the names offered.")
                .contains("value=\"Platfrom\"");
        assertThat(people.people(ada)).hasSize(1);
    }

    @Test
    void aNameTwoTeamsShareInDifferentCapitalsIsAmbiguousUnlessTypedExactly() {
        Team shouting = orgTeams.createTeam(ada, "PLATFORM", null);

        MvcTestResult ambiguous = invite("Grace", "platform").exchange();
        assertThat(ambiguous).hasStatusOk();
        assertThat(body(ambiguous))
                .contains("Several teams have this name in different capitals: type it exactly as it is written.");

        assertThat(invite("Grace", "PLATFORM").exchange()).hasStatus3xxRedirection();
        assertThat(person("Grace").getTeamId()).isEqualTo(shouting.getId());
    }

    @Test
    void movesAPersonToATeamByNameAndOutOfAnyTeamWithABlankName() {
        Team support = orgTeams.createTeam(ada, "Support", null);
        Person grace = invites.invite(
                ada, new PersonDetails("Grace", email("grace"), null, platform.getId(), null, null, null));

        assertThat(body(mvc.get().uri("/people/" + grace.getId()).with(as(ada))))
                .contains("id=\"teamName\" name=\"teamName\" value=\"Platform\"");
        assertThat(placeOf(grace, "support")).hasStatus3xxRedirection();
        assertThat(people.person(ada, grace.getId()).getTeamId()).isEqualTo(support.getId());
        assertThat(placeOf(grace, "")).hasStatus3xxRedirection();
        assertThat(people.person(ada, grace.getId()).getTeamId()).isNull();
        MvcTestResult unknown = placeOf(grace, "Nowhere");
        assertThat(unknown).hasStatusOk();
        assertThat(body(unknown)).contains("No team has this name");
    }

    @Test
    void filtersTheDirectoryByATypedTeamNameOrAnIdAndShowsTheName() {
        invites.invite(ada, new PersonDetails("Grace", email("grace"), null, platform.getId(), null, null, null));
        Team support = orgTeams.createTeam(ada, "Support", null);
        invites.invite(ada, new PersonDetails("Sam", email("sam"), null, support.getId(), null, null, null));

        String byName = body(mvc.get().uri("/people?teamName=support").with(as(ada)));
        assertThat(byName).contains(">Sam</a>").doesNotContain(">Grace</a>");

        String byId = body(mvc.get().uri("/people?team=" + support.getId()).with(as(ada)));
        assertThat(byId).contains(">Sam</a>").doesNotContain(">Grace</a>");
        assertThat(byId).contains("id=\"team\" name=\"teamName\" value=\"Support\"");

        String unknown = body(mvc.get().uri("/people?teamName=Nowhere").with(as(ada)));
        assertThat(unknown)
                .contains("No team has this name")
                .contains(">Sam</a>")
                .contains(">Grace</a>");
    }

    @Test
    void searchOffersTeamsWhoseNameContainsTheTextTheCallersOwnFirstAtMostTwenty() {
        for (int i = 1; i <= 30; i++) {
            orgTeams.createTeam(ada, "Team %02d".formatted(i), null);
        }

        List<String> all = options(mvc.get().uri("/teams/choices").with(as(ada)).exchange());
        assertThat(all).hasSize(20);
        assertThat(all.get(0)).isEqualTo("Platform");

        assertThat(options(
                        mvc.get().uri("/teams/choices?q=TEAM 1").with(as(ada)).exchange()))
                .containsExactly(
                        "Team 10", "Team 11", "Team 12", "Team 13", "Team 14", "Team 15", "Team 16", "Team 17",
                        "Team 18", "Team 19");
        assertThat(options(mvc.get()
                        .uri("/teams/choices?q=am 2&limit=3")
                        .with(as(ada))
                        .exchange()))
                .containsExactly("Team 20", "Team 21", "Team 22");
        assertThat(options(mvc.get().uri("/teams/choices?q=50%_").with(as(ada)).exchange()))
                .isEmpty();
    }

    @Test
    void searchRefusesALimitAboveTwentyOrATooLongTextAndAnswersNoGuest() {
        assertThat(mvc.get().uri("/teams/choices?limit=21").with(as(ada))).hasStatus(400);
        assertThat(mvc.get().uri("/teams/choices?limit=0").with(as(ada))).hasStatus(400);
        assertThat(mvc.get().uri("/teams/choices?q=" + "x".repeat(201)).with(as(ada)))
                .hasStatus(400);
        UUID guestId = partnerships
                .invite(ada, new PartnerInvitation(null, email("coach"), PartnershipKind.COACH, null, null, null))
                .partnerId();
        Caller guest = new Caller(guestId, ada.organizationId(), "coach");
        assertThat(mvc.get().uri("/teams/choices").with(as(guest))).hasStatus(404);
    }

    @Test
    void pagesOfferABoundedFewTeamsWhateverTheirNumber() {
        for (int i = 1; i <= 30; i++) {
            orgTeams.createTeam(ada, "Team %02d".formatted(i), null);
        }
        for (String page : List.of("/people", "/people/" + ada.personId(), "/kudos", "/decisions", "/expectations")) {
            String html = body(mvc.get().uri(page).with(as(ada)));
            assertThat(html).as(page).doesNotContain("Team 30").contains("<datalist");
            Matcher lists = DATALIST.matcher(html);
            while (lists.find()) {
                assertThat(lists.group(2).split("<option", -1).length - 1)
                        .as(page + " #" + lists.group(1))
                        .isBetween(1, 20);
            }
        }
    }

    private MockMvcTester.MockMvcRequestBuilder invite(String name, String teamName) {
        return mvc.post()
                .uri("/people")
                .with(as(ada))
                .with(csrf())
                .param("name", name)
                .param("email", email(name.toLowerCase()))
                .param("teamName", teamName);
    }

    private MvcTestResult placeOf(Person person, String teamName) {
        return mvc.post()
                .uri("/people/" + person.getId())
                .with(as(ada))
                .with(csrf())
                .param("managerEmail", "")
                .param("teamName", teamName)
                .param("region", "")
                .param("title", "")
                .param("role", "MEMBER")
                .exchange();
    }

    private Person person(String name) {
        return people.people(ada).stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private String email(String name) {
        return name + "-" + suffix + "@example.org";
    }
}
