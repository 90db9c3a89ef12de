package dev.kept.security;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.InvitationDetails;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.SignUp;
import dev.kept.people.SignedUp;
import dev.kept.shared.MorePages;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages to sign up, sign in, accept an invitation and manage one's API tokens. */
@Controller
class AccountPages {

    private final People people;
    private final Accounts accounts;
    private final Invitations invites;
    private final ApiTokens tokens;
    private final WebSessions sessions;
    private final AddressLimits addresses;

    AccountPages(
            People people,
            Accounts accounts,
            Invitations invites,
            ApiTokens tokens,
            WebSessions sessions,
            AddressLimits addresses) {
        this.people = people;
        this.accounts = accounts;
        this.invites = invites;
        this.tokens = tokens;
        this.sessions = sessions;
        this.addresses = addresses;
    }

    record PasswordForm(String password, String confirmation, String name) {}

    /**
     * A new token: {@code expiry} is a number of days ({@link TokenExpiry#DAYS}), {@code date} (then
     * {@code expiresOn} is the last day it works) or {@code never}.
     */
    record TokenForm(
            @Size(max = 80) String name,
            String expiry,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            TokenScope scope) {

        static TokenForm blank() {
            return new TokenForm("", Integer.toString(TokenExpiry.DEFAULT_DAYS), null, TokenScope.READ_WRITE);
        }

        TokenExpiry chosenExpiry() {
            String choice = expiry == null ? "" : expiry.strip();
            if (choice.equals("never")) {
                return new TokenExpiry.Never();
            }
            if (choice.equals("date")) {
                if (expiresOn == null) {
                    throw new TokenChoiceException(
                            "expiresOn", "token.expiresOn.missing", "choose the last day it works");
                }
                return new TokenExpiry.OnDate(expiresOn);
            }
            if (choice.matches("\\d{1,3}") && TokenExpiry.DAYS.contains(Integer.parseInt(choice))) {
                return new TokenExpiry.InDays(Integer.parseInt(choice));
            }
            throw new TokenChoiceException("expiry", "token.expiry.choice", "must be one of the choices");
        }
    }

    @GetMapping("/signup")
    String signUpPage(@AuthenticationPrincipal Caller caller, Model model) {
        if (caller != null) {
            return "redirect:/";
        }
        model.addAttribute("form", new SignUp("", "", "", "", ""));
        return "security/signup";
    }

    @PostMapping("/signup")
    String signUp(
            @Valid @ModelAttribute("form") SignUp form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "security/signup";
        }
        SignedUp signedUp;
        try {
            addresses.charge(AddressLimits.Action.SIGN_UP, request.getRemoteAddr());
            signedUp = accounts.signUp(form);
        } catch (TooManyAttemptsException refused) {
            refuse(refused, errors, response);
            return "security/signup";
        } catch (RuleViolationException broken) {
            broken.rejectOn(errors);
            return "security/signup";
        }
        Person admin = signedUp.admin();
        sessions.signIn(new Caller(admin.getId(), admin.getOrganizationId(), admin.getName()), request, response);
        redirect.addFlashAttribute(
                "notice",
                "Welcome to Kept. " + signedUp.organization().getName() + " is ready: invite your colleagues.");
        return "redirect:/";
    }

    @GetMapping("/login")
    String loginPage(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String sso, Model model) {
        if (caller != null) {
            return "redirect:/";
        }
        if (SsoSignIns.explains(sso)) {
            model.addAttribute("ssoReason", "login.sso." + sso);
        }
        return "security/login";
    }

    @GetMapping("/invitations/{token}")
    String invitationPage(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            InvitationDetails invitation = invites.invitation(token);
            model.addAttribute("invitation", invitation);
            model.addAttribute("token", token);
            model.addAttribute("form", new PasswordForm("", "", invitation.personName()));
            return "security/invitation";
        } catch (ErrorResponseException unusable) {
            return unusablePage(unusable, model, response);
        }
    }

    @PostMapping("/invitations/{token}")
    String acceptInvitation(
            @PathVariable String token,
            @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        InvitationDetails invitation;
        try {
            invitation = invites.invitation(token);
        } catch (ErrorResponseException unusable) {
            return unusablePage(unusable, model, response);
        }
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        if (form.password() == null || !form.password().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "mismatch", "The two passwords are not the same.");
            return "security/invitation";
        }
        if (form.name() != null && (form.name().isBlank() || form.name().strip().length() > 120)) {
            errors.rejectValue("name", "name", "Give your name, at most 120 characters.");
            return "security/invitation";
        }
        Person person;
        try {
            person = invites.acceptInvitation(token, form.password(), form.name());
        } catch (RuleViolationException broken) {
            errors.rejectValue("password", broken.reason(), broken.detail());
            return "security/invitation";
        }
        sessions.signIn(new Caller(person.getId(), person.getOrganizationId(), person.getName()), request, response);
        redirect.addFlashAttribute("notice", "Welcome to Kept, " + person.getName() + ".");
        return "redirect:/";
    }

    private static String unusablePage(ErrorResponseException unusable, Model model, HttpServletResponse response) {
        response.setStatus(unusable.getStatusCode().value());
        model.addAttribute("gone", unusable.getStatusCode().value() == HttpStatus.GONE.value());
        return "security/invitation-unusable";
    }

    @GetMapping("/settings/tokens")
    String tokensPage(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(name = "cursor", required = false) String cursor,
            Model model) {
        model.addAttribute("form", TokenForm.blank());
        showTokens(caller, cursor, model);
        return "security/tokens";
    }

    @PostMapping("/settings/tokens")
    String createToken(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") TokenForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                TokenExpiry expiry = form.chosenExpiry();
                model.addAttribute(
                        "issued",
                        tokens.create(
                                caller,
                                new ApiTokens.NewToken(form.name(), expiry, form.scope()),
                                request.getRemoteAddr()));
                model.addAttribute("form", TokenForm.blank());
            } catch (TokenChoiceException wrong) {
                wrong.rejectOn(errors);
            } catch (RuleViolationException broken) {
                errors.rejectValue("expiry", broken.reason(), broken.detail());
            } catch (TooManyAttemptsException refused) {
                refuse(refused, errors, response);
            }
        }
        showTokens(caller, null, model);
        return "security/tokens";
    }

    /** The first page of the caller's tokens, or the one after {@code cursor}; one that does not parse starts over. */
    private void showTokens(Caller caller, String cursor, Model model) {
        Page<ApiTokens.TokenSummary> page =
                MorePages.pageOrFirst(from -> tokens.list(caller, from, Page.DEFAULT), cursor);
        model.addAttribute("tokens", page.items());
        model.addAttribute("nextTokens", page.next());
        model.addAttribute("mayNeverExpire", tokens.mayNeverExpire(caller));
        model.addAttribute("expiryDays", TokenExpiry.DAYS);
        model.addAttribute("scopes", TokenScope.values());
    }

    /** Answers 429 with the wait, and says so on the form. */
    static void refuse(TooManyAttemptsException refused, BindingResult errors, HttpServletResponse response) {
        response.setStatus(refused.getStatusCode().value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        errors.reject(
                refused.messageCode(),
                refused.messageArguments(),
                refused.getBody().getDetail());
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(caller, id);
        redirect.addFlashAttribute("notice", "The token was revoked: clients using it can no longer sign in.");
        return "redirect:/settings/tokens";
    }
}
