package dev.kept.sso;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A sign-in through an identity provider that Kept refuses: nobody is signed in, nothing is written. */
class SsoRefusedException extends OAuth2AuthenticationException {

    SsoRefusedException(SsoRefusal refusal) {
        super(new OAuth2Error(refusal.code()), refusal.code());
    }
}
