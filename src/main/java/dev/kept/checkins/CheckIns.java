package dev.kept.checkins;

import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.commitments.RiskReason;
import dev.kept.partnerships.PartnershipChanged;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check-ins module's entry: schedules proposed and accepted, the caller's check-ins, the
 * agenda, notes, next steps and attendance. A partnership's check-ins, schedule, notes and next
 * steps are seen by its two people while it is active, and by nobody else: anyone else, and both of
 * them once it is paused, suspended or ended, gets 404, as if it did not exist. What was written
 * stays stored. Private notes are seen by their author only.
 */
@Service
public class CheckIns {

    /** The longest span one request for check-ins may cover. */
    static final Duration LONGEST_RANGE = Duration.ofDays(366);

    private final ScheduleRepository schedules;
    private final CheckInRepository checkIns;
    private final Partnerships partnerships;
    private final Commitments commitments;
    private final CommitmentLists commitmentLists;
    private final People people;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final CheckInProperties properties;
    private final Clock clock;

    CheckIns(
            ScheduleRepository schedules,
            CheckInRepository checkIns,
            Partnerships partnerships,
            Commitments commitments,
            CommitmentLists commitmentLists,
            People people,
            Accounts accounts,
            JdbcClient jdbc,
            CheckInProperties properties,
            Clock clock) {
        this.schedules = schedules;
        this.checkIns = checkIns;
        this.partnerships = partnerships;
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
        this.people = people;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Proposes a recurring check-in for one of the caller's active partnerships; the partner
     * accepts it. A proposal not yet accepted is replaced by the new one.
     */
    @Transactional
    public ScheduleView propose(Caller caller, UUID partnershipId, ScheduleTerms terms) {
        Partnerships.Pair pair = partnership(caller, partnershipId);
        requireZone(terms.timeZone());
        Instant now = clock.instant();
        pending(pair).ifPresent(old -> {
            old.supersede(now);
            schedules.save(old);
        });
        Schedule proposed = Schedule.propose(
                caller.organizationId(),
                partnershipId,
                caller.personId(),
                caller.name(),
                pair.other(caller.personId()),
                terms,
                now);
        return ScheduleView.of(schedules.save(proposed), caller.personId());
    }

    /** The partner accepts the proposed schedule; it replaces the one in effect, if any. */
    @Transactional
    public ScheduleView accept(Caller caller, UUID partnershipId) {
        Partnerships.Pair pair = partnership(caller, partnershipId);
        Schedule proposed =
                pending(pair).orElseThrow(() -> new ConflictException("There is no proposed schedule to accept."));
        Instant now = clock.instant();
        proposed.accept(caller.personId(), caller.name(), now);
        active(pair).ifPresent(old -> {
            old.supersede(now);
            schedules.save(old);
            cancelUpcoming(old, now);
        });
        Schedule accepted = schedules.save(proposed);
        layOut(accepted, now);
        return ScheduleView.of(accepted, caller.personId());
    }

    /** Declines the proposed schedule (the partner), or takes it back (its proposer). */
    @Transactional
    public ScheduleView decline(Caller caller, UUID partnershipId) {
        Partnerships.Pair pair = partnership(caller, partnershipId);
        Schedule proposed =
                pending(pair).orElseThrow(() -> new ConflictException("There is no proposed schedule to decline."));
        proposed.decline(caller.personId(), caller.name(), clock.instant());
        return ScheduleView.of(schedules.save(proposed), caller.personId());
    }

    /** Stops the schedule in effect: the check-ins to come are cancelled; those past stay. */
    @Transactional
    public ScheduleView stop(Caller caller, UUID partnershipId) {
        Partnerships.Pair pair = partnership(caller, partnershipId);
        Schedule schedule =
                active(pair).orElseThrow(() -> new ConflictException("There is no schedule in effect to stop."));
        Instant now = clock.instant();
        schedule.stop(caller.personId(), caller.name(), pair.other(caller.personId()), now);
        cancelUpcoming(schedule, now);
        return ScheduleView.of(schedules.save(schedule), caller.personId());
    }

    /** A partnership's schedule, proposal, next check-ins and attendance, for either partner. */
    @Transactional(readOnly = true)
    public PartnershipSchedule schedule(Caller caller, UUID partnershipId) {
        Partnerships.Pair pair = partnership(caller, partnershipId);
        Instant now = clock.instant();
        Optional<Schedule> active = active(pair);
        List<CheckIn> all = checkIns.findOfPartnership(caller.organizationId(), partnershipId);
        Names names = names(caller.organizationId());
        Map<UUID, Schedule> byId = schedulesOf(all);
        List<CheckInView> upcoming = all.stream()
                .filter(c -> c.getStatus().isUpcoming() && c.getStartsAt().isAfter(now))
                .limit(5)
                .map(c -> view(c, pair, caller.personId(), byId, names))
                .toList();
        return new PartnershipSchedule(
                partnershipId,
                active.map(s -> ScheduleView.of(s, caller.personId())).orElse(null),
                pending(pair).map(s -> ScheduleView.of(s, caller.personId())).orElse(null),
                upcoming,
                Consistency.of(all, now));
    }

    /** The caller's check-ins starting in [from, to), soonest first; at most a year at a time. */
    @Transactional(readOnly = true)
    public List<CheckInView> mine(Caller caller, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new RuleViolationException("RANGE", "to", "'to' must be after 'from'.");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new RuleViolationException("RANGE", "to", "Ask for at most 366 days of check-ins at a time.");
        }
        return between(caller, from, to);
    }

    /** The caller's check-ins starting in [from, to), for any span. */
    List<CheckInView> between(Caller caller, Instant from, Instant to) {
        Map<UUID, Partnerships.Pair> pairs = partnerships.pairsOf(caller).stream()
                .filter(pair -> seesCheckInsOf(pair, caller.personId()))
                .collect(Collectors.toMap(Partnerships.Pair::id, Function.identity()));
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<CheckIn> found = checkIns.findBetween(caller.organizationId(), pairs.keySet(), from, to);
        Map<UUID, Schedule> byId = schedulesOf(found);
        Names names = names(caller.organizationId());
        return found.stream()
                .map(c -> view(c, pairs.get(c.getPartnershipId()), caller.personId(), byId, names))
                .toList();
    }

    /**
     * The caller's check-ins starting in [from, to) (at most a year), soonest first, or latest first
     * when {@code latestFirst}: the page after {@code cursor} (null: the first), at most {@code limit};
     * a forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<CheckInView> page(
            Caller caller, Instant from, Instant to, boolean latestFirst, String cursor, int limit) {
        if (!to.isAfter(from)) {
            throw new RuleViolationException("RANGE", "to", "'to' must be after 'from'.");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new RuleViolationException("RANGE", "to", "Ask for at most 366 days of check-ins at a time.");
        }
        // Before the first row: a moment outside the range, so that any id passes the tie-break.
        Cursor start = new Cursor((latestFirst ? to.plusSeconds(1) : from.minusSeconds(1)).toString(), new UUID(0, 0));
        Cursor after = Cursor.orStart(cursor, Instant::parse, start);
        Map<UUID, Partnerships.Pair> pairs = partnerships.pairsOf(caller).stream()
                .filter(pair -> seesCheckInsOf(pair, caller.personId()))
                .collect(Collectors.toMap(Partnerships.Pair::id, Function.identity()));
        if (pairs.isEmpty()) {
            return Page.empty();
        }
        Instant afterAt = Instant.parse(after.position());
        List<CheckIn> rows = latestFirst
                ? checkIns.findPageLatestFirst(
                        caller.organizationId(), pairs.keySet(), from, to, afterAt, after.id(), limit + 1)
                : checkIns.findPageSoonestFirst(
                        caller.organizationId(), pairs.keySet(), from, to, afterAt, after.id(), limit + 1);
        Page<CheckIn> page =
                Page.of(rows, limit, last -> new Cursor(last.getStartsAt().toString(), last.getId()));
        Map<UUID, Schedule> byId = schedulesOf(page.items());
        Names names = names(caller.organizationId());
        return page.map(c -> view(c, pairs.get(c.getPartnershipId()), caller.personId(), byId, names));
    }

    /** One check-in, without its agenda. */
    @Transactional(readOnly = true)
    public CheckInView checkIn(Caller caller, UUID checkInId) {
        Seen seen = visible(caller, checkInId);
        return view(
                seen.checkIn(),
                seen.pair(),
                caller.personId(),
                schedulesOf(List.of(seen.checkIn())),
                names(caller.organizationId()));
    }

    /** One check-in with its agenda. */
    @Transactional(readOnly = true)
    public Agenda agenda(Caller caller, UUID checkInId) {
        Seen seen = visible(caller, checkInId);
        CheckIn checkIn = seen.checkIn();
        Partnerships.Pair pair = seen.pair();
        Names names = names(caller.organizationId());
        CheckInView view = view(checkIn, pair, caller.personId(), schedulesOf(List.of(checkIn)), names);
        List<CheckIn> all = checkIns.findOfPartnership(caller.organizationId(), pair.id());
        return new Agenda(
                view,
                agendaItems(caller, pair),
                nextSteps(checkIn, names),
                notes(caller, checkIn, names),
                Consistency.of(all, clock.instant()),
                pair.active());
    }

    /** Writes a shared or private note on a check-in. */
    @Transactional
    public Agenda.NoteView addNote(Caller caller, UUID checkInId, CheckInDrafts.Note note) {
        visible(caller, checkInId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String text = note.text().strip();
        jdbc.sql("""
                        insert into checkin_note (id, organization_id, check_in_id, author_id, text, is_private, created_at)
                        values (:id, :organization, :checkIn, :author, :text, :private, :now)""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("checkIn", checkInId)
                .param("author", caller.personId())
                .param("text", text)
                .param("private", note.isPrivate())
                .param("now", Timestamp.from(now))
                .update();
        return new Agenda.NoteView(id, caller.personId(), caller.name(), text, note.isPrivate(), now);
    }

    /** Agrees a next step at a check-in, for one of the two partners. */
    @Transactional
    public Agenda.NextStepView addNextStep(Caller caller, UUID checkInId, CheckInDrafts.NextStep step) {
        Seen seen = visible(caller, checkInId);
        CheckIn checkIn = seen.checkIn();
        Partnerships.Pair pair = seen.pair();
        if (!pair.involves(step.ownerId())) {
            throw new RuleViolationException("OWNER", "ownerId", "A next step is owned by one of the two partners.");
        }
        LocalDate today = commitments.today(caller);
        if (step.due().isBefore(today) || step.due().isAfter(today.plusYears(2))) {
            throw new RuleViolationException("DUE", "due", "A next step is due from today on, and within two years.");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into next_step (id, organization_id, partnership_id, check_in_id, text, owner_id, due,
                                               created_by_id, created_at, version)
                        values (:id, :organization, :partnership, :checkIn, :text, :owner, :due, :by, :now, 0)""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("partnership", pair.id())
                .param("checkIn", checkInId)
                .param("text", step.text().strip())
                .param("owner", step.ownerId())
                .param("due", step.due())
                .param("by", caller.personId())
                .param("now", Timestamp.from(now))
                .update();
        return new Agenda.NextStepView(
                id,
                checkInId,
                step.text().strip(),
                step.ownerId(),
                names(caller.organizationId()).of(step.ownerId()),
                step.due(),
                false,
                null,
                false);
    }

    /** Marks a next step done, or open again; either partner may. */
    @Transactional
    public void markNextStep(Caller caller, UUID stepId, boolean done) {
        UUID partnershipId = jdbc.sql(
                        "select partnership_id from next_step where id = :id and organization_id = :organization")
                .param("id", stepId)
                .param("organization", caller.organizationId())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Next step"));
        seenPartnership(caller.organizationId(), partnershipId, caller.personId())
                .orElseThrow(() -> new NotFoundException("Next step"));
        jdbc.sql("update next_step set done_at = :doneAt, version = version + 1 where id = :id")
                .param("doneAt", done ? Timestamp.from(clock.instant()) : null)
                .param("id", stepId)
                .update();
    }

    /** Records attendance: held, skipped, or moved to another time. */
    @Transactional
    public CheckInView record(Caller caller, UUID checkInId, Attendance attendance) {
        Seen seen = visible(caller, checkInId);
        CheckIn checkIn = seen.checkIn();
        Partnerships.Pair pair = seen.pair();
        checkIn.record(attendance, caller.personId(), clock.instant());
        CheckIn saved = checkIns.save(checkIn);
        return view(saved, pair, caller.personId(), schedulesOf(List.of(saved)), names(caller.organizationId()));
    }

    /**
     * What a reminder of a check-in tells one of its partners: with whom and when, and which of
     * their own commitments shared there are due soon, at risk, or silent.
     */
    public record Reminder(
            UUID checkInId,
            String partnerName,
            Instant startsAt,
            String timeZone,
            String location,
            List<String> dueSoon,
            List<String> atRisk,
            List<String> silent) {}

    /** The reminder for one partner of a check-in; empty if it is not theirs (any more). */
    @Transactional(readOnly = true)
    public Optional<Reminder> reminder(UUID organizationId, UUID checkInId, UUID personId) {
        Optional<Caller> caller = accounts.activeCaller(organizationId, personId);
        Optional<CheckIn> checkIn = checkIns.findByIdAndOrganizationId(checkInId, organizationId);
        if (caller.isEmpty() || checkIn.isEmpty()) {
            return Optional.empty();
        }
        Optional<Partnerships.Pair> pair =
                seenPartnership(organizationId, checkIn.get().getPartnershipId(), personId);
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        CheckInView view =
                view(checkIn.get(), pair.get(), personId, schedulesOf(List.of(checkIn.get())), names(organizationId));
        List<Agenda.Item> mine = agendaItems(caller.get(), pair.get()).stream()
                .filter(Agenda.Item::mine)
                .toList();
        return Optional.of(new Reminder(
                checkInId,
                view.partnerName(),
                view.startsAt(),
                view.timeZone(),
                view.location(),
                whats(mine, Agenda.Reason.DUE_SOON),
                whats(mine, Agenda.Reason.AT_RISK),
                whats(mine, Agenda.Reason.SILENT)));
    }

    private static List<String> whats(List<Agenda.Item> items, Agenda.Reason reason) {
        return items.stream()
                .filter(item -> item.reason() == reason)
                .map(item ->
                        item.commitment().what() + " (due " + item.commitment().due() + ")")
                .toList();
    }

    /** The open partnerships' ends: stops the schedule of one that ended. */
    @ApplicationModuleListener
    void on(PartnershipChanged changed) {
        if (!changed.change().ends()) {
            return;
        }
        Instant now = clock.instant();
        for (Schedule schedule : schedules.findByOrganizationIdAndPartnershipIdAndStatusIn(
                changed.organizationId(),
                changed.partnershipId(),
                EnumSet.of(ScheduleStatus.ACTIVE, ScheduleStatus.PROPOSED))) {
            if (schedule.getStatus() == ScheduleStatus.ACTIVE) {
                schedule.stop(null, null, null, now);
                cancelUpcoming(schedule, now);
            } else {
                schedule.supersede(now);
            }
            schedules.save(schedule);
        }
    }

    private int layOut(Schedule schedule, Instant now) {
        Recurrence recurrence = schedule.recurrence();
        LocalDate first = recurrence.firstAfter(schedule.getAcceptedAt());
        LocalDate until =
                now.plus(properties.horizon()).atZone(recurrence.zone()).toLocalDate();
        Optional<LocalDate> last = checkIns.lastDateOf(schedule.getId());
        List<CheckIn> added = new ArrayList<>();
        for (LocalDate date : recurrence.dates(first, until)) {
            if (last.isEmpty() || date.isAfter(last.get())) {
                added.add(CheckIn.of(schedule, date, recurrence.startOn(date)));
            }
        }
        checkIns.saveAll(added);
        return added.size();
    }

    private void cancelUpcoming(Schedule schedule, Instant now) {
        List<CheckIn> upcoming = checkIns.findUpcomingOfSchedule(schedule.getId(), now);
        upcoming.forEach(CheckIn::cancel);
        checkIns.saveAll(upcoming);
    }

    private List<Agenda.Item> agendaItems(Caller caller, Partnerships.Pair pair) {
        List<UUID> owners = new ArrayList<>();
        for (UUID side : List.of(pair.inviterId(), pair.partnerId())) {
            if (pair.isHeld(side)) {
                owners.add(side);
            }
        }
        LocalDate soon = commitments.today(caller).plusDays(RiskReason.SOON_DAYS);
        return commitmentLists.openSharedIn(caller, pair.id(), owners).stream()
                .map(c -> new Agenda.Item(c, reason(c, soon), c.ownerId().equals(caller.personId())))
                .sorted(Comparator.comparing(Agenda.Item::reason)
                        .thenComparing(item -> item.commitment().due()))
                .toList();
    }

    static Agenda.Reason reason(CommitmentView commitment, LocalDate soon) {
        if (!commitment.due().isAfter(soon)) {
            return Agenda.Reason.DUE_SOON;
        }
        List<RiskReason> reasons = commitment.riskReasons().stream()
                .map(CommitmentView.RiskView::code)
                .toList();
        if (reasons.contains(RiskReason.CONFIDENCE) || reasons.contains(RiskReason.BEHIND)) {
            return Agenda.Reason.AT_RISK;
        }
        return reasons.contains(RiskReason.SILENT) ? Agenda.Reason.SILENT : Agenda.Reason.ON_TRACK;
    }

    private List<Agenda.NextStepView> nextSteps(CheckIn checkIn, Names names) {
        return jdbc.sql("""
                        select s.id, s.check_in_id, s.text, s.owner_id, s.due, s.done_at from next_step s
                          join check_in c on c.id = s.check_in_id
                         where s.organization_id = :organization and s.partnership_id = :partnership
                           and (s.check_in_id = :checkIn or (s.done_at is null and c.starts_at <= :startsAt))
                         order by s.due, s.created_at, s.id""")
                .param("organization", checkIn.getOrganizationId())
                .param("partnership", checkIn.getPartnershipId())
                .param("checkIn", checkIn.getId())
                .param("startsAt", Timestamp.from(checkIn.getStartsAt()))
                .query((rs, row) -> {
                    UUID from = rs.getObject("check_in_id", UUID.class);
                    Timestamp doneAt = rs.getTimestamp("done_at");
                    UUID owner = rs.getObject("owner_id", UUID.class);
                    return new Agenda.NextStepView(
                            rs.getObject("id", UUID.class),
                            from,
                            rs.getString("text"),
                            owner,
                            names.of(owner),
                            rs.getObject("due", LocalDate.class),
                            doneAt != null,
                            doneAt == null ? null : doneAt.toInstant(),
                            !from.equals(checkIn.getId()));
                })
                .list();
    }

    private List<Agenda.NoteView> notes(Caller caller, CheckIn checkIn, Names names) {
        return jdbc.sql("""
                        select id, author_id, text, is_private, created_at from checkin_note
                         where organization_id = :organization and check_in_id = :checkIn
                           and (is_private = false or author_id = :viewer)
                         order by created_at, id""")
                .param("organization", caller.organizationId())
                .param("checkIn", checkIn.getId())
                .param("viewer", caller.personId())
                .query((rs, row) -> {
                    UUID author = rs.getObject("author_id", UUID.class);
                    return new Agenda.NoteView(
                            rs.getObject("id", UUID.class),
                            author,
                            names.of(author),
                            rs.getString("text"),
                            rs.getBoolean("is_private"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    CheckInView view(
            CheckIn checkIn, Partnerships.Pair pair, UUID viewerId, Map<UUID, Schedule> schedulesById, Names names) {
        Schedule schedule = schedulesById.get(checkIn.getScheduleId());
        ZoneId zone = ZoneId.of(schedule.getTimeZone());
        UUID partner = pair.other(viewerId);
        return new CheckInView(
                checkIn.getId(),
                checkIn.getPartnershipId(),
                partner,
                names.of(partner),
                checkIn.getStartsAt(),
                checkIn.endsAt(),
                schedule.getTimeZone(),
                checkIn.getStartsAt().atZone(zone).toLocalDateTime(),
                schedule.getLocation(),
                checkIn.getStatus(),
                checkIn.getMovedFrom());
    }

    Map<UUID, Schedule> schedulesOf(List<CheckIn> found) {
        Map<UUID, Schedule> byId = new HashMap<>();
        schedules
                .findAllById(
                        found.stream().map(CheckIn::getScheduleId).distinct().toList())
                .forEach(s -> byId.put(s.getId(), s));
        return byId;
    }

    /** People's names in one organization, each read once per request. */
    final class Names {
        private final UUID organizationId;
        private final Map<UUID, String> known = new HashMap<>();

        Names(UUID organizationId) {
            this.organizationId = organizationId;
        }

        String of(UUID personId) {
            return known.computeIfAbsent(
                    personId,
                    id -> people.personIn(organizationId, id)
                            .map(Person::getName)
                            .orElse("someone"));
        }
    }

    Names names(UUID organizationId) {
        return new Names(organizationId);
    }

    /** A schedule still in effect, as one of its partners sees it; empty once replaced or stopped. */
    @Transactional(readOnly = true)
    public Optional<ScheduleView> inEffect(UUID organizationId, UUID scheduleId, UUID viewerId) {
        return scheduleById(organizationId, scheduleId)
                .filter(s -> s.getStatus() == ScheduleStatus.ACTIVE)
                .map(s -> ScheduleView.of(s, viewerId));
    }

    Optional<Schedule> scheduleById(UUID organizationId, UUID scheduleId) {
        return schedules.findById(scheduleId).filter(s -> s.getOrganizationId().equals(organizationId));
    }

    /**
     * Who sees a partnership's check-ins, schedule, notes and next steps: its two people, and only
     * while it is active. The one rule for every list and every item of this module; a partnership
     * paused, suspended or ended answers as if it did not exist, and its rows stay stored.
     */
    private static boolean seesCheckInsOf(Partnerships.Pair pair, UUID personId) {
        return pair.active() && pair.involves(personId);
    }

    /** A partnership whose check-ins this person sees; empty for any other, as for an unknown one. */
    Optional<Partnerships.Pair> seenPartnership(UUID organizationId, UUID partnershipId, UUID personId) {
        return partnerships.pair(organizationId, partnershipId).filter(pair -> seesCheckInsOf(pair, personId));
    }

    /** A partnership whose check-ins the caller sees; any other answers 404 like an unknown partnership. */
    private Partnerships.Pair partnership(Caller caller, UUID partnershipId) {
        return seenPartnership(caller.organizationId(), partnershipId, caller.personId())
                .orElseThrow(() -> new NotFoundException("Partnership"));
    }

    /** A check-in the caller sees, with its partnership, read once. */
    private record Seen(CheckIn checkIn, Partnerships.Pair pair) {}

    private Seen visible(Caller caller, UUID checkInId) {
        CheckIn checkIn = checkIns.findByIdAndOrganizationId(checkInId, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Check-in"));
        Partnerships.Pair pair = seenPartnership(caller.organizationId(), checkIn.getPartnershipId(), caller.personId())
                .orElseThrow(() -> new NotFoundException("Check-in"));
        return new Seen(checkIn, pair);
    }

    private Optional<Schedule> pending(Partnerships.Pair pair) {
        return schedules.findFirstByOrganizationIdAndPartnershipIdAndStatus(
                pair.organizationId(), pair.id(), ScheduleStatus.PROPOSED);
    }

    private Optional<Schedule> active(Partnerships.Pair pair) {
        return schedules.findFirstByOrganizationIdAndPartnershipIdAndStatus(
                pair.organizationId(), pair.id(), ScheduleStatus.ACTIVE);
    }

    private static void requireZone(String timeZone) {
        try {
            ZoneId zone = ZoneId.of(timeZone);
            if (zone instanceof ZoneOffset) {
                throw new DateTimeException("an offset, not a region");
            }
            if (!CalendarZones.describes(zone)) {
                // the calendar invitation could only give its times in UTC, a day off near midnight
                throw new DateTimeException("a zone calendars do not know");
            }
        } catch (DateTimeException e) {
            throw new RuleViolationException(
                    "TIME_ZONE", "timeZone", "Name a time zone such as Europe/Berlin or America/New_York.");
        }
    }
}
