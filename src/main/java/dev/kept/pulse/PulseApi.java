package dev.kept.pulse;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
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

/** The accountability pulse over the API: settings (admins), answering (members), results. */
@Answers(
        status = 404,
        description = "There is no such pulse or round, or none the caller is asked or may see results of;"
                + " a guest sees none")
@RestController
@RequestMapping("/api/v1/pulses")
@Tag(name = "Pulse")
class PulseApi {

    private final Pulses pulses;

    PulseApi(Pulses pulses) {
        this.pulses = pulses;
    }

    /** A pulse's new state. */
    record StatusChange(@NotNull PulseStatus status) {}

    @GetMapping
    @Operation(summary = "The pulses you see, newest first: all for an admin, your team's or the one you lead's")
    ResponseEntity<PageAnswer<PulseSummary>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(pulses.list(caller, cursor, Page.limitOr(limit)), limit);
    }

    @PostMapping
    @Operation(summary = "Set up a pulse (admins); one starting today opens its first round at once")
    ResponseEntity<PulseView> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PulseDraft draft) {
        PulseView created = pulses.create(caller, draft);
        return ResponseEntity.created(URI.create("/api/v1/pulses/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A pulse's settings")
    PulseView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return pulses.get(caller, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a pulse (admins); its questions only until its first round opens")
    PulseView update(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody PulseDraft draft) {
        return pulses.update(caller, id, draft);
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Pause, resume (ACTIVE) or close a pulse (admins)")
    PulseView status(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return pulses.changeStatus(caller, id, change.status());
    }

    @GetMapping("/asked")
    @Operation(summary = "The open rounds you are asked to answer, newest first, each saying whether you have")
    ResponseEntity<PageAnswer<AskedRound>> asked(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(pulses.asked(caller, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/rounds/{round}")
    @Operation(summary = "A round you are asked to answer, with its questions")
    Pulses.Ballot ballot(@AuthenticationPrincipal Caller caller, @PathVariable UUID round) {
        return pulses.ballot(caller, round);
    }

    @PostMapping("/rounds/{round}/answers")
    @Operation(
            summary = "Answer an open round once, anonymously: a score from 1 to 5 per question, in order,"
                    + " and an optional comment")
    @Answers(status = 422, description = "The round is closed, you have already answered it, or a score is missing")
    ResponseEntity<Void> answer(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID round, @Valid @RequestBody AnswerDraft draft) {
        pulses.answer(caller, round, draft);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/results")
    @Operation(
            summary = "A closed round's results (the latest unless round names another) for each team you see and"
                    + " all teams, and the last closed rounds over time; groups below the pulse's minimum show"
                    + " nothing")
    PulseReport results(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam(required = false) UUID round) {
        return pulses.report(caller, id, round);
    }

    @GetMapping("/{id}/results.csv")
    @Operation(summary = "A closed round's results as CSV, the same figures as the results page")
    ResponseEntity<String> csv(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam(required = false) UUID round) {
        return csvAnswer(pulses.report(caller, id, round));
    }

    static ResponseEntity<String> csvAnswer(PulseReport report) {
        String name =
                "pulse-" + (report.round() == null ? "results" : report.round().opensOn()) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(PulseCsv.of(report));
    }
}
