package dev.kept.sso;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin's single sign-on page (add, change, disable and delete identity providers; make them
 * the only way in), and the sign-in page's step that finds the providers of an e-mail's domain.
 */
@Controller
class SsoPages {

    private final SingleSignOn singleSignOn;
    private final People people;

    SsoPages(SingleSignOn singleSignOn, People people) {
        this.singleSignOn = singleSignOn;
        this.people = people;
    }

    /** A provider as the form enters it: the domains in one field, separated by commas or spaces. */
    record ProviderForm(
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 500) String issuer,
            @NotBlank @Size(max = 255) String clientId,
            @Size(max = 500) String clientSecret,
            @NotBlank @Size(max = 2000) String domains,
            Boolean enabled) {

        static ProviderForm blank() {
            return new ProviderForm(null, null, null, null, null, true);
        }

        static ProviderForm of(ProviderDraft draft) {
            return new ProviderForm(
                    draft.name(),
                    draft.issuer(),
                    draft.clientId(),
                    null,
                    String.join(", ", draft.domains()),
                    draft.enabledOrDefault());
        }

        ProviderDraft draft() {
            List<String> split = Arrays.stream(domains.split("[,;\\s]+"))
                    .filter(domain -> !domain.isBlank())
                    .toList();
            return new ProviderDraft(name, issuer, clientId, clientSecret, split, Boolean.TRUE.equals(enabled));
        }
    }

    /**
     * Signing in with single sign-on starts from the e-mail: its domain names the organization's
     * providers (an instance may host many organizations, so the sign-in page does not list them
     * all). Each provider is then a link, not a form, so the browser follows it to the provider.
     */
    @GetMapping("/login/sso")
    String signInPage(
            @AuthenticationPrincipal Caller caller, @RequestParam(required = false) String email, Model model) {
        if (caller != null) {
            return "redirect:/";
        }
        if (email != null && !email.isBlank() && email.length() <= 254) {
            model.addAttribute("email", email.strip());
            model.addAttribute("offered", singleSignOn.offeredFor(email.strip()));
        }
        return "sso/sign-in";
    }

    @GetMapping("/admin/sso")
    String page(@AuthenticationPrincipal Caller caller, Model model) {
        people.requireAdmin(caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ProviderForm.blank());
        }
        return show(caller, model);
    }

    private String show(Caller caller, Model model) {
        model.addAttribute("settings", singleSignOn.settings(caller));
        model.addAttribute(
                "providers", singleSignOn.list(caller, null, Page.DEFAULT).items());
        model.addAttribute("redirectUri", redirectUri(""));
        return "sso/admin";
    }

    @PostMapping("/admin/sso/providers")
    String create(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") ProviderForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        return saved(errors, redirect, () -> singleSignOn.create(caller, form.draft()))
                ? "redirect:/admin/sso"
                : show(caller, model);
    }

    @GetMapping("/admin/sso/providers/{id}")
    String editPage(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        people.requireAdmin(caller);
        IdentityProvider provider = singleSignOn.get(caller, id);
        model.addAttribute("provider", provider);
        model.addAttribute("form", ProviderForm.of(singleSignOn.draftOf(caller, id)));
        model.addAttribute("redirectUri", redirectUri(id.toString()));
        return "sso/provider";
    }

    @PostMapping("/admin/sso/providers/{id}")
    String update(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ProviderForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        IdentityProvider provider = singleSignOn.get(caller, id);
        if (saved(errors, redirect, () -> singleSignOn.update(caller, id, form.draft()))) {
            return "redirect:/admin/sso";
        }
        model.addAttribute("provider", provider);
        model.addAttribute("redirectUri", redirectUri(id.toString()));
        return "sso/provider";
    }

    @PostMapping("/admin/sso/providers/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            singleSignOn.delete(caller, id);
            redirect.addFlashAttribute("deleted", true);
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refused.detail());
        }
        return "redirect:/admin/sso";
    }

    @PostMapping("/admin/sso/settings")
    String settings(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "false") boolean ssoOnly,
            RedirectAttributes redirect) {
        try {
            singleSignOn.ssoOnly(caller, ssoOnly);
            redirect.addFlashAttribute("settingsSaved", true);
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refused.detail());
        }
        return "redirect:/admin/sso";
    }

    /**
     * Saves a valid form and says so on the next page; a broken rule is shown at its field. Whether
     * it was saved.
     */
    private static boolean saved(BindingResult errors, RedirectAttributes redirect, Supplier<IdentityProvider> save) {
        if (errors.hasErrors()) {
            return false;
        }
        try {
            redirect.addFlashAttribute("saved", save.get().name());
            return true;
        } catch (RuleViolationException broken) {
            broken.rejectOn(errors);
            return false;
        }
    }

    /** The address to register at the provider as its redirect (callback) URI. */
    private static String redirectUri(String registrationId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/login/oauth2/code/")
                        .build()
                        .toUriString()
                + registrationId;
    }
}
