package dev.kept.decisions;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** Decision notes and their comments over the API. */
@Answers(
        status = 404,
        description =
                "There is nothing at this address, or nothing the caller may see; a guest sees no decisions at all")
@RestController
@RequestMapping("/api/v1/decisions")
@Tag(name = "Decisions")
class DecisionApi {

    private final Decisions decisions;

    DecisionApi(Decisions decisions) {
        this.decisions = decisions;
    }

    record CommentBody(@NotBlank @Size(max = 2000) String text) {}

    @PostMapping
    @Operation(
            summary = "Record a decision: the options considered, how it serves the whole organization, and the"
                    + " teams it affects (their members are told)")
    ResponseEntity<DecisionView> record(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody DecisionDraft draft) {
        DecisionView recorded = decisions.record(caller, draft);
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + recorded.id()))
                .body(recorded);
    }

    @GetMapping
    @Operation(summary = "Decisions, newest first; teamId: those affecting that team")
    ResponseEntity<PageAnswer<DecisionView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID teamId,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(decisions.list(caller, teamId, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One decision with its comments")
    DecisionView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return decisions.get(caller, id);
    }

    @NeverAnswers(409)
    @PostMapping("/{id}/comments")
    @Operation(summary = "Comment on a decision (members of the teams it affects, and its author)")
    ResponseEntity<DecisionView.Comment> comment(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody CommentBody body) {
        DecisionView.Comment comment = decisions.comment(caller, id, body.text());
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + id + "#" + comment.id()))
                .body(comment);
    }
}
