package dev.kept.advice;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
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

/** Advice requests, their answers and the asker's verdicts, over the API. */
@Answers(
        status = 404,
        description =
                "There is nothing at this address, or nothing the caller may see; a guest sees no advice requests at all")
@RestController
@RequestMapping("/api/v1/advice-requests")
@Tag(name = "Advice")
class AdviceApi {

    private final AdviceRequests advice;

    AdviceApi(AdviceRequests advice) {
        this.advice = advice;
    }

    record AnswerBody(@NotBlank @Size(max = 4000) String text) {}

    record HelpfulBody(@NotNull Boolean helpful) {}

    @PostMapping
    @Operation(
            summary = "Ask for advice, tagged with 1 to 5 areas of expertise: people with a matching strength in"
                    + " other teams are invited")
    ResponseEntity<AdviceView> ask(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AdviceDraft draft) {
        AdviceView asked = advice.ask(caller, draft);
        return ResponseEntity.created(URI.create("/api/v1/advice-requests/" + asked.id()))
                .body(asked);
    }

    @GetMapping
    @Operation(summary = "Advice requests, newest first; invited=true: those you are invited to; mine=true: yours")
    ResponseEntity<PageAnswer<AdviceView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "false") boolean invited,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(advice.list(caller, invited, mine, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One advice request with its answers")
    AdviceView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return advice.get(caller, id);
    }

    @PostMapping("/{id}/answers")
    @Operation(summary = "Answer an open advice request (anyone but its asker)")
    ResponseEntity<AdviceView.Answer> answer(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody AnswerBody body) {
        AdviceView.Answer answer = advice.answer(caller, id, body.text());
        return ResponseEntity.created(URI.create("/api/v1/advice-requests/" + id + "#" + answer.id()))
                .body(answer);
    }

    @NeverAnswers(409)
    @PutMapping("/{id}/answers/{answerId}/helpful")
    @Operation(summary = "Say whether an answer helped (the asker only)")
    AdviceView.Answer helpful(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID answerId,
            @Valid @RequestBody HelpfulBody body) {
        return advice.markHelpful(caller, id, answerId, body.helpful());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close your advice request (the asker only)")
    AdviceView close(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return advice.close(caller, id);
    }
}
