package dev.kept.security;

import dev.kept.people.Caller;
import dev.kept.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages to change one's password (the session it is changed in goes on, the person's others
 * end), to ask for a link when it is forgotten, and to choose a new one through that link.
 */
@Controller
class PasswordPages {

    private final PasswordChanges changes;
    private final PasswordResetLinks resets;
    private final WebSessions sessions;

    PasswordPages(PasswordChanges changes, PasswordResetLinks resets, WebSessions sessions) {
        this.changes = changes;
        this.resets = resets;
        this.sessions = sessions;
    }

    record ForgotForm(String email) {}

    record ResetForm(String password, String confirmation) {}

    record ChangeForm(String currentPassword, String password, String confirmation, Boolean endTokens) {}

    @GetMapping("/settings/password")
    String page(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("form", new ChangeForm("", "", "", false));
        model.addAttribute("ssoOnly", !changes.mayChange(caller));
        return "security/password";
    }

    @PostMapping("/settings/password")
    String change(
            @AuthenticationPrincipal Caller caller,
            @ModelAttribute("form") ChangeForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("ssoOnly", !changes.mayChange(caller));
        if (!changes.mayChange(caller)) {
            response.setStatus(403);
            return "security/password";
        }
        if (!confirmed(form.password(), form.confirmation(), errors, response)) {
            return "security/password";
        }
        PasswordChanges.Changed changed;
        try {
            changed = changes.change(
                    caller,
                    form.currentPassword(),
                    form.password(),
                    Boolean.TRUE.equals(form.endTokens()),
                    request.getRemoteAddr());
        } catch (TooManyAttemptsException refused) {
            AccountPages.refuse(refused, errors, response);
            return "security/password";
        } catch (RuleViolationException broken) {
            broken.rejectOn(errors);
            response.setStatus(422);
            return "security/password";
        }
        sessions.renewAfterPasswordChange(changed.at(), request);
        redirect.addFlashAttribute(
                "notice",
                Boolean.TRUE.equals(form.endTokens())
                        ? "Your password was changed: your other sessions end, and your " + changed.tokensRevoked()
                                + " API token(s) were revoked."
                        : "Your password was changed: your other sessions end.");
        return "redirect:/settings/password";
    }

    @GetMapping("/forgot-password")
    String forgotPage(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "security/forgot-password";
    }

    @PostMapping("/forgot-password")
    String forgot(
            @ModelAttribute("form") ForgotForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            resets.request(form.email(), request.getRemoteAddr());
        } catch (TooManyAttemptsException refused) {
            AccountPages.refuse(refused, errors, response);
            return "security/forgot-password";
        }
        model.addAttribute("sent", true);
        return "security/forgot-password";
    }

    @GetMapping("/reset-password/{token}")
    String resetPage(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            resets.check(token);
        } catch (ErrorResponseException unusable) {
            return unusable(unusable, model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("form", new ResetForm("", ""));
        return "security/reset-password";
    }

    @PostMapping("/reset-password/{token}")
    String reset(
            @PathVariable String token,
            @ModelAttribute("form") ResetForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("token", token);
        if (!confirmed(form.password(), form.confirmation(), errors, response)) {
            return "security/reset-password";
        }
        try {
            resets.reset(token, form.password());
        } catch (RuleViolationException broken) {
            broken.rejectOn(errors);
            response.setStatus(422);
            return "security/reset-password";
        } catch (ErrorResponseException unusable) {
            return unusable(unusable, model, response);
        }
        return "redirect:/login?reset";
    }

    /** Whether the new password was typed the same twice; if not, the form says so (422). */
    private static boolean confirmed(
            String password, String confirmation, BindingResult errors, HttpServletResponse response) {
        if (password != null && password.equals(confirmation)) {
            return true;
        }
        errors.rejectValue("confirmation", "mismatch", "The two passwords are not the same.");
        response.setStatus(422);
        return false;
    }

    private static String unusable(ErrorResponseException unusable, Model model, HttpServletResponse response) {
        response.setStatus(unusable.getStatusCode().value());
        model.addAttribute(
                "reason", "reset.unusable." + unusable.getStatusCode().value());
        return "security/reset-unusable";
    }
}
