package dev.kept.commitments;

import dev.kept.people.Caller;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Commitments over the API. */
@RestController
@RequestMapping("/api/v1/commitments")
@Validated
@Tag(name = "Commitments")
class CommitmentApi {

    private final Commitments commitments;
    private final CommitmentLists commitmentLists;

    CommitmentApi(Commitments commitments, CommitmentLists commitmentLists) {
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
    }

    @PostMapping
    @Operation(summary = "Make a commitment: what, done when, due, why, visibility")
    ResponseEntity<CommitmentView> make(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody CommitmentDraft draft) {
        CommitmentView made = commitments.make(caller, draft);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(made.id())
                        .toUri())
                .body(made);
    }

    @GetMapping
    @Operation(
            summary = "The commitments the caller may see, open ones due soonest first, then closed ones;"
                    + " narrowed by owner, status, goal and due dates (dueAfter and dueBefore included)")
    ResponseEntity<PageAnswer<CommitmentView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) CommitmentFilter status,
            @RequestParam(required = false) UUID goal,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueAfter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor,
            @Parameter(hidden = true) @RequestParam(required = false) @Null(message = OFFSET_GONE) String offset) {
        CommitmentSearch search =
                new CommitmentSearch(owner, status, goal == null ? List.of() : List.of(goal), dueAfter, dueBefore);
        return PageAnswer.of(commitmentLists.list(caller, search, cursor, Page.limitOr(limit)), limit);
    }

    /** A client that pages by offset would read the first page forever: it is told instead. */
    private static final String OFFSET_GONE = "is no longer supported: follow 'next' (a cursor) instead";

    @GetMapping("/{id}")
    @Operation(summary = "One commitment with its progress timeline")
    CommitmentView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return commitments.get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Edit a commitment; send the version you saw (a stale one answers 409)")
    CommitmentView revise(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody CommitmentRevision revision) {
        return commitments.revise(caller, id, revision);
    }

    @PostMapping("/{id}/progress")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report progress: percent, confidence, note")
    CommitmentView progress(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ProgressReport report) {
        return commitments.report(caller, id, report);
    }

    @PostMapping("/{id}/ownership")
    @Operation(summary = "Declare the outcome yours (owner)")
    CommitmentView declareOwnership(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return commitments.declareOwnership(caller, id);
    }

    record CoOwnerInvitation(@NotNull UUID personId) {}

    @PostMapping("/{id}/co-owners")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a member to co-own the outcome (owner); they accept, see it and report progress")
    CommitmentView inviteCoOwner(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody CoOwnerInvitation invitation) {
        return commitments.inviteCoOwner(caller, id, invitation.personId());
    }

    @PostMapping("/{id}/co-owners/accept")
    @Operation(summary = "Accept to co-own a commitment you were invited to")
    CommitmentView acceptCoOwnership(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return commitments.acceptCoOwnership(caller, id);
    }

    @PostMapping("/{id}/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a milestone: title and a date on or before the due date (owner)")
    CommitmentView milestone(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody MilestonePlan plan) {
        return commitments.planMilestone(caller, id, plan);
    }

    record MilestoneDone(@NotNull Boolean done) {}

    @PatchMapping("/{id}/milestones/{number}")
    @Operation(summary = "Mark a milestone (numbered from 1) done or not done (owner)")
    CommitmentView markMilestone(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable int number,
            @Valid @RequestBody MilestoneDone body) {
        return commitments.markMilestone(caller, id, number, body.done());
    }

    @PostMapping("/{id}/renegotiations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Before the due date, propose a new due date or definition of done with a reason (owner);"
                    + " the other side accepts or declines")
    CommitmentView renegotiate(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody RenegotiationProposal proposal) {
        return commitments.proposeRenegotiation(caller, id, proposal);
    }

    @PostMapping("/{id}/renegotiations/{number}/accept")
    @Operation(summary = "Accept a renegotiation: the new terms apply (the other side: a partner it is shared with)")
    CommitmentView acceptRenegotiation(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return commitments.decideRenegotiation(caller, id, number, true);
    }

    @PostMapping("/{id}/renegotiations/{number}/decline")
    @Operation(summary = "Decline a renegotiation: the terms stay (the other side)")
    CommitmentView declineRenegotiation(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return commitments.decideRenegotiation(caller, id, number, false);
    }

    @PostMapping("/{id}/confirmation")
    @Operation(
            summary =
                    "Confirm ({agree: true}) or dispute ({agree: false, comment}) the owner's assessment (the other side)")
    CommitmentView confirm(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody Confirmation confirmation) {
        return commitments.confirm(caller, id, confirmation);
    }

    @PostMapping("/{id}/reflections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reflect on a closed commitment: what worked, what to change next time (owner or other side)")
    CommitmentView reflect(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ReflectionNote note) {
        return commitments.reflect(caller, id, note);
    }

    @PostMapping("/{id}/verification")
    @Operation(summary = "Close a commitment with an outcome and a reflection")
    CommitmentView verify(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody Verification verification) {
        return commitments.verify(caller, id, verification);
    }
}
