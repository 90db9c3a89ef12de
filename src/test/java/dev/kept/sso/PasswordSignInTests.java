package dev.kept.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may still sign in with a password when an organization signs in only through single sign-on. */
class PasswordSignInTests {

    private final ProviderRows rows = mock(ProviderRows.class);
    private final People people = mock(People.class);
    private final Caller caller = new Caller(UUID.randomUUID(), UUID.randomUUID(), "Ada");

    private SingleSignOn singleSignOn(boolean breakGlass) {
        return new SingleSignOn(
                rows,
                new SecretBox(Base64.getDecoder().decode(SecretBox.newKey())),
                people,
                mock(Accounts.class),
                new SsoProperties(null, "unused", breakGlass, Duration.ofHours(1)),
                Clock.systemUTC());
    }

    @Test
    void everyoneMayWhileTheOrganizationAllowsPasswords() {
        when(rows.ssoOnly(caller.organizationId())).thenReturn(false);

        assertThat(singleSignOn(false).allowsPasswordSignIn(caller)).isTrue();
    }

    @Test
    void nobodyMayInAnOrganizationThatSignsInOnlyThroughSso() {
        when(rows.ssoOnly(caller.organizationId())).thenReturn(true);
        when(people.isAdmin(caller)).thenReturn(true);

        assertThat(singleSignOn(false).allowsPasswordSignIn(caller)).isFalse();
    }

    @Test
    void breakingTheGlassLetsAdminsInAndOnlyThem() {
        when(rows.ssoOnly(caller.organizationId())).thenReturn(true);
        when(people.isAdmin(caller)).thenReturn(true);
        assertThat(singleSignOn(true).allowsPasswordSignIn(caller)).isTrue();

        when(people.isAdmin(caller)).thenReturn(false);
        assertThat(singleSignOn(true).allowsPasswordSignIn(caller)).isFalse();
    }
}
