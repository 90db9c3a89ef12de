package dev.kept.sso;

import dev.kept.people.Caller;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through an identity provider, with the {@link Caller} Kept signs them in as:
 * the session then holds the caller, as after a sign-in with a password.
 */
public class SsoUser extends DefaultOidcUser {

    private final Caller caller;

    SsoUser(
            Caller caller,
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo);
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
