package dev.kept.scim;

import dev.kept.people.Caller;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The admin's page of directory sync tokens: create one (its secret shown once), revoke one. */
@Controller
class ScimTokenPages {

    private final ScimTokens tokens;

    ScimTokenPages(ScimTokens tokens) {
        this.tokens = tokens;
    }

    record TokenForm(@Size(max = 80) String name) {}

    @GetMapping("/admin/directory-sync")
    String page(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("tokens", tokens.list(caller));
        model.addAttribute(
                "tenantUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/scim/v2")
                        .build()
                        .toUriString());
        return "scim/tokens";
    }

    @PostMapping("/admin/directory-sync")
    String create(@AuthenticationPrincipal Caller caller, @ModelAttribute TokenForm form, Model model) {
        String name = form.name() == null || form.name().length() <= 80
                ? form.name()
                : form.name().substring(0, 80);
        model.addAttribute("issued", tokens.create(caller, name));
        return page(caller, model);
    }

    @PostMapping("/admin/directory-sync/{id}/revoke")
    String revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(caller, id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/directory-sync";
    }
}
