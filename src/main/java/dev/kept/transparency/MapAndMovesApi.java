package dev.kept.transparency;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The map of a goal tree and the weekly count of the six everyday moves, over the API. */
@RestController
@Tag(name = "Teams")
class MapAndMovesApi {

    private final GoalMap map;
    private final EverydayMoves moves;

    MapAndMovesApi(GoalMap map, EverydayMoves moves) {
        this.map = map;
        this.moves = moves;
    }

    @GetMapping("/api/v1/goals/{id}/map")
    @Operation(
            summary = "How every team's work contributes to a goal and the goals beneath it, summarized: co-owners,"
                    + " each team's commitments counted by state (the ones the caller may not see only as a count),"
                    + " the goals directly beneath (each with its counts and its own map), the first page of the"
                    + " commitments serving the goal itself, and the open flags, help given and thanks on it")
    GoalMapView map(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        GoalMapView found = map.map(caller, id);
        String next = found.commitments().next();
        return found.withNextCommitments(
                next == null
                        ? null
                        : ServletUriComponentsBuilder.fromCurrentContextPath()
                                .path("/api/v1/goals/{id}/commitments")
                                .queryParam("cursor", next)
                                .queryParam("limit", Page.DEFAULT)
                                .buildAndExpand(id)
                                .toUriString());
    }

    @Answers(status = 404, description = "A guest sees no goals and no moves")
    @Answers(status = 422, description = "week is not an ISO week such as 2026-W48 (reason BAD_WEEK)")
    @GetMapping("/api/v1/me/moves")
    @Operation(summary = "Which of the six everyday moves the caller made in an ISO week (week=2026-W48; default now)")
    MovesView mine(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String week) {
        return moves.mine(caller, week);
    }

    @Answers(status = 422, description = "week is not an ISO week such as 2026-W48 (reason BAD_WEEK)")
    @GetMapping("/api/v1/teams/{id}/moves")
    @Operation(summary = "A team's weekly count of each everyday move (its members and lead)")
    MovesView team(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String week) {
        return moves.team(caller, id, week);
    }
}
