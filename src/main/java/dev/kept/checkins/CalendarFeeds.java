package dev.kept.checkins;

import dev.kept.commitments.CommitmentFilter;
import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.SecretTokens;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
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
    private final CommitmentLists commitmentLists;
    private final People people;
    private final Accounts accounts;
    private final String baseUrl;
    private final InternetAddress sender;
    private final Clock clock;

    CalendarFeeds(
            JdbcClient jdbc,
            CheckInRepository checkIns,
            CheckIns entry,
            Commitments commitments,
            CommitmentLists commitmentLists,
            People people,
            Accounts accounts,
            @Value("${kept.base-url:http://localhost:8080}") String baseUrl,
            @Value("${kept.mail-from:Kept <no-reply@kept.local>}") String mailFrom,
            Clock clock) {
        this.jdbc = jdbc;
        this.checkIns = checkIns;
        this.entry = entry;
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
        this.people = people;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
        this.sender = address(mailFrom);
        this.clock = clock;
    }

    private static InternetAddress address(String mailFrom) {
        try {
            return new InternetAddress(mailFrom, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("kept.mail-from is not an e-mail address: " + mailFrom, e);
        }
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
                .flatMap(owner -> accounts.activeCaller(owner.getKey(), owner.getValue()))
                .map(this::calendarOf);
    }

    private String calendarOf(Caller caller) {
        Instant now = clock.instant();
        CalendarZones zones = new CalendarZones();
        List<VEvent> events = new ArrayList<>();
        for (CheckInView checkIn : entry.between(caller, now.minus(PAST), now.plus(AHEAD))) {
            if (checkIn.status() == CheckInStatus.SKIPPED) {
                continue;
            }
            ZoneId zone = ZoneId.of(checkIn.timeZone());
            VEvent event = event(
                    zones.at(checkIn.startsAt(), zone),
                    zones.at(checkIn.endsAt(), zone),
                    "Check-in with " + checkIn.partnerName(),
                    checkIn.id() + "@kept",
                    now);
            event.add(new Url(URI.create(baseUrl + "/checkins/" + checkIn.id())));
            if (checkIn.location() != null) {
                event.add(new Location(checkIn.location()));
            }
            events.add(event);
        }
        for (CommitmentView commitment :
                commitmentLists.list(caller, caller.personId(), CommitmentFilter.OPEN, MOST_DUE_DATES, 0)) {
            VEvent due = event(commitment.due(), null, "Commitment due", "due-" + commitment.id() + "@kept", now);
            due.add(new Url(URI.create(baseUrl + "/commitments/" + commitment.id())));
            events.add(due);
        }
        return calendar(null, zones, events);
    }

    /**
     * The invitation a schedule's e-mail carries: the recurring check-in from its first occurrence,
     * in the schedule's time zone, titled with the partner's name. As an iTIP request (RFC 5546) it
     * names an organizer, Kept itself as the sender of its e-mails, and one attendee, the recipient,
     * so that neither partner's address travels to the other.
     */
    @Transactional(readOnly = true)
    public Optional<String> invitation(UUID organizationId, UUID scheduleId, UUID recipientId) {
        return entry.scheduleById(organizationId, scheduleId)
                .filter(s -> s.getAcceptedAt() != null)
                .flatMap(schedule -> entry.seenPartnership(organizationId, schedule.getPartnershipId(), recipientId)
                        .flatMap(pair -> people.personIn(organizationId, recipientId)
                                .map(recipient -> invitation(
                                        schedule,
                                        recipient,
                                        entry.names(organizationId).of(pair.other(recipientId))))));
    }

    private String invitation(Schedule schedule, Person recipient, String partnerName) {
        Recurrence recurrence = schedule.recurrence();
        LocalDate first = recurrence.firstAfter(schedule.getAcceptedAt());
        Instant start =
                ZonedDateTime.of(first, recurrence.time(), recurrence.zone()).toInstant();
        CalendarZones zones = new CalendarZones();
        VEvent event = event(
                zones.at(start, recurrence.zone()),
                zones.at(start.plus(Duration.ofMinutes(schedule.getDurationMinutes())), recurrence.zone()),
                "Check-in with " + partnerName,
                "schedule-" + schedule.getId() + "@kept",
                clock.instant());
        event.add(new RRule<>(recurrence.rrule(first)));
        Organizer organizer = new Organizer(URI.create("mailto:" + sender.getAddress()));
        if (sender.getPersonal() != null) {
            organizer.add(new Cn(sender.getPersonal()));
        }
        event.add(organizer);
        Attendee attendee = new Attendee(URI.create("mailto:" + recipient.getEmail()));
        attendee.add(new Cn(recipient.getName()));
        attendee.add(Rsvp.FALSE);
        event.add(attendee);
        event.add(new Url(URI.create(baseUrl + "/partnerships/" + schedule.getPartnershipId() + "/schedule")));
        if (schedule.getLocation() != null) {
            event.add(new Location(schedule.getLocation()));
        }
        return calendar(Method.VALUE_REQUEST, zones, List.of(event));
    }

    /** An event with exactly one DTSTAMP, the time the calendar was made; {@code end} may be null. */
    private static VEvent event(Temporal start, Temporal end, String summary, String uid, Instant now) {
        VEvent event = new VEvent(false);
        event.add(new DtStamp(now));
        event.add(new Uid(uid));
        event.add(new DtStart<>(start));
        if (end != null) {
            event.add(new DtEnd<>(end));
        }
        event.add(new Summary(summary));
        return event;
    }

    private static String calendar(String method, CalendarZones zones, List<VEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (method != null) {
            calendar.add(new Method(method));
        }
        zones.definitions().forEach(calendar::add);
        events.forEach(calendar::add);
        return calendar.toString();
    }
}
