package dev.kept.commitments;

import dev.kept.people.Caller;
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

/** Challenges on shared commitments, and the owner's answers, over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Challenges")
class ChallengeApi {

    private final Challenges challenges;

    ChallengeApi(Challenges challenges) {
        this.challenges = challenges;
    }

    record ChallengeBody(
            ChallengeKind kind, @NotBlank @Size(max = 2000) String message) {}

    record AnswerBody(@NotNull @NotBlank @Size(max = 2000) String message, Boolean helpful) {}

    @PostMapping("/commitments/{id}/challenges")
    @Operation(summary = "Challenge the owner on a commitment shared with you: a QUESTION (default), PUSH or CONCERN")
    ResponseEntity<ChallengeView> post(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ChallengeBody body) {
        ChallengeView posted =
                challenges.post(caller, id, body.kind() == null ? ChallengeKind.QUESTION : body.kind(), body.message());
        return ResponseEntity.created(URI.create("/api/v1/challenges/" + posted.id()))
                .body(posted);
    }

    @GetMapping("/commitments/{id}/challenges")
    @Operation(
            summary = "The challenges on a commitment you may read: all of them for its owner, your own for a partner")
    ResponseEntity<PageAnswer<ChallengeView>> list(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(challenges.on(caller, id, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/challenges/{id}")
    @Operation(summary = "One challenge and its answers (its author and the commitment's owner only)")
    ChallengeView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return challenges.get(caller, id);
    }

    @PostMapping("/challenges/{id}/answer")
    @Operation(summary = "Answer a challenge on your commitment, and say whether it helped")
    ChallengeView answer(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody AnswerBody body) {
        return challenges.answer(caller, id, body.message(), body.helpful());
    }
}
