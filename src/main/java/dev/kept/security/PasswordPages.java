package dev.kept.security;

import dev.kept.people.Caller;
import dev.kept.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page to change one's password; the session it is changed in goes on, the person's others end. */
@Controller
class PasswordPages {

    private final PasswordChanges changes;
    private final WebSessions sessions;

    PasswordPages(PasswordChanges changes, WebSessions sessions) {
        this.changes = changes;
        this.sessions = sessions;
    }

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
        if (form.password() == null || !form.password().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "mismatch", "The two passwords are not the same.");
            response.setStatus(422);
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
}
