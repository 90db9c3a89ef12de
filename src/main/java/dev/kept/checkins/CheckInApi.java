package dev.kept.checkins;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import dev.kept.shared.Problems;
import dev.kept.shared.StorableTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Check-in schedules, the caller's check-ins, agendas, notes, next steps and attendance over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Check-ins")
class CheckInApi {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(31);

    private final CheckIns checkIns;
    private final dev.kept.people.People people;
    private final java.time.Clock clock;

    CheckInApi(CheckIns checkIns, dev.kept.people.People people, java.time.Clock clock) {
        this.checkIns = checkIns;
        this.people = people;
        this.clock = clock;
    }

    record Done(@NotNull Boolean done) {}

    @PutMapping("/partnerships/{id}/schedule")
    @Operation(summary = "Propose a recurring check-in for an active partnership; the partner accepts it")
    ScheduleView propose(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ScheduleTerms terms) {
        return checkIns.propose(caller, id, terms);
    }

    @GetMapping("/partnerships/{id}/schedule")
    @Operation(summary = "The schedule in effect, a proposal awaiting an answer, the next check-ins and the attendance")
    PartnershipSchedule schedule(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return checkIns.schedule(caller, id);
    }

    @PostMapping("/partnerships/{id}/schedule/accept")
    @Operation(summary = "Accept the schedule your partner proposed; it replaces the one in effect")
    ScheduleView accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return checkIns.accept(caller, id);
    }

    @PostMapping("/partnerships/{id}/schedule/decline")
    @Operation(summary = "Decline the proposed schedule (your partner's) or take it back (yours)")
    ScheduleView decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return checkIns.decline(caller, id);
    }

    @DeleteMapping("/partnerships/{id}/schedule")
    @Operation(summary = "Stop the schedule in effect; the check-ins to come are cancelled")
    ScheduleView stop(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return checkIns.stop(caller, id);
    }

    @Answers(
            status = 422,
            description = "'to' is not after 'from', or the range is longer than 366 days (reason RANGE)")
    @GetMapping("/checkins")
    @Operation(
            summary = "The caller's check-ins from 'from' to 'to' (dates in the caller's time zone, or instants);"
                    + " by default the next 31 days, at most 366 days at a time; soonest first, or latest first with"
                    + " order=latest")
    ResponseEntity<PageAnswer<CheckInView>> mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Order order,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        ZoneId zone = ZoneId.of(people.me(caller).getTimeZone());
        Instant start = from == null ? clock.instant() : instant("from", from, zone);
        Instant end = to == null ? start.plus(DEFAULT_RANGE) : instant("to", to, zone);
        return PageAnswer.of(
                checkIns.page(caller, start, end, order == Order.latest, cursor, Page.limitOr(limit)), limit);
    }

    /** The order of a list of check-ins. */
    enum Order {
        soonest,
        latest
    }

    @GetMapping("/checkins/{id}")
    @Operation(summary = "A check-in's agenda: shared commitments, next steps, notes and attendance")
    Agenda agenda(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return checkIns.agenda(caller, id);
    }

    @PostMapping("/checkins/{id}/notes")
    @Operation(summary = "Write a note: shared with your partner, or private (only you ever see it)")
    ResponseEntity<Agenda.NoteView> note(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody CheckInDrafts.Note note) {
        return ResponseEntity.created(URI.create("/api/v1/checkins/" + id)).body(checkIns.addNote(caller, id, note));
    }

    @PostMapping("/checkins/{id}/next-steps")
    @Operation(summary = "Agree a next step for one of the two partners, carried to the next agenda until done")
    ResponseEntity<Agenda.NextStepView> nextStep(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody CheckInDrafts.NextStep step) {
        return ResponseEntity.created(URI.create("/api/v1/checkins/" + id))
                .body(checkIns.addNextStep(caller, id, step));
    }

    @PostMapping("/next-steps/{id}/done")
    @Operation(summary = "Mark a next step done (or open again)")
    ResponseEntity<Void> markNextStep(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Done done) {
        checkIns.markNextStep(caller, id, done.done());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/checkins/{id}/attendance")
    @Operation(summary = "Record a check-in as HELD, SKIPPED, or MOVED (with movedTo)")
    CheckInView attendance(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Attendance attendance) {
        return checkIns.record(caller, id, attendance);
    }

    private static Instant instant(String name, String value, ZoneId zone) {
        try {
            Instant instant = value.length() <= 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : Instant.parse(value);
            if (StorableTime.contains(instant)) {
                return instant;
            }
        } catch (DateTimeException malformed) {
            // answered below, like a value out of range
        }
        String expected = "must be a date (2026-11-23) or an instant (2026-11-23T09:00:00Z) between the years "
                + StorableTime.FIRST_DAY.getYear() + " and " + StorableTime.LAST_DAY.getYear();
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "'" + name + "' " + expected + ".");
        problem.setProperty("errors", List.of(Map.of("field", name, "message", expected)));
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
