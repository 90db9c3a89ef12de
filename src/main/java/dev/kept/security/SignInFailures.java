package dev.kept.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * What the sign-in form answers when a sign-in fails: a wrong e-mail or password goes back to the
 * form with a message, and so does a password of an organization that signs in only through single
 * sign-on; an attempt refused because the account or the address must wait is
 * answered at once, 429 with {@code Retry-After}, by the sign-in page with the wait on it.
 */
@Component
class SignInFailures implements AuthenticationFailureHandler {

    private final ViewResolver views;

    SignInFailures(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (exception instanceof PasswordSignInRefusedException) {
            response.sendRedirect(request.getContextPath() + "/login?sso=password");
            return;
        }
        if (!(exception instanceof LoginThrottledException throttled)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        TooManyAttemptsException refusal = throttled.refusal();
        response.setStatus(refusal.getStatusCode().value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        try {
            View page = views.resolveViewName("security/login", request.getLocale());
            if (page == null) {
                throw new ServletException("No view security/login");
            }
            Map<String, Object> model = new HashMap<>();
            model.put("refusal", refusal.messageCode());
            model.put("waitSeconds", refusal.retryAfterSeconds());
            String email = request.getParameter("email");
            if (email != null && email.length() <= 254) {
                model.put("email", email);
            }
            page.render(model, request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
