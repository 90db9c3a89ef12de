package dev.kept.checkins;

import dev.kept.people.Preferences;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final CheckIns entry;
    private final Clock clock;

    CheckInReminders(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            CheckIns entry,
            Clock clock) {
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

    /** A reminder not yet sent: one partner of one check-in, and how many hours ahead they want it. */
    private record Due(
            UUID checkInId, UUID organizationId, Instant startsAt, UUID personId, UUID partnerId, int hours) {}

    // each side of an active partnership with a check-in to come and no reminder yet for its time;
    // one statement for all of them, so the job costs one query a minute plus one insert per reminder
    private static final String SIDE = """
            select c.id, c.organization_id, c.starts_at, pa.%1$s as person_id, pa.%2$s as partner_id,
                   coalesce(pp.checkin_reminder_hours, :defaultHours) as hours
              from check_in c
              join partnership pa on pa.id = c.partnership_id and pa.organization_id = c.organization_id
                                 and pa.status = 'ACTIVE'
              left join person_preference pp on pp.person_id = pa.%1$s
             where c.status in ('SCHEDULED', 'MOVED') and c.starts_at > :now and c.starts_at <= :furthest
               and not exists (select 1 from checkin_reminder r
                                where r.check_in_id = c.id and r.person_id = pa.%1$s and r.starts_at = c.starts_at)
            """;

    /** Publishes {@link CheckInComing} for every reminder now due; answers how many. */
    int remind() {
        Instant now = clock.instant();
        List<Due> candidates = jdbc.sql(SIDE.formatted("inviter_id", "partner_id") + " union all "
                        + SIDE.formatted("partner_id", "inviter_id"))
                .param("defaultHours", Preferences.DEFAULTS.checkInReminderHours())
                .param("now", Timestamp.from(now))
                .param("furthest", Timestamp.from(now.plus(LONGEST_LEAD)))
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getObject("person_id", UUID.class),
                        rs.getObject("partner_id", UUID.class),
                        rs.getInt("hours")))
                .list();
        int reminded = 0;
        for (Due due : candidates) {
            if (!due.startsAt().minus(Duration.ofHours(due.hours())).isAfter(now) && remindOnce(due, now)) {
                reminded++;
            }
        }
        return reminded;
    }

    private boolean remindOnce(Due due, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int inserted = jdbc.sql("""
                                insert into checkin_reminder (check_in_id, person_id, starts_at, reminded_at)
                                values (:checkIn, :person, :startsAt, :now)
                                on conflict do nothing""")
                    .param("checkIn", due.checkInId())
                    .param("person", due.personId())
                    .param("startsAt", Timestamp.from(due.startsAt()))
                    .param("now", Timestamp.from(now))
                    .update();
            // none inserted: another instance wrote the same reminder at the same moment
            if (inserted == 1) {
                events.publishEvent(new CheckInComing(
                        due.organizationId(), due.checkInId(), due.personId(), due.partnerId(), due.startsAt()));
            }
            return inserted == 1;
        }));
    }
}
