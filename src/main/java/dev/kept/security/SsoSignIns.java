package dev.kept.security;

import dev.kept.sso.SsoRefusal;
import dev.kept.sso.SsoUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * The end of a sign-in through an identity provider. A success signs the person in to the same
 * kind of session as the sign-in form does (the principal is their {@link
 * dev.kept.people.Caller}, and the session id changes); a failure of any kind goes to the sign-in
 * page with a reason that it explains, and nobody is signed in.
 */
final class SsoSignIns implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoSignIns.class);

    /** The reason on the sign-in page ({@code /login?sso=...}) for each OAuth 2.0 error code. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry(SsoRefusal.PROVIDER_UNAVAILABLE.code(), "unavailable"),
            Map.entry("client_registration_not_found", "unavailable"),
            Map.entry(SsoRefusal.UNVERIFIED_EMAIL.code(), "unverified"),
            Map.entry(SsoRefusal.DOMAIN_NOT_ALLOWED.code(), "domain"),
            Map.entry(SsoRefusal.DEACTIVATED.code(), "deactivated"),
            Map.entry("authorization_request_not_found", "expired"),
            Map.entry("invalid_state_parameter", "expired"),
            Map.entry("invalid_id_token", "invalid"),
            Map.entry("invalid_nonce", "invalid"),
            Map.entry(OAuth2ErrorCodes.INVALID_TOKEN, "invalid"),
            Map.entry("invalid_token_response", "invalid"),
            Map.entry("invalid_user_info_response", "invalid"),
            Map.entry(OAuth2ErrorCodes.ACCESS_DENIED, "cancelled"));

    private final WebSessions sessions;
    private final AuthenticationSuccessHandler whereTo = new SavedRequestAwareAuthenticationSuccessHandler();

    SsoSignIns(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof SsoUser user)) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login?sso=failed");
            return;
        }
        sessions.signIn(user.caller(), request, response);
        whereTo.onAuthenticationSuccess(
                request, response, SecurityContextHolder.getContext().getAuthentication());
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason;
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            reason = REASONS.getOrDefault(code, "failed");
            log.info("Single sign-on refused ({}): {}", code, exception.getMessage());
        } else {
            // the authorization request could not be made: no such provider, or its issuer does not answer
            reason = "unavailable";
            log.info("Single sign-on could not start: {}", exception.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
    }

    /** The reasons the sign-in page explains, and the refusal of a password (see {@link SignInFailures}). */
    static boolean explains(String reason) {
        return reason != null
                && (REASONS.containsValue(reason) || "failed".equals(reason) || "password".equals(reason));
    }
}
