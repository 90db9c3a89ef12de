package dev.kept.security;

import dev.kept.people.AcceptablePassword;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.PersonView;
import dev.kept.people.SignUp;
import dev.kept.people.SignedUp;
import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, API tokens and invitation acceptance over the API. Sign-up and token creation are
 * limited per client address (429 with {@code Retry-After}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class AccountApi {

    private final People people;
    private final Accounts accounts;
    private final Invitations invites;
    private final ApiTokens tokens;
    private final AddressLimits addresses;
    private final PasswordChanges passwords;
    private final PasswordResetLinks resets;

    AccountApi(
            People people,
            Accounts accounts,
            Invitations invites,
            ApiTokens tokens,
            AddressLimits addresses,
            PasswordChanges passwords,
            PasswordResetLinks resets) {
        this.people = people;
        this.accounts = accounts;
        this.invites = invites;
        this.tokens = tokens;
        this.addresses = addresses;
        this.passwords = passwords;
        this.resets = resets;
    }

    record PasswordChange(
            @NotNull @Size(max = 128) String currentPassword,
            @NotNull @Size(max = 128) String newPassword,

            @Schema(description = "true: every API token of yours is revoked, the one this request came with too")
            Boolean endApiTokens) {}

    record PasswordChanged(Instant changedAt, int apiTokensRevoked) {}

    @Answers(status = 403, description = "Your organization signs in only through single sign-on")
    @Answers(status = 422, description = "The current password is wrong, or the new one is not acceptable")
    @Answers(
            status = 429,
            description =
                    "Too many attempts for this account or from this address: try again after Retry-After seconds")
    @PostMapping("/me/password")
    @Operation(
            summary = "Change your password with the current one (a wrong one counts as a failed sign-in); your"
                    + " browser sessions end, and with endApiTokens all your API tokens are revoked")
    PasswordChanged changePassword(
            @AuthenticationPrincipal Caller caller,
            @Valid @RequestBody PasswordChange body,
            HttpServletRequest request) {
        PasswordChanges.Changed changed = passwords.change(
                caller,
                body.currentPassword(),
                body.newPassword(),
                Boolean.TRUE.equals(body.endApiTokens()),
                request.getRemoteAddr());
        return new PasswordChanged(changed.at(), changed.tokensRevoked());
    }

    record OrganizationBody(UUID id, String name) {}

    record SignUpResult(OrganizationBody organization, PersonView person) {}

    record TokenRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 80) String name,

            @Schema(description = "one of 7, 30, 90 (the default) and 365")
            Integer expiresInDays,

            @Schema(description = "the last day it works, in your time zone: after today, at most 365 days ahead")
            LocalDate expiresOn,

            @Schema(description = "true: it never expires (only where an admin allows it)")
            Boolean neverExpires,

            @Schema(description = "READ_WRITE (the default) or READ_ONLY (GET and HEAD only)")
            TokenScope scope) {}

    record PasswordBody(
            @NotNull @AcceptablePassword String password,
            @Size(max = 120) String name) {}

    @SecurityRequirements
    @Answers(status = 429, description = "Too many sign-ups from this address: try again after Retry-After seconds")
    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organization and its first admin (limited per client address: 429 past it)")
    SignUpResult signUp(@Valid @RequestBody SignUp form, HttpServletRequest request) {
        addresses.charge(AddressLimits.Action.SIGN_UP, request.getRemoteAddr());
        SignedUp signedUp = accounts.signUp(form);
        return new SignUpResult(
                new OrganizationBody(
                        signedUp.organization().getId(), signedUp.organization().getName()),
                PersonView.of(signedUp.admin()));
    }

    @SecurityRequirements
    @Answers(status = 401, description = "The e-mail or password is wrong")
    @Answers(
            status = 429,
            description =
                    "Too many attempts for this account or from this address: try again after Retry-After seconds")
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a personal API token with an e-mail and password, an expiry (90 days unless chosen) and a"
                    + " scope (read-write unless chosen); throttled per account and limited per client address: 429")
    IssuedToken createToken(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        TokenExpiry expiry = TokenExpiry.of(body.expiresInDays(), body.expiresOn(), body.neverExpires());
        try {
            return tokens.create(
                    body.email(),
                    body.password(),
                    new ApiTokens.NewToken(body.name(), expiry, body.scope()),
                    request.getRemoteAddr());
        } catch (AuthenticationException wrong) {
            throw ProblemResponses.wrongCredentials();
        }
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your API tokens that were not revoked, newest first, with expiry, scope and last use")
    ResponseEntity<PageAnswer<ApiTokens.TokenSummary>> listTokens(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(tokens.list(caller, cursor, Page.limitOr(limit)), limit);
    }

    @NeverAnswers(409)
    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your API tokens")
    void revokeToken(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        tokens.revoke(caller, id);
    }

    @SecurityRequirements
    @Answers(status = 410, description = "The invitation link was used already, replaced by a newer one, or expired")
    @NeverAnswers(409)
    @PostMapping("/invitations/{token}")
    @Operation(
            summary =
                    "Accept an invitation by setting a password, and optionally your name (404 unknown, 410 used or expired)")
    PersonView acceptInvitation(@PathVariable String token, @Valid @RequestBody PasswordBody body) {
        return PersonView.of(invites.acceptInvitation(token, body.password(), body.name()));
    }

    record ResetRequest(@NotNull @Size(max = 254) String email) {}

    record ResetRequested(String detail) {}

    record NewPassword(@NotNull @Size(max = 128) String password) {}

    @SecurityRequirements
    @Answers(
            status = 429,
            description = "Too many requests for this e-mail or from this address: try again after Retry-After seconds")
    @PostMapping("/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Ask for a link to choose a new password, e-mailed to the address; the same answer whether or not"
                    + " it has an account (throttled per e-mail and limited per client address: 429)")
    ResetRequested requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        resets.request(body.email(), request.getRemoteAddr());
        return new ResetRequested(PasswordResetLinks.SENT);
    }

    @SecurityRequirements
    @Answers(status = 403, description = "The account's organization signs in only through single sign-on")
    @Answers(status = 404, description = "The link is unknown")
    @Answers(status = 410, description = "The link was already used or has expired")
    @Answers(status = 422, description = "The new password is not acceptable")
    @PostMapping("/password-resets/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Choose a new password through an e-mailed link (it works once, for an hour); every session of"
                    + " the person ends, and they sign in again")
    void reset(@PathVariable String token, @Valid @RequestBody NewPassword body) {
        resets.reset(token, body.password());
    }
}
