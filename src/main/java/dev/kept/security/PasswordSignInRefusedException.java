package dev.kept.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A right password of someone whose organization signs in only through single sign-on: refused as
 * wrong credentials are (the API answers alike), and the sign-in page says to use single sign-on.
 */
class PasswordSignInRefusedException extends BadCredentialsException {

    PasswordSignInRefusedException() {
        super("The organization signs in only through single sign-on.");
    }
}
