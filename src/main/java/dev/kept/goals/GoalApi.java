package dev.kept.goals;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    @Operation(summary = "Every goal of the organization in tree order, each with its parentId")
    List<GoalView> list(@AuthenticationPrincipal Caller caller) {
        return goals.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One goal with its parent, children, the commitments serving it (or a goal beneath it) that"
                    + " the caller may see, and the number of the others")
    GoalDetail get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return goals.get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a goal; send the version you saw (a stale one answers 409)")
    GoalView revise(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody GoalRevision revision) {
        return goals.revise(caller, id, revision);
    }
}
