package dev.kept.people;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.Optional;
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
class PeoplePagesTests {

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

    private Caller admin;
    private String suffix;

    @BeforeEach
    void signUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        Person founder = accounts.signUp(new SignUp(
                        "Acme " + suffix,
                        "Ada",
                        "ada-" + suffix + "@example.org",
                        "analytical engine 1843",
                        "Europe/Paris"))
                .admin();
        admin = new Caller(founder.getId(), founder.getOrganizationId(), founder.getName());
    }

    @Test
    void adminInvitesAColleagueWhoseInvitationShowsInTheOutbox() {
        MvcTestResult invited = mvc.post()
                .uri("/people")
                .with(as(admin))
                .with(csrf())
                .param("name", "Grace Hopper")
                .param("email", "Grace-" + suffix + "@Example.org")
                .param("title", "Engineer")
                .param("teamId", "")
                .param("region", "EMEA")
                .param("managerEmail", "ADA-" + suffix + "@example.org")
                .exchange();

        assertThat(invited).hasStatus3xxRedirection();
        Person grace = people.people(admin).stream()
                .filter(p -> p.getName().equals("Grace Hopper"))
                .findFirst()
                .orElseThrow();
        assertThat(grace.getEmail()).isEqualTo("grace-" + suffix + "@example.org");
        assertThat(grace.getStatus()).isEqualTo(PersonStatus.INVITED);
        assertThat(grace.getManagerId()).isEqualTo(admin.personId());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mvc.get().uri("/admin/outbox").with(as(admin)))
                        .bodyText()
                        .contains("grace-" + suffix + "@example.org")
                        .contains("/invitations/"));
    }

    @Test
    void showsInvitationFormErrorsAndInvitesNobody() {
        MvcTestResult result = mvc.post()
                .uri("/people")
                .with(as(admin))
                .with(csrf())
                .param("name", "")
                .param("email", "not an address")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("must not be blank").contains("must be a well-formed email address");
        assertThat(people.people(admin)).hasSize(1);
    }

    @Test
    void refusesAReportingLoopOnThePage() {
        Person grace = invites.invite(
                admin,
                new PersonDetails(
                        "Grace", "grace-" + suffix + "@example.org", null, null, null, admin.personId(), null));

        MvcTestResult result = mvc.post()
                .uri("/people/" + admin.personId())
                .with(as(admin))
                .with(csrf())
                .param("managerId", grace.getId().toString())
                .param("teamId", "")
                .param("region", "")
                .param("title", "")
                .param("role", "ADMIN")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("This would make a loop in the reporting line");
        assertThat(people.me(admin).getManagerId()).isNull();
    }

    @Test
    void keepsMembersFromManagingPeopleAndTeams() {
        Person grace = invites.invite(
                admin, new PersonDetails("Grace", "grace-" + suffix + "@example.org", null, null, null, null, null));
        Caller member = new Caller(grace.getId(), grace.getOrganizationId(), grace.getName());

        assertThat(mvc.post()
                        .uri("/people")
                        .with(as(member))
                        .with(csrf())
                        .param("name", "Mallory")
                        .param("email", "m-" + suffix + "@example.org"))
                .hasStatus(403);
        assertThat(mvc.post().uri("/teams").with(as(member)).with(csrf()).param("name", "Rogue"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/admin/outbox").with(as(member))).hasStatus(403);
        assertThat(orgTeams.teams(admin)).isEmpty();
        assertThat(people.people(admin)).hasSize(2);
    }

    @Test
    void anAdminChoosesOnThePeoplePageWhetherTokensMayNeverExpire() {
        Person grace = invites.invite(
                admin, new PersonDetails("Grace", "grace-" + suffix + "@example.org", null, null, null, null, null));
        Caller member = new Caller(grace.getId(), grace.getOrganizationId(), grace.getName());
        assertThat(mvc.get().uri("/people").with(as(admin)))
                .bodyText()
                .contains("People may create API tokens that never expire")
                .doesNotContainPattern("name=\"apiTokensMayNeverExpire\"[^>]*checked");

        MvcTestResult allowed = mvc.post()
                .uri("/settings/organization")
                .with(as(admin))
                .with(csrf())
                .param("apiTokensMayNeverExpire", "true")
                .exchange();

        assertThat(allowed).hasStatus3xxRedirection().hasRedirectedUrl("/people");
        assertThat(accounts.organization(admin).mayApiTokensNeverExpire()).isTrue();
        assertThat(mvc.get().uri("/people").with(as(admin)))
                .bodyText()
                .containsPattern("name=\"apiTokensMayNeverExpire\"[^>]*checked");
        assertThat(mvc.get().uri("/people").with(as(member)))
                .bodyText()
                .doesNotContain("People may create API tokens that never expire");
        assertThat(mvc.post().uri("/settings/organization").with(as(member)).with(csrf()))
                .hasStatus(403);
        assertThat(accounts.organization(admin).mayApiTokensNeverExpire()).isTrue();

        assertThat(mvc.post().uri("/settings/organization").with(as(admin)).with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(accounts.organization(admin).mayApiTokensNeverExpire()).isFalse();
    }

    @Test
    void chartsTheReportingLinesWithTeams() {
        Team platform = orgTeams.createTeam(admin, "Platform", admin.personId());
        Person grace = invites.invite(
                admin,
                new PersonDetails(
                        "Grace",
                        "grace-" + suffix + "@example.org",
                        "Engineer",
                        platform.getId(),
                        null,
                        admin.personId(),
                        null));
        invites.invite(
                admin,
                new PersonDetails("Alan", "alan-" + suffix + "@example.org", null, null, null, grace.getId(), null));

        OrgChart mine = people.chart(admin, null, false);

        assertThat(mine.people()).isEqualTo(3);
        assertThat(mine.line()).singleElement().satisfies(top -> {
            assertThat(top.person().getName()).isEqualTo("Ada");
            assertThat(top.teamName()).isEqualTo("Platform");
            assertThat(top.reports()).isEqualTo(1);
        });
        assertThat(mine.below())
                .as("one level at a time: Grace, not Alan who reports to her")
                .singleElement()
                .satisfies(report -> {
                    assertThat(report.person().getName()).isEqualTo("Grace");
                    assertThat(report.reports()).isEqualTo(1);
                });
        OrgChart graces = people.chart(admin, grace.getId(), false);
        assertThat(graces.line()).extracting(e -> e.person().getName()).containsExactly("Ada", "Grace");
        assertThat(graces.below()).extracting(e -> e.person().getName()).containsExactly("Alan");
        assertThat(people.chart(admin, null, true).below())
                .extracting(e -> e.person().getName())
                .containsExactly("Ada");
        assertThat(mvc.get().uri("/org-chart").with(as(admin)))
                .bodyText()
                .contains("Grace")
                .doesNotContain("Alan")
                .contains("Platform")
                .contains("/org-chart?person=" + grace.getId());
        assertThat(mvc.get().uri("/org-chart?person=" + grace.getId()).with(as(admin)))
                .bodyText()
                .contains("Ada")
                .contains("Alan");

        // The count is kept between views, and a new colleague shows in it at once.
        assertThat(people.chart(admin, null, false).people()).isEqualTo(3);
        invites.invite(
                admin, new PersonDetails("Edsger", "edsger-" + suffix + "@example.org", null, null, null, null, null));
        assertThat(people.chart(admin, null, false).people()).isEqualTo(4);
    }

    @Test
    void refusesADuplicateTeamNameOnThePage() {
        orgTeams.createTeam(admin, "Platform", null);

        MvcTestResult result = mvc.post()
                .uri("/teams")
                .with(as(admin))
                .with(csrf())
                .param("name", " Platform ")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("There is already a team with this name.");
        assertThat(orgTeams.teams(admin)).hasSize(1);
        assertThat(orgTeams.updateTeam(admin, orgTeams.teams(admin).get(0).getId(), "Core", Optional.empty())
                        .getName())
                .isEqualTo("Core");
    }

    @Test
    void changesOnesOwnTimeZoneAndRefusesAnUnknownOne() {
        MvcTestResult unknown = mvc.post()
                .uri("/settings/profile")
                .with(as(admin))
                .with(csrf())
                .param("name", "Ada L.")
                .param("timeZone", "Mars/Olympus")
                .exchange();
        assertThat(unknown).hasStatusOk();
        assertThat(unknown).bodyText().contains("Unknown time zone");
        assertThat(people.me(admin).getTimeZone()).isEqualTo("Europe/Paris");

        MvcTestResult saved = mvc.post()
                .uri("/settings/profile")
                .with(as(admin))
                .with(csrf())
                .param("name", "Ada L.")
                .param("timeZone", "America/New_York")
                .exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(people.me(admin).getTimeZone()).isEqualTo("America/New_York");
        assertThat(people.me(admin).getName()).isEqualTo("Ada L.");
    }
}
