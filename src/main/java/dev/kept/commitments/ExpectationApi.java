package dev.kept.commitments;

import dev.kept.access.Visibility;
import dev.kept.people.Caller;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Expectations over the API: ask, discuss, counter-propose, accept or decline. */
@RestController
@RequestMapping("/api/v1/expectations")
@Tag(name = "Expectations")
class ExpectationApi {

    private final Expectations expectations;

    ExpectationApi(Expectations expectations) {
        this.expectations = expectations;
    }

    record Message(@NotBlank @Size(max = 2000) String text) {}

    record Acceptance(Visibility visibility) {}

    record Refusal(@NotBlank @Size(max = 2000) String reason) {}

    @PostMapping
    @Operation(summary = "Ask a person (toPersonId) or a team (toTeamId) for a commitment: what, doneWhen, due, why")
    ResponseEntity<ExpectationView> ask(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody ExpectationDraft draft) {
        ExpectationView asked = expectations.ask(caller, draft);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(asked.id())
                        .toUri())
                .body(asked);
    }

    @GetMapping
    @Operation(
            summary = "The expectations you asked, were asked, or your team was asked, newest first;"
                    + " without their threads (GET one for its thread)")
    ResponseEntity<PageAnswer<ExpectationView>> mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(expectations.mine(caller, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One expectation with its thread (the requester and the side asked only)")
    ExpectationView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return expectations.get(caller, id);
    }

    @PostMapping("/{id}/questions")
    @Operation(summary = "Ask a clarifying question (the side asked) or answer one (the requester)")
    ExpectationView question(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Message message) {
        return expectations.discuss(caller, id, message.text());
    }

    @PostMapping("/{id}/counter")
    @Operation(summary = "Counter-propose another due date or definition of done, with a reason (the side asked)")
    ExpectationView counter(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody CounterProposal proposal) {
        return expectations.counter(caller, id, proposal);
    }

    @PostMapping("/{id}/counter/{number}/accept")
    @Operation(summary = "Accept a counter-proposal: the terms change (the requester)")
    ExpectationView acceptCounter(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return expectations.decideCounter(caller, id, number, true);
    }

    @PostMapping("/{id}/counter/{number}/decline")
    @Operation(summary = "Decline a counter-proposal: the terms stay (the requester)")
    ExpectationView declineCounter(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return expectations.decideCounter(caller, id, number, false);
    }

    @PostMapping("/{id}/accept")
    @Operation(
            summary = "Accept: it becomes your commitment, made to the requester ({visibility?}, private by default)")
    ExpectationView accept(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestBody(required = false) Acceptance acceptance) {
        return expectations.accept(caller, id, acceptance == null ? null : acceptance.visibility());
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline with a reason (the side asked)")
    ExpectationView decline(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Refusal refusal) {
        return expectations.decline(caller, id, refusal.reason());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw an open expectation (the requester)")
    ExpectationView withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return expectations.withdraw(caller, id);
    }
}
