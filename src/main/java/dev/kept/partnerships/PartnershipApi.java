package dev.kept.partnerships;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Partnerships, their rules and the caller's competitor declarations over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Partnerships")
class PartnershipApi {

    private final Partnerships partnerships;
    private final Partnering partnering;
    private final PartnershipSharing sharing;

    PartnershipApi(Partnerships partnerships, Partnering partnering, PartnershipSharing sharing) {
        this.partnerships = partnerships;
        this.partnering = partnering;
        this.sharing = sharing;
    }

    record Shares(@NotNull @Size(min = 1, max = 100) List<UUID> commitmentIds) {}

    record Shared(int newlyShared) {}

    /** The invited partner's terms on acceptance, or either side's later change of their own. */
    record Terms(@Size(max = 1000) String challengeMeOn, Cadence cadence) {}

    record Conflicts(@NotNull @Size(max = 200) List<UUID> personIds) {}

    @Answers(status = 409, description = "Someone else invited the same new person at the same moment; try again")
    @PostMapping("/partnerships")
    @Operation(
            summary = "Invite a partner by partnerId or email (an outsider joins as a guest); a broken rule answers"
                    + " 422 with reason SELF, REPORTING_LINE, NOT_ELIGIBLE or DUPLICATE")
    ResponseEntity<PartnershipView> invite(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody PartnerInvitation invitation) {
        PartnershipView invited = partnerships.invite(caller, invitation);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(invited.id())
                        .toUri())
                .body(invited);
    }

    @GetMapping("/partnerships")
    @Operation(summary = "The caller's partnerships, newest first, a page at a time")
    ResponseEntity<PageAnswer<PartnershipView>> mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(partnerships.page(caller, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/partnerships/{id}")
    @Operation(summary = "One of the caller's partnerships, with its agreement")
    PartnershipView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return partnerships.get(caller, id);
    }

    @PostMapping("/partnerships/{id}/accept")
    @Operation(summary = "Accept an invitation (the rules are checked again), optionally with your own terms")
    PartnershipView accept(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) Terms terms) {
        Terms given = terms == null ? new Terms(null, null) : terms;
        return partnerships.accept(caller, id, given.challengeMeOn(), given.cadence());
    }

    @PostMapping("/partnerships/{id}/decline")
    @Operation(summary = "Decline an invitation")
    PartnershipView decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return partnerships.decline(caller, id);
    }

    @PostMapping("/partnerships/{id}/pause")
    @Operation(summary = "Pause an active partnership: nothing is seen through it until it resumes")
    PartnershipView pause(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return partnerships.pause(caller, id);
    }

    @Answers(
            status = 422,
            description =
                    "The two may no longer be partners, for example one now manages the other (reason names the rule)")
    @PostMapping("/partnerships/{id}/resume")
    @Operation(summary = "Resume a paused or suspended partnership (the rules are checked again)")
    PartnershipView resume(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return partnerships.resume(caller, id);
    }

    @PostMapping("/partnerships/{id}/end")
    @Operation(summary = "End a partnership or withdraw an invitation, at once")
    PartnershipView end(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return partnerships.end(caller, id);
    }

    @PostMapping("/partnerships/{id}/invitation")
    @Operation(summary = "Send an outside partner who has not joined yet a new link (the inviter, while invited)")
    PartnershipView resendInvitation(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return partnerships.resendInvitation(caller, id);
    }

    @PostMapping("/partnerships/{id}/shares")
    @Operation(
            summary = "Share some of your commitments for partners with this partnership: sharing is decided when"
                    + " you share, so a partner who came later sees an older commitment only once you share it here;"
                    + " 422 with reason UNKNOWN_COMMITMENT or NOT_FOR_PARTNERS")
    Shared share(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Shares shares) {
        return new Shared(sharing.share(caller, id, shares.commitmentIds()));
    }

    @PutMapping("/partnerships/{id}/agreement")
    @Operation(summary = "Change your own terms: what to challenge you on, and the cadence")
    PartnershipView agree(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Terms terms) {
        return partnerships.agree(caller, id, terms.challengeMeOn(), terms.cadence());
    }

    @GetMapping("/partnerships/candidates")
    @Operation(
            summary = "Members you could invite, each with a fit hint, best fits first, a page at a time;"
                    + " q: a part of the name (any case)")
    ResponseEntity<PageAnswer<FitHint>> candidates(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Size(max = 120) String q,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(partnering.candidates(caller, q, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/partnerships/fit/{personId}")
    @Operation(summary = "The fit hint for one member: reasons to consider someone else, and good signs")
    FitHint fit(@AuthenticationPrincipal Caller caller, @PathVariable UUID personId) {
        return partnering.fit(caller, personId);
    }

    @GetMapping("/me/conflicts")
    @Operation(summary = "The people you declared competitors (private to you)")
    Conflicts conflicts(@AuthenticationPrincipal Caller caller) {
        return new Conflicts(partnering.competitors(caller));
    }

    @PutMapping("/me/conflicts")
    @Operation(summary = "Replace the people you declared competitors (private to you)")
    Conflicts declareConflicts(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Conflicts conflicts) {
        return new Conflicts(partnering.declareCompetitors(caller, conflicts.personIds()));
    }
}
