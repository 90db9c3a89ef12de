package dev.kept.matching.programs;

import dev.kept.matching.programs.Views.PairView;
import dev.kept.matching.programs.Views.ProfileView;
import dev.kept.matching.programs.Views.ProgramView;
import dev.kept.matching.programs.Views.ProposalView;
import dev.kept.matching.programs.Views.RunSummary;
import dev.kept.matching.programs.Views.RunView;
import dev.kept.matching.programs.Views.TrioView;
import dev.kept.matching.programs.Views.UnmatchedView;
import dev.kept.people.Caller;
import dev.kept.shared.Answers;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Matching programs, opting in, runs and each person's matches over the API. */
@Answers(
        status = 404,
        description =
                "There is nothing at this address, or nothing the caller may see; a guest sees no matching programs at all")
@RestController
@RequestMapping("/api/v1/matching")
@Tag(name = "Matching")
class MatchingApi {

    private final MatchingPrograms programs;

    MatchingApi(MatchingPrograms programs) {
        this.programs = programs;
    }

    record Coaches(@NotNull @Size(max = 50) List<@NotNull UUID> personIds) {}

    @PostMapping("/programs")
    @Operation(
            summary = "Set up a matching program (admins): who may join (teamIds, or everyone), the opt-in deadline,"
                    + " rules, weights and coaches")
    ResponseEntity<ProgramView> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody ProgramDraft draft) {
        ProgramView created = programs.create(caller, draft);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @GetMapping("/programs")
    @Operation(summary = "The matching programs of your organization, newest first, a page at a time")
    ResponseEntity<PageAnswer<ProgramView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(programs.list(caller, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/programs/{id}")
    @Operation(summary = "One matching program")
    ProgramView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return programs.get(caller, id);
    }

    @NeverAnswers(409)
    @PutMapping("/programs/{id}")
    @Operation(summary = "Change a program's settings (admins): the same fields as on creation")
    ProgramView update(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ProgramDraft draft) {
        return programs.update(caller, id, draft);
    }

    @NeverAnswers(409)
    @PutMapping("/programs/{id}/coaches")
    @Operation(summary = "Name the members who coach people a run leaves unmatched (admins)")
    ProgramView coaches(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Coaches coaches) {
        return programs.setCoaches(caller, id, coaches.personIds());
    }

    @PostMapping("/programs/{id}/participants")
    @Operation(
            summary = "Opt in with your profile (201), or update it (200); competitors replace your private"
                    + " competitor declarations, which nobody else sees")
    ResponseEntity<ProfileView> optIn(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ProfileDraft draft) {
        MatchingPrograms.OptedIn opted = programs.optIn(caller, id, draft);
        return ResponseEntity.status(opted.joined() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(opted.profile());
    }

    @GetMapping("/programs/{id}/participants/me")
    @Operation(summary = "Your profile in a program")
    ProfileView profile(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return programs.profile(caller, id);
    }

    @DeleteMapping("/programs/{id}/participants")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Opt out of a program (not while in a pending or accepted match of it)")
    void optOut(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        programs.optOut(caller, id);
    }

    @NeverAnswers(409)
    @PostMapping("/programs/{id}/runs")
    @Operation(
            summary = "Match everyone waiting for a partner (admins): pairs, trios and unmatched people (offered a"
                    + " coach), each pair and trio a proposal its people accept or decline; answers the run as"
                    + " GET .../runs/{runId} does")
    ResponseEntity<RunView> run(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        RunView run = programs.run(caller, id);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{runId}")
                        .buildAndExpand(run.id())
                        .toUri())
                .body(withPairsAddress(run));
    }

    @Answers(status = 403, description = "Only an organization admin sees a program's runs")
    @GetMapping("/programs/{id}/runs")
    @Operation(summary = "The runs of a program, newest first, a page at a time (admins)")
    ResponseEntity<PageAnswer<RunSummary>> runs(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(programs.runs(caller, id, cursor, Page.limitOr(limit)), limit);
    }

    @Answers(status = 403, description = "Only an organization admin sees a program's runs")
    @GetMapping("/programs/{id}/runs/{runId}")
    @Operation(
            summary = "One run of a program (admins): how many pairs, trios, unmatched people and coach offers it"
                    + " made, what became of its proposals, its total score, and the first page of its pairs"
                    + " (pairsNext: the address of the next page, null when these are all)")
    RunView run(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID runId) {
        return withPairsAddress(programs.run(caller, id, runId));
    }

    @Answers(status = 403, description = "Only an organization admin sees a program's runs")
    @GetMapping("/programs/{id}/runs/{runId}/pairs")
    @Operation(
            summary = "A run's pairs in the order it made them, a page at a time (admins): each with its two people's"
                    + " names, its score and reasons, and what became of its proposal")
    ResponseEntity<PageAnswer<PairView>> pairs(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID runId,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(programs.pairs(caller, id, runId, cursor, Page.limitOr(limit)), limit);
    }

    @Answers(status = 403, description = "Only an organization admin sees a program's runs")
    @GetMapping("/programs/{id}/runs/{runId}/trios")
    @Operation(
            summary = "A run's trios (a pair joined by a third) in the order it made them, a page at a time"
                    + " (admins): each with its people's names and what became of its proposal")
    ResponseEntity<PageAnswer<TrioView>> trios(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID runId,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(programs.trios(caller, id, runId, cursor, Page.limitOr(limit)), limit);
    }

    @Answers(status = 403, description = "Only an organization admin sees a program's runs")
    @GetMapping("/programs/{id}/runs/{runId}/unmatched")
    @Operation(
            summary = "The people a run left without a partner, a page at a time (admins): each with their name and"
                    + " the coach offered to them (coachOffer, null when no coach could be)")
    ResponseEntity<PageAnswer<UnmatchedView>> unmatched(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID runId,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(programs.unmatched(caller, id, runId, cursor, Page.limitOr(limit)), limit);
    }

    // the run's next page of pairs as the address of GET .../runs/{runId}/pairs
    private static RunView withPairsAddress(RunView run) {
        if (run.pairsNext() == null) {
            return run;
        }
        return run.withPairsNext(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/matching/programs/{id}/runs/{runId}/pairs")
                .queryParam("cursor", run.pairsNext())
                .queryParam("limit", Page.DEFAULT)
                .buildAndExpand(run.programId(), run.id())
                .toUriString());
    }

    @GetMapping("/proposals")
    @Operation(summary = "Your matches and coach offers, newest first, a page at a time, each with why you fit")
    ResponseEntity<PageAnswer<ProposalView>> proposals(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(programs.proposals(caller, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/proposals/{id}")
    @Operation(summary = "One of your matches or coach offers")
    ProposalView proposal(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return programs.proposal(caller, id);
    }

    @PostMapping("/proposals/{id}/accept")
    @Operation(
            summary = "Accept a match or a coach offer; once everyone in it has, the partnerships are formed (422"
                    + " if a partnership rule no longer holds)")
    ProposalView accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return programs.accept(caller, id);
    }

    @PostMapping("/proposals/{id}/decline")
    @Operation(summary = "Decline a match or a coach offer: you take part in the next run, never with them again")
    ProposalView decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return programs.decline(caller, id);
    }
}
