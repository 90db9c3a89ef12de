package dev.kept.sso;

import dev.kept.people.Caller;
import java.util.UUID;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns the person an identity provider vouched for (its ID token already checked by Spring
 * Security: signature, issuer, audience, nonce, expiry) into the Kept person they sign in as.
 *
 * <p>The e-mail counts as verified when the provider says {@code email_verified: true}, or, as
 * Microsoft Entra ID does instead, {@code xms_edov: true} (the e-mail's domain is verified by the
 * tenant). Entra's plain {@code email} claim is otherwise not verified and is refused.
 */
@Component
class SsoUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService standard = new OidcUserService();
    private final SingleSignOn singleSignOn;

    SsoUsers(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = standard.loadUser(request);
        UUID providerId;
        try {
            providerId = UUID.fromString(request.getClientRegistration().getRegistrationId());
        } catch (IllegalArgumentException notOurs) {
            throw new SsoRefusedException(SsoRefusal.PROVIDER_UNAVAILABLE);
        }
        Caller caller = singleSignOn.signIn(new SingleSignOn.Vouched(
                providerId,
                user.getIssuer().toString(),
                user.getSubject(),
                user.getEmail(),
                verified(user),
                user.getFullName()));
        return new SsoUser(caller, user.getAuthorities(), user.getIdToken(), user.getUserInfo());
    }

    private static boolean verified(OidcUser user) {
        return Boolean.TRUE.equals(user.getEmailVerified())
                || Boolean.TRUE.equals(user.<Object>getAttribute("xms_edov"))
                || "true".equals(String.valueOf(user.<Object>getAttribute("xms_edov")));
    }
}
