package dev.kept.goals;

import dev.kept.people.Caller;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Co-owned goals over the API: proposals between teams, and who negotiates for a team. */
@RestController
@Tag(name = "Co-owned goals")
class NegotiationApi {

    private final GoalNegotiations negotiations;

    NegotiationApi(GoalNegotiations negotiations) {
        this.negotiations = negotiations;
    }

    record Acceptance(UUID teamId, @NotNull Integer round) {}

    record Refusal(UUID teamId, @Size(max = 1000) String reason) {}

    record Negotiators(
            @NotNull @Size(max = GoalNegotiations.MOST_NEGOTIATORS)
            List<@NotNull UUID> personIds) {}

    @PostMapping("/api/v1/goals/{id}/proposals")
    @Operation(
            summary = "Propose a team goal to other teams for co-ownership: invitedTeamIds, the terms (each left out"
                    + " keeps the goal's), and contributions {teamId: what that team contributes} for every team")
    ResponseEntity<NegotiationView> propose(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ProposalDraft draft) {
        NegotiationView proposal = negotiations.propose(caller, id, draft);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{proposal}")
                        .buildAndExpand(proposal.id())
                        .toUri())
                .body(proposal);
    }

    @GetMapping("/api/v1/goals/{id}/proposals")
    @Operation(
            summary = "The goal's proposals the caller may see (a member or lead of one of their teams), newest"
                    + " first; a page may hold fewer than limit when some are not the caller's to see")
    ResponseEntity<PageAnswer<NegotiationView>> list(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(negotiations.of(caller, id, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/api/v1/goals/{id}/proposals/{proposal}")
    @Operation(summary = "One proposal: the terms on the table, where each team stands, every round and step")
    NegotiationView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID proposal) {
        return negotiations.get(caller, id, proposal);
    }

    @PostMapping("/api/v1/goals/{id}/proposals/{proposal}/accept")
    @Operation(summary = "Accept the terms of a round for your team; 409 when that round is no longer the latest")
    NegotiationView accept(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @Valid @RequestBody Acceptance acceptance) {
        return negotiations.accept(caller, id, proposal, acceptance.teamId(), acceptance.round());
    }

    @PostMapping("/api/v1/goals/{id}/proposals/{proposal}/counter")
    @Operation(summary = "Counter-propose changed terms for your team; every other team is asked again")
    NegotiationView counter(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @Valid @RequestBody CounterDraft draft) {
        return negotiations.counter(caller, id, proposal, draft);
    }

    @PostMapping("/api/v1/goals/{id}/proposals/{proposal}/decline")
    @Operation(summary = "Decline for your team, with a reason")
    NegotiationView decline(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @Valid @RequestBody Refusal refusal) {
        return negotiations.decline(caller, id, proposal, refusal.teamId(), refusal.reason());
    }

    @PostMapping("/api/v1/goals/{id}/proposals/{proposal}/withdraw")
    @Operation(summary = "Withdraw the proposal (the proposing team)")
    NegotiationView withdraw(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @Valid @RequestBody(required = false) Refusal refusal) {
        return negotiations.withdraw(caller, id, proposal, refusal == null ? null : refusal.reason());
    }

    @GetMapping("/api/v1/teams/{id}/negotiators")
    @Operation(summary = "The members the team's lead allows to negotiate co-owned goals for the team")
    Negotiators negotiators(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return new Negotiators(negotiations.negotiators(caller, id));
    }

    @NeverAnswers(409)
    @PutMapping("/api/v1/teams/{id}/negotiators")
    @Operation(summary = "Choose the members who negotiate co-owned goals for the team (its lead)")
    Negotiators allow(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody Negotiators negotiators) {
        return new Negotiators(negotiations.allowNegotiators(caller, id, negotiators.personIds()));
    }
}
