package dev.kept.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.FastPasswordHashing;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.Person;
import dev.kept.people.PersonDetails;
import dev.kept.people.PersonInvited;
import dev.kept.people.SignUp;
import dev.kept.people.SignedUp;
import dev.kept.people.Teams;
import dev.kept.shared.RuleViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The decisions module on its own and the modules it uses (people, moves, shared), without the
 * web, the security filter chains or any module that listens to it: a decision is recorded, the
 * members of the teams it affects are the recipients of its event, and a team of another
 * organization is refused.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@Import(DecisionsModuleTests.Passwords.class)
class DecisionsModuleTests {

    private final Decisions decisions;
    private final Accounts accounts;
    private final Invitations invitations;
    private final Teams teams;
    private final ConfigurableApplicationContext context;

    DecisionsModuleTests(
            Decisions decisions,
            Accounts accounts,
            Invitations invitations,
            Teams teams,
            ConfigurableApplicationContext context) {
        this.decisions = decisions;
        this.accounts = accounts;
        this.invitations = invitations;
        this.teams = teams;
        this.context = context;
    }

    /** The password encoder is the security module's, which this test leaves out. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Passwords {

        @Bean
        PasswordEncoder passwordEncoder() {
            return FastPasswordHashing.encoder();
        }
    }

    @Test
    void startsOnlyThisModuleAndTheOnesItUses() {
        List<String> packages = Arrays.stream(context.getBeanDefinitionNames())
                .map(name -> context.getBeanFactory().getBeanDefinition(name).getBeanClassName())
                .filter(type -> type != null && type.startsWith("dev.kept."))
                .map(type -> type.substring(0, type.lastIndexOf('.')))
                .distinct()
                .toList();

        assertThat(packages)
                .contains("dev.kept.decisions", "dev.kept.people")
                .noneMatch(name -> name.startsWith("dev.kept.notifications")
                        || name.startsWith("dev.kept.security")
                        || name.startsWith("dev.kept.web")
                        || name.startsWith("dev.kept.transparency")
                        || name.startsWith("dev.kept.commitments"));
    }

    @Test
    void recordsADecisionAndNamesTheJoinedMembersOfTheTeamsItAffects(PublishedEvents events) {
        Caller author = signUp();
        UUID platform = teams.createTeam(author, "Platform " + suffix(), null).getId();
        UUID joined = join(author, platform, events);
        invitations.invite(author, details("pending", platform));

        DecisionView recorded = decisions.record(
                author,
                new DecisionDraft(
                        "One deploy pipeline",
                        "Every team deploys through the shared pipeline.",
                        List.of("Keep each team's own", "One shared pipeline"),
                        "Releases of every team can be rolled back the same way.",
                        List.of(platform)));

        assertThat(recorded.title()).isEqualTo("One deploy pipeline");
        assertThat(recorded.options()).containsExactly("Keep each team's own", "One shared pipeline");
        assertThat(events.ofType(DecisionRecorded.class)
                        .matching(event -> event.decisionId().equals(recorded.id())))
                .singleElement()
                .satisfies(event -> assertThat(event.recipientIds()).containsExactly(joined));
    }

    @Test
    void refusesATeamOfAnotherOrganization() {
        Caller author = signUp();
        Caller other = signUp();
        UUID theirs = teams.createTeam(other, "Theirs " + suffix(), null).getId();

        assertThatThrownBy(() -> decisions.record(
                        author,
                        new DecisionDraft("A title", "A decision", List.of("An option"), "Why", List.of(theirs))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("no such team");
        assertThat(decisions.list(author, null, null, 10).items()).isEmpty();
    }

    private Caller signUp() {
        String suffix = suffix();
        SignedUp signedUp = accounts.signUp(new SignUp(
                "Org " + suffix, "Ada " + suffix, "ada-" + suffix + "@example.org", "analytical engine 1843", null));
        Person admin = signedUp.admin();
        return new Caller(admin.getId(), admin.getOrganizationId(), admin.getName());
    }

    /** Invites a member of the team, who accepts the link of their invitation. */
    private UUID join(Caller admin, UUID team, PublishedEvents events) {
        Person invited = invitations.invite(admin, details("joined", team));
        String link = events.ofType(PersonInvited.class)
                .matching(event -> event.personId().equals(invited.getId()))
                .iterator()
                .next()
                .link();
        invitations.acceptInvitation(link.substring(link.lastIndexOf('/') + 1), "analytical engine 1843");
        return invited.getId();
    }

    private static PersonDetails details(String name, UUID team) {
        return new PersonDetails(name, name + "-" + suffix() + "@example.org", null, team, null, null, null);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
