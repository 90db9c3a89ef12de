package dev.kept.teamwork;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Offers of help over the API: offer, accept, decline, withdraw. */
@Answers(
        status = 404,
        description =
                "There is nothing at this address, or nothing the caller may see; a guest sees no offers of help at all")
@RestController
@RequestMapping("/api/v1/help-offers")
@Tag(name = "Help offers")
class HelpOfferApi {

    private final HelpOffers offers;

    HelpOfferApi(HelpOffers offers) {
        this.offers = offers;
    }

    record OfferBody(
            UUID toPersonId,
            UUID toTeamId,
            @NotNull HelpKind kind,
            @NotBlank @Size(max = 1000) String what,
            TargetType targetType,
            UUID targetId) {}

    record DeclineBody(@Size(max = 1000) String reason) {}

    @PostMapping
    @Operation(
            summary = "Offer information, ideas, resources or time to a person or a team (exactly one), maybe with"
                    + " one of their goals or commitments")
    ResponseEntity<HelpOfferView> offer(@AuthenticationPrincipal Caller caller, @Valid @RequestBody OfferBody body) {
        HelpOfferView made = offers.offer(
                caller,
                new HelpOfferDraft(
                        body.toPersonId(),
                        body.toTeamId(),
                        body.kind(),
                        body.what(),
                        body.targetType(),
                        body.targetId()));
        return ResponseEntity.created(URI.create("/api/v1/help-offers/" + made.id()))
                .body(made);
    }

    @GetMapping
    @Operation(summary = "The offers of help you made, or that were made to you or your team; waiting ones first")
    ResponseEntity<PageAnswer<HelpOfferView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(offers.mine(caller, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One offer of help (its offerer and recipients; accepted help also whoever sees what it is"
                    + " about)")
    HelpOfferView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return offers.get(caller, id);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept help offered to you or your team")
    HelpOfferView accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return offers.accept(caller, id);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline help offered to you or your team, with an optional reason")
    HelpOfferView decline(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) DeclineBody body) {
        return offers.decline(caller, id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw help you offered while it waits for an answer")
    HelpOfferView withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return offers.withdraw(caller, id);
    }
}
