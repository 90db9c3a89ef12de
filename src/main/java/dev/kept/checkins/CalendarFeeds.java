package dev.kept.checkins;

import dev.kept.commitments.CommitmentFilter;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.SecretTokens;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's secret calendar feed (iCalendar): their check-ins and the due dates of their open
 * commitments. The address holds a random token of 256 bits; Kept keeps only its hash, so the
 * address is shown once, when it is made, and making a new one kills the old one. The feed names
 * the partner of a check-in and never a commitment's text: a calendar is often shared or synced to
 * places Kept does not control.
 */
@Service
public class CalendarFeeds {

    private static final String PRODUCT = "-//Kept//Check-ins//EN";
    private static final Duration PAST = Duration.ofDays(90);
    private static final Duration AHEAD = Duration.ofDays(366);
    private static final int MOST_DUE_DATES = 500;

    private final JdbcClient jdbc;
    private final CheckInRepository checkIns;
    private final CheckIns entry;
    private final Commitments commitments;
    private final People people;
    private final String baseUrl;
    private final Clock clock;

    CalendarFeeds(
            JdbcClient jdbc,
            CheckInRepository checkIns,
            CheckIns entry,
            Commitments commitments,
            People people,
            @Value("${kept.base-url:http://localhost:8080}") String baseUrl,
            Clock clock) {
        this.jdbc = jdbc;
        this.checkIns = checkIns;
        this.entry = entry;
        this.commitments = commitments;
        this.people = people;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Whether the caller has a feed, and since when. */
    public record Feed(boolean active, Instant createdAt) {}

    /** The caller's feed, without its address (which only its creation shows). */
    @Transactional(readOnly = true)
    public Feed feed(Caller caller) {
        return jdbc.sql(
                        "select created_at from calendar_feed where person_id = :person and organization_id = :organization")
                .param("person", caller.personId())
                .param("organization", caller.organizationId())
                .query((rs, row) -> new Feed(true, rs.getTimestamp("created_at").toInstant()))
                .optional()
                .orElse(new Feed(false, null));
    }

    /** Makes a new secret address for the caller's feed; the old one stops working at once. */
    @Transactional
    public URI renew(Caller caller) {
        String token = SecretTokens.generate("cal_");
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql(
                        "update calendar_feed set token_hash = :hash, created_at = :now where person_id = :person")
                .param("hash", SecretTokens.hash(token))
                .param("now", now)
                .param("person", caller.personId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into calendar_feed (person_id, organization_id, token_hash, created_at)
                            values (:person, :organization, :hash, :now)""")
                    .param("person", caller.personId())
                    .param("organization", caller.organizationId())
                    .param("hash", SecretTokens.hash(token))
                    .param("now", now)
                    .update();
        }
        return URI.create(baseUrl + "/calendar/" + token + ".ics");
    }

    /** Turns the caller's feed off: its address answers 404 from now on. */
    @Transactional
    public void revoke(Caller caller) {
        jdbc.sql("delete from calendar_feed where person_id = :person")
                .param("person", caller.personId())
                .update();
    }

    /** The feed behind a token, as iCalendar text; empty for a token that is unknown or was replaced. */
    @Transactional(readOnly = true)
    public Optional<String> ics(String token) {
        return jdbc.sql("select organization_id, person_id from calendar_feed where token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, row) ->
                        Map.entry(rs.getObject("organization_id", UUID.class), rs.getObject("person_id", UUID.class)))
                .optional()
                .flatMap(owner -> people.activeCaller(owner.getKey(), owner.getValue()))
                .map(this::calendarOf);
    }

    private String calendarOf(Caller caller) {
        Instant now = clock.instant();
        Calendar calendar = calendar(null);
        List<CheckInView> occurrences = entry.between(caller, now.minus(PAST), now.plus(AHEAD));
        TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
        occurrences.stream()
                .map(CheckInView::timeZone)
                .distinct()
                .forEach(zone -> calendar.add(zones.getTimeZone(zone).getVTimeZone()));
        for (CheckInView checkIn : occurrences) {
            if (checkIn.status() == CheckInStatus.SKIPPED) {
                continue;
            }
            ZoneId zone = ZoneId.of(checkIn.timeZone());
            VEvent event = new VEvent(
                    checkIn.startsAt().atZone(zone),
                    checkIn.endsAt().atZone(zone),
                    "Check-in with " + checkIn.partnerName());
            event.add(new Uid(checkIn.id() + "@kept"));
            event.add(new DtStamp(now));
            event.add(new Url(URI.create(baseUrl + "/checkins/" + checkIn.id())));
            if (checkIn.location() != null) {
                event.add(new Location(checkIn.location()));
            }
            calendar.add(event);
        }
        for (CommitmentView commitment :
                commitments.list(caller, caller.personId(), CommitmentFilter.OPEN, MOST_DUE_DATES, 0)) {
            VEvent due = new VEvent(commitment.due(), "Commitment due");
            due.add(new Uid("due-" + commitment.id() + "@kept"));
            due.add(new DtStamp(now));
            due.add(new Url(URI.create(baseUrl + "/commitments/" + commitment.id())));
            calendar.add(due);
        }
        return calendar.toString();
    }

    /**
     * The invitation a schedule's e-mail carries: the recurring check-in from its first occurrence,
     * in the schedule's time zone, titled with the partner's name.
     */
    @Transactional(readOnly = true)
    public Optional<String> invitation(UUID organizationId, UUID scheduleId, UUID recipientId) {
        return entry.scheduleById(organizationId, scheduleId)
                .filter(s -> s.getAcceptedAt() != null)
                .flatMap(schedule -> entry.seenPartnership(organizationId, schedule.getPartnershipId(), recipientId)
                        .map(pair ->
                                invitation(schedule, entry.names(organizationId).of(pair.other(recipientId)))));
    }

    private String invitation(Schedule schedule, String partnerName) {
        Recurrence recurrence = schedule.recurrence();
        java.time.LocalDate first = recurrence.firstAfter(schedule.getAcceptedAt());
        ZonedDateTime start = ZonedDateTime.of(first, recurrence.time(), recurrence.zone());
        Calendar calendar = calendar(Method.VALUE_REQUEST);
        calendar.add(TimeZoneRegistryFactory.getInstance()
                .createRegistry()
                .getTimeZone(schedule.getTimeZone())
                .getVTimeZone());
        VEvent event =
                new VEvent(start, start.plusMinutes(schedule.getDurationMinutes()), "Check-in with " + partnerName);
        event.add(new Uid("schedule-" + schedule.getId() + "@kept"));
        event.add(new DtStamp(clock.instant()));
        event.add(new RRule<ZonedDateTime>(recurrence.rrule(first)));
        event.add(new Url(URI.create(baseUrl + "/partnerships/" + schedule.getPartnershipId() + "/schedule")));
        if (schedule.getLocation() != null) {
            event.add(new Location(schedule.getLocation()));
        }
        calendar.add(event);
        return calendar.toString();
    }

    private static Calendar calendar(String method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (method != null) {
            calendar.add(new Method(method));
        }
        return calendar;
    }
}
