package dev.kept.teamwork;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import dev.kept.shared.RuleViolationException;
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

/** Jeopardy flags over the API: raise one, answer it, resolve or withdraw it. */
@Answers(
        status = 404,
        description = "There is nothing at this address, or nothing the caller may see; a guest sees no flags at all")
@RestController
@RequestMapping("/api/v1/flags")
@Tag(name = "Jeopardy flags")
class FlagApi {

    private final Flags flags;

    FlagApi(Flags flags) {
        this.flags = flags;
    }

    record HelpBody(
            @NotNull HelpKind kind,
            @NotBlank @Size(max = 1000) String what) {}

    record RaiseBody(
            @NotNull TargetType targetType,
            @NotNull UUID targetId,
            @NotBlank @Size(max = 2000) String noticed,
            @NotBlank @Size(max = 1000) String question,
            @Valid HelpBody help) {}

    record AnswerBody(@NotBlank @Size(max = 2000) String answer) {}

    record ResolveBody(@Size(max = 1000) String note) {}

    @PostMapping
    @Operation(
            summary = "Say a commitment, expectation or goal you can see seems in jeopardy: what you noticed, a"
                    + " question, and maybe an offer of help; the answer carries hints on the wording")
    ResponseEntity<FlagView> raise(@AuthenticationPrincipal Caller caller, @Valid @RequestBody RaiseBody body) {
        FlagView raised = flags.raise(
                caller,
                new FlagDraft(
                        body.targetType(),
                        body.targetId(),
                        body.noticed(),
                        body.question(),
                        body.help() == null
                                ? null
                                : new FlagDraft.Help(
                                        body.help().kind(), body.help().what())));
        return ResponseEntity.created(URI.create("/api/v1/flags/" + raised.id()))
                .body(raised);
    }

    @Answers(status = 422, description = "Only one of targetType and targetId is given (reason TARGET)")
    @GetMapping
    @Operation(
            summary = "The flags you raised or that are on what you own, open first; with targetType and targetId,"
                    + " the flags you may see on that one target")
    ResponseEntity<PageAnswer<FlagView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) TargetType targetType,
            @RequestParam(required = false) UUID targetId,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        if (targetType == null && targetId == null) {
            return PageAnswer.of(flags.mine(caller, cursor, Page.limitOr(limit)), limit);
        }
        if (targetType == null || targetId == null) {
            throw new RuleViolationException(
                    "TARGET",
                    "targetId",
                    "Name both the kind of thing (targetType) and its id (targetId), or neither.");
        }
        return PageAnswer.of(flags.on(caller, targetType, targetId, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One flag (its raiser, and whoever may see what it is on)")
    FlagView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return flags.get(caller, id);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer a flag on what you own, or change your answer, while it is open")
    FlagView answer(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody AnswerBody body) {
        return flags.answer(caller, id, body.answer());
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolve an open flag, with an optional note (an owner of what is flagged, or its raiser)")
    FlagView resolve(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ResolveBody body) {
        return flags.resolve(caller, id, body == null ? null : body.note());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw an open flag you raised")
    FlagView withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return flags.withdraw(caller, id);
    }
}
