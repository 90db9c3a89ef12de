package dev.kept.checkins;

import dev.kept.commitments.Commitments;
import dev.kept.commitments.Confidence;
import dev.kept.commitments.ProgressReport;
import dev.kept.partnerships.Cadence;
import dev.kept.partnerships.PartnershipStatus;
import dev.kept.partnerships.PartnershipView;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The check-in pages: a partnership's schedule (propose, accept, decline, stop), my check-ins, and
 * one check-in's agenda with progress, next steps, notes and attendance. Progress on an agenda item
 * is posted with htmx and answered with that item alone; without JavaScript every form posts and
 * comes back to its page.
 */
@Controller
class CheckInPages {

    /** How far ahead and back the list of my check-ins reaches. */
    static final Duration LIST_REACH = Duration.ofDays(60);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final CheckIns checkIns;
    private final Partnerships partnerships;
    private final Commitments commitments;
    private final People people;
    private final Clock clock;

    CheckInPages(CheckIns checkIns, Partnerships partnerships, Commitments commitments, People people, Clock clock) {
        this.checkIns = checkIns;
        this.partnerships = partnerships;
        this.commitments = commitments;
        this.people = people;
        this.clock = clock;
    }

    /** What the schedule form sends: when and where the two meet. */
    record ScheduleForm(
            @NotNull Cadence cadence,
            @NotNull DayOfWeek weekday,

            @NotNull @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
            LocalTime time,

            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Min(10) @Max(480) Integer durationMinutes,
            @Size(max = 500) String location) {

        ScheduleTerms terms() {
            return new ScheduleTerms(cadence, weekday, time, timeZone.strip(), durationMinutes, location);
        }

        static ScheduleForm of(ScheduleView schedule) {
            return new ScheduleForm(
                    schedule.cadence(),
                    schedule.weekday(),
                    schedule.time(),
                    schedule.timeZone(),
                    schedule.durationMinutes(),
                    schedule.location());
        }
    }

    record ProgressForm(
            @Min(0) @Max(100) Integer percent,
            @NotNull Confidence confidence,
            @Size(max = 2000) String note) {}

    record NoteForm(@NotBlank @Size(max = 4000) String text, Boolean isPrivate) {}

    record NextStepForm(
            @NotBlank @Size(max = 500) String text,
            @NotNull UUID ownerId,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate due) {}

    /**
     * A check-in as a page shows it: its local time in the schedule's zone (and where it was first
     * set for, when moved), its length, and whether it has started.
     */
    record Line(CheckInView checkIn, String when, String movedFrom, long minutes, boolean started) {

        static Line of(CheckInView checkIn, Instant now) {
            ZoneId zone = ZoneId.of(checkIn.timeZone());
            return new Line(
                    checkIn,
                    AT.format(checkIn.localStart()) + " " + checkIn.timeZone(),
                    checkIn.movedFrom() == null
                            ? null
                            : AT.format(checkIn.movedFrom().atZone(zone)) + " " + checkIn.timeZone(),
                    Duration.between(checkIn.startsAt(), checkIn.endsAt()).toMinutes(),
                    !now.isBefore(checkIn.startsAt()));
        }

        /** Still to be recorded though its time has come. */
        public boolean unrecorded() {
            return started && checkIn.upcoming();
        }
    }

    // --- a partnership's schedule -------------------------------------------------------------

    @GetMapping("/partnerships/{id}/schedule")
    String schedule(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        Shown shown = showSchedule(caller, id, model);
        PartnershipView partnership = shown.partnership();
        PartnershipSchedule schedule = shown.schedule();
        ScheduleView current =
                schedule.proposed() != null && schedule.proposed().proposedByMe()
                        ? schedule.proposed()
                        : schedule.active();
        model.addAttribute(
                "form",
                current != null
                        ? ScheduleForm.of(current)
                        : new ScheduleForm(
                                partnership.cadence() == null ? Cadence.BIWEEKLY : partnership.cadence(),
                                DayOfWeek.TUESDAY,
                                LocalTime.of(9, 0),
                                people.me(caller).getTimeZone(),
                                30,
                                ""));
        return "checkins/schedule";
    }

    @PostMapping("/partnerships/{id}/schedule")
    String propose(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ScheduleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        String done = submit(errors, model, () -> {
            checkIns.propose(caller, id, form.terms());
            redirect.addFlashAttribute(
                    "notice", "Proposed: it takes effect when " + partnerName(caller, id) + " accepts it.");
            return "redirect:/partnerships/" + id + "/schedule";
        });
        if (done != null) {
            return done;
        }
        showSchedule(caller, id, model);
        return "checkins/schedule";
    }

    @PostMapping("/partnerships/{id}/schedule/accept")
    String accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return onSchedule(
                id,
                redirect,
                "Accepted: the check-ins are planned for both of you.",
                () -> checkIns.accept(caller, id));
    }

    @PostMapping("/partnerships/{id}/schedule/decline")
    String decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return onSchedule(id, redirect, null, () -> checkIns.decline(caller, id));
    }

    @PostMapping("/partnerships/{id}/schedule/stop")
    String stop(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return onSchedule(
                id, redirect, "Stopped: the check-ins to come are cancelled.", () -> checkIns.stop(caller, id));
    }

    private record Shown(PartnershipView partnership, PartnershipSchedule schedule) {}

    private Shown showSchedule(Caller caller, UUID id, Model model) {
        PartnershipView partnership = partnerships.get(caller, id);
        PartnershipSchedule schedule = checkIns.schedule(caller, id);
        Instant now = clock.instant();
        model.addAttribute("partnership", partnership);
        model.addAttribute("schedule", schedule);
        model.addAttribute(
                "upcoming",
                schedule.upcoming().stream().map(c -> Line.of(c, now)).toList());
        model.addAttribute("canWrite", partnership.status() == PartnershipStatus.ACTIVE);
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("zones", Zones.ALL);
        return new Shown(partnership, schedule);
    }

    private String partnerName(Caller caller, UUID id) {
        return partnerships.get(caller, id).partnerName();
    }

    private static String onSchedule(
            UUID id, RedirectAttributes redirect, String notice, Supplier<ScheduleView> action) {
        try {
            ScheduleView done = action.get();
            redirect.addFlashAttribute(
                    "notice",
                    notice != null
                            ? notice
                            : done.status() == ScheduleStatus.WITHDRAWN
                                    ? "You took your proposal back."
                                    : "Declined: the schedule stays as it was.");
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/partnerships/" + id + "/schedule";
    }

    // --- my check-ins -------------------------------------------------------------------------

    /**
     * The caller's check-ins: those coming up in the next 60 days, soonest first, and the recent ones
     * of the last 60 days, latest first, each a page at a time ({@code cursor} and {@code recent} are
     * the two lists' cursors; one that does not parse starts its list over). With htmx and a cursor,
     * only the next rows of that list.
     */
    @GetMapping("/checkins")
    String mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String recent,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Instant now = clock.instant();
        boolean onlyUpcoming = htmx != null && cursor != null;
        boolean onlyRecent = htmx != null && recent != null && cursor == null;
        if (!onlyRecent) {
            Page<CheckInView> upcoming = listed(caller, now, now.plus(LIST_REACH), false, cursor);
            model.addAttribute("upcoming", lines(upcoming, now));
            model.addAttribute("moreUpcoming", PageAnswer.moreHref(upcoming));
            if (onlyUpcoming) {
                model.addAttribute("lines", model.getAttribute("upcoming"));
                model.addAttribute("moreHref", model.getAttribute("moreUpcoming"));
                model.addAttribute("listId", "upcoming-lines");
                return "checkins/list :: more-lines";
            }
        }
        Page<CheckInView> past = listed(caller, now.minus(LIST_REACH), now, true, recent);
        String moreRecent = past.hasNext()
                ? org.springframework.web.util.UriComponentsBuilder.fromPath("/checkins")
                        .queryParam("recent", past.next())
                        .build()
                        .toUriString()
                : null;
        model.addAttribute("recent", lines(past, now));
        model.addAttribute("moreRecent", moreRecent);
        if (onlyRecent) {
            model.addAttribute("lines", model.getAttribute("recent"));
            model.addAttribute("moreHref", moreRecent);
            model.addAttribute("listId", "recent-lines");
            return "checkins/list :: more-lines";
        }
        return "checkins/list";
    }

    private Page<CheckInView> listed(Caller caller, Instant from, Instant to, boolean latestFirst, String cursor) {
        return MorePages.pageOrFirst(
                after -> checkIns.page(caller, from, to, latestFirst, after, Page.DEFAULT), cursor);
    }

    private static List<Line> lines(Page<CheckInView> page, Instant now) {
        return page.items().stream().map(c -> Line.of(c, now)).toList();
    }

    // --- one check-in's agenda ----------------------------------------------------------------

    @GetMapping("/checkins/{id}")
    String agenda(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        showAgenda(caller, id, model);
        return "checkins/agenda";
    }

    @PostMapping("/checkins/{id}/progress/{commitmentId}")
    String report(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID commitmentId,
            @Valid @ModelAttribute("progressForm") ProgressForm form,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        Agenda agenda = checkIns.agenda(caller, id);
        Agenda.Item item = reportable(agenda, commitmentId);
        String problem = null;
        if (errors.hasErrors()) {
            problem = nothingSaved(errors);
        } else if (!agenda.canWrite()) {
            problem = "This partnership is no longer active: the agenda is read-only.";
        } else {
            try {
                commitments.report(
                        caller, commitmentId, new ProgressReport(form.percent(), form.confidence(), form.note()));
            } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
                problem = refused.getBody().getDetail();
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute(
                    problem == null ? "notice" : "problem", problem == null ? "Progress recorded." : problem);
            return "redirect:/checkins/" + id + "#item-" + commitmentId;
        }
        if (problem == null) {
            agenda = checkIns.agenda(caller, id);
            item = agenda.commitments().stream()
                    .filter(i -> i.commitment().id().equals(commitmentId))
                    .findFirst()
                    .orElse(item);
            model.addAttribute("itemNotice", "Progress recorded.");
        } else {
            model.addAttribute("itemProblem", problem);
        }
        model.addAttribute("item", item);
        model.addAttribute("agenda", agenda);
        model.addAttribute("confidences", Confidence.values());
        return "checkins/parts :: item";
    }

    private static Agenda.Item reportable(Agenda agenda, UUID commitmentId) {
        return agenda.commitments().stream()
                .filter(i -> i.commitment().id().equals(commitmentId) && i.mine())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Commitment"));
    }

    @PostMapping("/checkins/{id}/notes")
    String note(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        boolean isPrivate = Boolean.TRUE.equals(form.isPrivate());
        return onAgenda(caller, id, errors, model, () -> {
            checkIns.addNote(caller, id, new CheckInDrafts.Note(form.text(), isPrivate));
            redirect.addFlashAttribute(
                    "notice", isPrivate ? "Your private note is saved: only you see it." : "Your note is shared.");
            return "redirect:/checkins/" + id + "#notes";
        });
    }

    @PostMapping("/checkins/{id}/next-steps")
    String nextStep(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("stepForm") NextStepForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return onAgenda(caller, id, errors, model, () -> {
            checkIns.addNextStep(caller, id, new CheckInDrafts.NextStep(form.text(), form.ownerId(), form.due()));
            redirect.addFlashAttribute("notice", "Next step agreed.");
            return "redirect:/checkins/" + id + "#next-steps";
        });
    }

    @PostMapping("/checkins/{id}/next-steps/{stepId}")
    String markNextStep(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID stepId,
            @RequestParam(defaultValue = "false") boolean done,
            RedirectAttributes redirect) {
        checkIns.checkIn(caller, id);
        try {
            checkIns.markNextStep(caller, stepId, done);
            redirect.addFlashAttribute("notice", done ? "Next step done." : "Next step open again.");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/checkins/" + id + "#next-steps";
    }

    @PostMapping("/checkins/{id}/attendance")
    String attendance(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String movedTo,
            RedirectAttributes redirect) {
        CheckInView checkIn = checkIns.checkIn(caller, id);
        try {
            Attendance attendance = attendance(status, movedTo, ZoneId.of(checkIn.timeZone()));
            CheckInView recorded = checkIns.record(caller, id, attendance);
            redirect.addFlashAttribute(
                    "notice",
                    switch (attendance.status()) {
                        case HELD -> "Recorded as held.";
                        case SKIPPED -> "Recorded as skipped.";
                        case MOVED -> "Moved to " + AT.format(recorded.localStart()) + " " + recorded.timeZone() + ".";
                    });
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/checkins/" + id;
    }

    /** Reads the attendance buttons; a time to move to is local to the check-in's zone. */
    private static Attendance attendance(String status, String movedTo, ZoneId zone) {
        Attendance.Status said;
        try {
            said = Attendance.Status.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolationException("STATUS", "status", "Choose held, skipped or a time to move it to.");
        }
        if (said != Attendance.Status.MOVED) {
            return new Attendance(said, null);
        }
        if (movedTo == null || movedTo.isBlank()) {
            throw new RuleViolationException("MOVED_TO", "movedTo", "Say when the check-in moves to.");
        }
        try {
            return new Attendance(
                    said, LocalDateTime.parse(movedTo.strip()).atZone(zone).toInstant());
        } catch (DateTimeException malformed) {
            throw new RuleViolationException(
                    "MOVED_TO", "movedTo", "Give the new time as a date and a time, such as 2026-12-01T09:30.");
        }
    }

    /** A form posted on the agenda: done, it redirects; refused, the agenda shows why. */
    private String onAgenda(Caller caller, UUID id, BindingResult errors, Model model, Supplier<String> action) {
        String done = submit(errors, model, action);
        if (done != null) {
            return done;
        }
        showAgenda(caller, id, model);
        return "checkins/agenda";
    }

    /**
     * Runs a valid form's action and answers where to go next; null when the form is to be shown
     * again, with a broken rule at its field or a refusal as the page's problem.
     */
    private static String submit(BindingResult errors, Model model, Supplier<String> action) {
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return action.get();
        } catch (RuleViolationException broken) {
            broken.rejectOn(errors);
        } catch (ConflictException refused) {
            model.addAttribute("problem", refused.getBody().getDetail());
        }
        return null;
    }

    private void showAgenda(Caller caller, UUID id, Model model) {
        Agenda agenda = checkIns.agenda(caller, id);
        Line line = Line.of(agenda.checkIn(), clock.instant());
        model.addAttribute("agenda", agenda);
        model.addAttribute("line", line);
        model.addAttribute("confidences", Confidence.values());
        model.addAttribute("moveTo", INPUT.format(agenda.checkIn().localStart()));
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", new NoteForm("", false));
        }
        if (!model.containsAttribute("stepForm")) {
            model.addAttribute(
                    "stepForm",
                    new NextStepForm(
                            "", caller.personId(), commitments.today(caller).plusDays(7)));
        }
    }

    private static String nothingSaved(BindingResult errors) {
        return "Nothing was saved: "
                + errors.getFieldErrors().stream().map(CheckInPages::describe).collect(Collectors.joining("; "))
                + ".";
    }

    private static String describe(FieldError error) {
        String message = error.isBindingFailure() ? "has the wrong format" : error.getDefaultMessage();
        return error.getField() + " " + message;
    }

    /** The region time zones a schedule can name, for the form's suggestions. */
    static final class Zones {
        static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
                .filter(zone -> zone.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                .sorted()
                .toList();

        private Zones() {}
    }
}
