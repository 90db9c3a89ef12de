package dev.kept.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.JobStatements;
import dev.kept.JobStatements.Tally;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.shared.JobBatches;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The check-in jobs work through a backlog in batches: every partner is reminded exactly once and
 * every schedule laid out to the horizon once, a second run does nothing, and the statements follow
 * the number of batches, not of rows (plus the outbox's row per event and listener).
 */
@KeptApiTest
@RecordApplicationEvents
class CheckInJobBacklogTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final int LARGE = Integer.getInteger("jobs.backlog", 2000);
    private static final int SMALL = LARGE / 10;

    @Autowired
    CheckInReminders reminders;

    @Autowired
    HorizonExtension horizon;

    @Autowired
    MutableClock clock;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    JobBatches batches;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void noOtherBacklog() {
        clock.freezeAt(NOW);
        // what other tests left on a shared database is done first, so that only the backlog counts
        reminders.remind();
        horizon.extendAll();
        events.clear();
    }

    @Test
    void remindsEveryPartnerOnceInBatchesOfConstantStatements() {
        JobStatements counter = JobStatements.on(dataSource);
        // within everyone's 24 hours (the default)
        Instant starts = NOW.plus(Duration.ofHours(23));
        CheckInBacklog small = new CheckInBacklog(jdbc, NOW, starts, SMALL / 2);
        Tally smallRun = counter.count(() -> assertThat(reminders.remind()).isEqualTo(SMALL));

        CheckInBacklog large = new CheckInBacklog(jdbc, NOW, starts, LARGE / 2);
        // not yet: a check-in more than 24 hours ahead
        CheckInBacklog later = new CheckInBacklog(jdbc, NOW, NOW.plus(Duration.ofHours(30)), 20);
        long started = System.nanoTime();
        Tally largeRun = counter.count(() -> assertThat(reminders.remind()).isEqualTo(LARGE));
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        System.out.printf("check-in reminders: %d in %d ms, %d a second%n", LARGE, millis, LARGE * 1000L / millis);

        Map<String, Long> reminded = events.stream(CheckInComing.class)
                .filter(e -> e.organizationId().equals(large.organization))
                .collect(Collectors.groupingBy(e -> e.checkInId() + ":" + e.personId(), Collectors.counting()));
        assertThat(reminded).hasSize(LARGE);
        assertThat(reminded.values()).allMatch(times -> times == 1);
        assertThat(jdbc.getJdbcTemplate().queryForObject("""
                                select count(*) from checkin_reminder r join check_in c on c.id = r.check_in_id
                                 where c.organization_id = ?""", Long.class, large.organization))
                .isEqualTo(LARGE);

        assertThat(smallRun.statements()).isEqualTo(statementsFor(SMALL));
        assertThat(largeRun.statements()).isEqualTo(statementsFor(LARGE));
        assertThat(largeRun.outbox())
                .as("the outbox writes one row per event and listener, the same for each event")
                .isPositive()
                .isEqualTo(smallRun.outbox() * 10);

        events.clear();
        assertThat(reminders.remind()).as("a second run reminds of nothing").isZero();
        assertThat(events.stream(CheckInComing.class)).isEmpty();
        clock.advance(Duration.ofHours(7));
        reminders.remind();
        assertThat(events.stream(CheckInComing.class)
                        .filter(e -> e.organizationId().equals(later.organization)))
                .as("the later check-ins, when their time comes")
                .hasSize(40);
    }

    @Test
    void laysOutEverySchedulesNextCheckInOnceInBatches() {
        JobStatements counter = JobStatements.on(dataSource);
        // laid out until 390 days ahead: the horizon (400 days) takes one more week, once
        Instant last = NOW.plus(Duration.ofDays(390));
        long active = activeSchedules();
        CheckInBacklog small = new CheckInBacklog(jdbc, NOW, last, SMALL);
        Tally smallRun = counter.count(() -> assertThat(horizon.extendAll()).isEqualTo(SMALL));
        CheckInBacklog large = new CheckInBacklog(jdbc, NOW, last, LARGE);
        Tally largeRun = counter.count(() -> assertThat(horizon.extendAll()).isEqualTo(LARGE));

        Map<UUID, Long> checkIns = jdbc
                .getJdbcTemplate()
                .queryForList(
                        "select schedule_id from check_in where organization_id = ?", UUID.class, large.organization)
                .stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(checkIns).hasSize(LARGE);
        assertThat(checkIns.values()).allMatch(count -> count == 2);

        // per batch: the ids, the schedules, their last dates, one batched insert
        assertThat(smallRun.statements()).isLessThanOrEqualTo(4 * batchesOf(active + SMALL) + 1);
        assertThat(largeRun.statements()).isLessThanOrEqualTo(4 * batchesOf(active + SMALL + LARGE) + 1);
        assertThat(horizon.extendAll()).as("a second run adds nothing").isZero();
        assertThat(small.schedules).hasSize(SMALL);
    }

    private long activeSchedules() {
        return jdbc.getJdbcTemplate()
                .queryForObject("select count(*) from checkin_schedule where status = 'ACTIVE'", Long.class);
    }

    private long batchesOf(long rows) {
        return (rows + batches.size() - 1) / batches.size();
    }

    /** One query per batch read (the last one comes back short) and one batched insert per batch with rows. */
    private long statementsFor(int reminders) {
        return reminders / batches.size() + 1 + batchesOf(reminders);
    }
}
