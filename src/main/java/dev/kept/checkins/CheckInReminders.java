package dev.kept.checkins;

import dev.kept.partnerships.PartnershipStatus;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.People;
import dev.kept.people.Preferences;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds both partners of a check-in as many hours ahead as each asked (24 by default). Each
 * reminder is one row of {@code checkin_reminder}, written in the same transaction as the
 * {@link CheckInComing} event that the outbox then delivers: the row's key is what makes it once
 * per person and occurrence, even when two instances run this at the same moment.
 */
@Component
class CheckInReminders {

    /** The furthest ahead anyone can ask to be reminded. */
    private static final Duration LONGEST_LEAD = Duration.ofHours(168);

    private final CheckInRepository checkIns;
    private final Partnerships partnerships;
    private final People people;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final CheckIns entry;
    private final Clock clock;

    CheckInReminders(
            CheckInRepository checkIns,
            Partnerships partnerships,
            People people,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            CheckIns entry,
            Clock clock) {
        this.checkIns = checkIns;
        this.partnerships = partnerships;
        this.people = people;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.entry = entry;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kept.checkins.remind-every:PT1M}",
            initialDelayString = "${kept.checkins.remind-first:PT1M}")
    @SchedulerLock(name = "checkin-reminders", lockAtMostFor = "PT10M")
    void onSchedule() {
        remind();
    }

    @Scheduled(cron = "${kept.checkins.extend-cron:0 17 3 * * *}", zone = "UTC")
    @SchedulerLock(name = "checkin-horizon", lockAtMostFor = "PT30M")
    void extendHorizon() {
        entry.extendAll();
    }

    /** Publishes {@link CheckInComing} for every reminder now due; answers how many. */
    int remind() {
        Instant now = clock.instant();
        int reminded = 0;
        for (CheckIn checkIn : checkIns.findStartingBetween(now, now.plus(LONGEST_LEAD))) {
            Optional<Partnerships.Pair> pair =
                    partnerships.pair(checkIn.getOrganizationId(), checkIn.getPartnershipId());
            if (pair.isEmpty() || pair.get().status() != PartnershipStatus.ACTIVE) {
                continue;
            }
            List<UUID> both = List.of(pair.get().inviterId(), pair.get().partnerId());
            Map<UUID, Preferences> preferences = people.preferencesOf(checkIn.getOrganizationId(), both);
            for (UUID person : both) {
                Duration lead = Duration.ofHours(preferences.get(person).checkInReminderHours());
                if (!checkIn.getStartsAt().minus(lead).isAfter(now)
                        && remindOnce(checkIn, person, pair.get().other(person), now)) {
                    reminded++;
                }
            }
        }
        return reminded;
    }

    private boolean reminded(CheckIn checkIn, UUID person) {
        return jdbc.sql("""
                        select count(*) from checkin_reminder
                         where check_in_id = :checkIn and person_id = :person and starts_at = :startsAt""")
                        .param("checkIn", checkIn.getId())
                        .param("person", person)
                        .param("startsAt", Timestamp.from(checkIn.getStartsAt()))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean remindOnce(CheckIn checkIn, UUID person, UUID partner, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (reminded(checkIn, person)) {
                return false;
            }
            int inserted = jdbc.sql("""
                                insert into checkin_reminder (check_in_id, person_id, starts_at, reminded_at)
                                values (:checkIn, :person, :startsAt, :now)
                                on conflict do nothing""")
                    .param("checkIn", checkIn.getId())
                    .param("person", person)
                    .param("startsAt", Timestamp.from(checkIn.getStartsAt()))
                    .param("now", Timestamp.from(now))
                    .update();
            // none inserted: another instance wrote the same reminder at the same moment
            if (inserted == 1) {
                events.publishEvent(new CheckInComing(
                        checkIn.getOrganizationId(), checkIn.getId(), person, partner, checkIn.getStartsAt()));
            }
            return inserted == 1;
        }));
    }
}
