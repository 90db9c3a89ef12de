package dev.kept.checkins;

import dev.kept.people.Preferences;
import dev.kept.shared.JobBatches;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    private static final Logger log = LoggerFactory.getLogger(CheckInReminders.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final NamedParameterJdbcTemplate inserts;
    private final HorizonExtension horizon;
    private final JobBatches batches;
    private final Clock clock;

    CheckInReminders(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            NamedParameterJdbcTemplate inserts,
            HorizonExtension horizon,
            JobBatches batches,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.inserts = inserts;
        this.horizon = horizon;
        this.batches = batches;
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
        horizon.extendAll();
    }

    /** A reminder now due and not yet sent: one partner of one check-in. */
    private record Due(UUID checkInId, UUID organizationId, Instant startsAt, UUID personId, UUID partnerId) {}

    // each side of an active partnership with a check-in to come, within as many hours as that side
    // asked, and no reminder yet for its time; the range on starts_at is the index's
    private static final String SIDE = """
            select c.id, c.organization_id, c.starts_at, pa.%1$s as person_id, pa.%2$s as partner_id
              from check_in c
              join partnership pa on pa.id = c.partnership_id and pa.organization_id = c.organization_id
                                 and pa.status = 'ACTIVE'
              left join person_preference pp on pp.person_id = pa.%1$s
             where c.status in ('SCHEDULED', 'MOVED') and c.starts_at > :now and c.starts_at <= :furthest
               and c.starts_at - coalesce(pp.checkin_reminder_hours, :defaultHours) * interval '1' hour <= :now
               and not exists (select 1 from checkin_reminder r
                                where r.check_in_id = c.id and r.person_id = pa.%1$s and r.starts_at = c.starts_at)
            """;

    private static final String BATCH = "select * from (" + SIDE.formatted("inviter_id", "partner_id") + " union all "
            + SIDE.formatted("partner_id", "inviter_id") + ") due order by due.starts_at, due.id, due.person_id"
            + " limit :limit";

    private static final String REMIND = """
            insert into checkin_reminder (check_in_id, person_id, starts_at, reminded_at)
            values (:checkIn, :person, :startsAt, :now)
            on conflict do nothing""";

    /**
     * Publishes {@link CheckInComing} for every reminder now due; answers how many. A batch of them is
     * read in one query and written in one batched insert, in its own transaction with its events;
     * a reminder written, here or by another instance, is not read again, so batches follow one
     * another until one comes back short.
     */
    int remind() {
        Instant now = clock.instant();
        int reminded = 0;
        while (true) {
            Batch batch;
            try {
                batch = transactions.execute(status -> remindBatch(now));
            } catch (TransientDataAccessException e) {
                // another run holds these reminders (a lock it keeps past the database's wait): it
                // writes them, or, if it fails, the next run does
                log.info("Check-in reminders held by another run; this run stops here: {}", e.getMessage());
                return reminded;
            }
            reminded += batch.written();
            if (batch.read() < batches.size() || batch.written() == 0) {
                return reminded;
            }
            batches.rest();
        }
    }

    /** How many reminders a batch read, and how many of them it wrote (the others were written already). */
    private record Batch(int read, int written) {}

    private Batch remindBatch(Instant now) {
        List<Due> due = jdbc.sql(BATCH)
                .param("defaultHours", Preferences.DEFAULTS.checkInReminderHours())
                .param("now", Timestamp.from(now))
                .param("furthest", Timestamp.from(now.plus(LONGEST_LEAD)))
                .param("limit", batches.size())
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getObject("person_id", UUID.class),
                        rs.getObject("partner_id", UUID.class)))
                .list();
        if (due.isEmpty()) {
            return new Batch(0, 0);
        }
        int[] inserted = inserts.batchUpdate(
                REMIND,
                due.stream()
                        .map(d -> new MapSqlParameterSource("checkIn", d.checkInId())
                                .addValue("person", d.personId())
                                .addValue("startsAt", Timestamp.from(d.startsAt()))
                                .addValue("now", Timestamp.from(now)))
                        .toArray(SqlParameterSource[]::new));
        int written = 0;
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("The database did not tell which reminders it wrote");
            }
            // none inserted: another instance wrote the same reminder at the same moment
            if (inserted[i] == 1) {
                Due d = due.get(i);
                events.publishEvent(new CheckInComing(
                        d.organizationId(), d.checkInId(), d.personId(), d.partnerId(), d.startsAt()));
                written++;
            }
        }
        return new Batch(due.size(), written);
    }
}
