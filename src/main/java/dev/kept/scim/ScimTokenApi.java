package dev.kept.scim;

import dev.kept.people.Caller;
import dev.kept.scim.ScimTokens.IssuedScimToken;
import dev.kept.scim.ScimTokens.ScimTokenSummary;
import dev.kept.shared.NeverAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An admin's directory sync tokens over the API: the identity provider then uses one at /scim/v2. */
@RestController
@RequestMapping("/api/v1/scim-tokens")
@Tag(name = "Directory sync")
class ScimTokenApi {

    private final ScimTokens tokens;

    ScimTokenApi(ScimTokens tokens) {
        this.tokens = tokens;
    }

    record NewScimToken(@Size(max = 80) String name) {}

    /** The organization's working tokens: at most {@value ScimTokens#MOST}, so not paged. */
    record ScimTokenList(List<ScimTokenSummary> items) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @NeverAnswers(409)
    @Operation(
            summary = "Create a directory sync (SCIM) token for the organization's identity provider (admins);"
                    + " its secret is shown this once")
    IssuedScimToken create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewScimToken body) {
        return tokens.create(caller, body.name());
    }

    @GetMapping
    @Operation(summary = "The organization's working directory sync tokens, newest first (admins)")
    ScimTokenList list(@AuthenticationPrincipal Caller caller) {
        return new ScimTokenList(tokens.list(caller));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @NeverAnswers(409)
    @Operation(summary = "Revoke a directory sync token (admins): the identity provider is refused from then on")
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        tokens.revoke(caller, id);
    }
}
