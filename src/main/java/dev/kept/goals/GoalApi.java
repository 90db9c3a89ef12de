package dev.kept.goals;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Goals over the API. */
@Answers(
        status = 404,
        description = "There is nothing at this address, or nothing the caller may see; a guest sees no goals at all")
@RestController
@RequestMapping("/api/v1/goals")
@Tag(name = "Goals")
class GoalApi {

    private final Goals goals;

    GoalApi(Goals goals) {
        this.goals = goals;
    }

    @PostMapping
    @Operation(summary = "Set a goal: an organization goal (admin), or a team goal (the team's lead or an admin)")
    ResponseEntity<GoalView> set(@AuthenticationPrincipal Caller caller, @Valid @RequestBody GoalDraft draft) {
        GoalView goal = goals.set(caller, draft);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(goal.id())
                        .toUri())
                .body(goal);
    }

    @GetMapping
    @Operation(
            summary = "The top-level goals (organization goals first, then by due date), or with parentId the goals"
                    + " directly beneath that goal: a tree opened one level at a time, each goal with goalsBeneath")
    ResponseEntity<PageAnswer<Goals.Listed>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID parentId,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(goals.beneath(caller, parentId, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One goal summarized: its parent, the goals directly beneath it with the commitments serving"
                    + " each counted by state, the same counts per team and in total (what the caller may not see"
                    + " only as a count), and the first page of the commitments serving this goal itself")
    GoalDetail get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        GoalDetail detail = goals.get(caller, id);
        String next = detail.commitments().next();
        return detail.withNextCommitments(
                next == null
                        ? null
                        : ServletUriComponentsBuilder.fromCurrentRequest()
                                .path("/commitments")
                                .queryParam("cursor", next)
                                .queryParam("limit", Page.DEFAULT)
                                .toUriString());
    }

    @GetMapping("/{id}/commitments")
    @Operation(
            summary = "The commitments serving this goal itself that the caller may see, open ones first, then by"
                    + " due date")
    ResponseEntity<PageAnswer<ServingCommitment>> serving(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(goals.serving(caller, id, cursor, Page.limitOr(limit)), limit);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a goal; send the version you saw (a stale one answers 409)")
    GoalView revise(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody GoalRevision revision) {
        return goals.revise(caller, id, revision);
    }
}
