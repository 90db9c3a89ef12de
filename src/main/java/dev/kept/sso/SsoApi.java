package dev.kept.sso;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The organization's identity providers for single sign-on, and the SSO-only switch, over the API (admins). */
@RestController
@RequestMapping("/api/v1/sso")
@Tag(name = "Single sign-on")
@Validated
class SsoApi {

    private final SingleSignOn singleSignOn;

    SsoApi(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    /** Some fields of a provider to change; the others stay as they are. */
    record ProviderChanges(
            @Size(min = 1, max = 80) String name,
            @Size(min = 1, max = 500) String issuer,
            @Size(min = 1, max = 255) String clientId,
            @Size(max = 500) String clientSecret,
            @Size(min = 1, max = 20) List<@NotNull @Size(min = 1, max = 253) String> domains,
            Boolean enabled) {

        ProviderDraft applyTo(ProviderDraft stored) {
            return new ProviderDraft(
                    name == null ? stored.name() : name,
                    issuer == null ? stored.issuer() : issuer,
                    clientId == null ? stored.clientId() : clientId,
                    clientSecret,
                    domains == null ? stored.domains() : domains,
                    enabled == null ? stored.enabled() : enabled);
        }
    }

    record SsoOnly(@NotNull Boolean ssoOnly) {}

    @GetMapping("/providers")
    @Operation(
            summary = "The organization's identity providers, oldest first, a page at a time (admins); never a secret")
    ResponseEntity<PageAnswer<IdentityProvider>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(singleSignOn.list(caller, cursor, Page.limitOr(limit)), limit);
    }

    @PostMapping("/providers")
    @Operation(
            summary = "Add an identity provider (admins): issuer (https), client id and secret (stored encrypted),"
                    + " the e-mail domains it signs in, enabled")
    ResponseEntity<IdentityProvider> create(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody ProviderDraft draft) {
        IdentityProvider created = singleSignOn.create(caller, draft);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @GetMapping("/providers/{id}")
    @Operation(summary = "One identity provider of the organization (admins)")
    IdentityProvider get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return singleSignOn.get(caller, id);
    }

    @PutMapping("/providers/{id}")
    @NeverAnswers(409)
    @Operation(
            summary = "Replace an identity provider's settings (admins); a missing clientSecret keeps the stored one."
                    + " Disabling the last enabled provider while SSO is the only way in is refused (422)")
    IdentityProvider replace(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ProviderDraft draft) {
        return singleSignOn.update(caller, id, draft);
    }

    @PatchMapping("/providers/{id}")
    @NeverAnswers(409)
    @Operation(summary = "Change some of an identity provider's settings (admins), for example {\"enabled\": false}")
    IdentityProvider change(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody ProviderChanges changes) {
        return singleSignOn.update(caller, id, changes.applyTo(singleSignOn.draftOf(caller, id)));
    }

    @DeleteMapping("/providers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @NeverAnswers(409)
    @Answers(
            status = 422,
            description = "The last enabled provider of an organization that signs in only through single sign-on")
    @Operation(summary = "Remove an identity provider (admins)")
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        singleSignOn.delete(caller, id);
    }

    @GetMapping("/settings")
    @Operation(
            summary =
                    "Whether the organization signs in only through single sign-on, and its enabled providers (admins)")
    SingleSignOn.Settings settings(@AuthenticationPrincipal Caller caller) {
        return singleSignOn.settings(caller);
    }

    @PutMapping("/settings")
    @Operation(
            summary = "Make single sign-on the only way in, or not (admins): refused (422) while no provider is"
                    + " enabled; password sign-in is then refused for the organization's people")
    SingleSignOn.Settings changeSettings(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SsoOnly body) {
        return singleSignOn.ssoOnly(caller, body.ssoOnly());
    }
}
