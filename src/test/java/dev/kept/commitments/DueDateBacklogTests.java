package dev.kept.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.JobStatements;
import dev.kept.JobStatements.Tally;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.commitments.DueDateBatches.Due;
import dev.kept.commitments.DueDateBatches.Reminder;
import dev.kept.shared.JobBatches;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The due-date reminders work through a backlog in batches: every commitment is reminded exactly
 * once, a second run does nothing, and the job runs one query and one batched update per batch
 * however large the backlog (plus the outbox's row per event and listener). Set
 * {@code -Djobs.backlog=28000} to time a larger backlog (bench/jobs.sh).
 */
@KeptApiTest
@RecordApplicationEvents
class DueDateBacklogTests {

    // Monday 23 November 2026, 12:00 UTC: 02:00 the same day in Honolulu, 02:00 the next day in Kiritimati
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate TODAY = NOON.atZone(ZoneOffset.UTC).toLocalDate();
    private static final int LARGE = Integer.getInteger("jobs.backlog", 2000);
    private static final int SMALL = LARGE / 10;

    @Autowired
    OverdueReminders reminders;

    @Autowired
    DueDateBatches store;

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
        clock.freezeAt(NOON);
        // what other tests left on a shared database is reminded first, so that only the backlog counts
        reminders.remind();
        reminders.remindDueSoon();
        events.clear();
    }

    @Test
    void remindsEveryOverdueCommitmentOnceInBatchesOfConstantStatements() {
        List<LocalDate> past =
                IntStream.rangeClosed(1, 30).mapToObj(TODAY::minusDays).toList();
        JobStatements counter = JobStatements.on(dataSource);
        // rows other tests left due today in time zones where it is not yet tomorrow are read too
        int leftover = notYetOverdue();
        CommitmentBacklog small = new CommitmentBacklog(jdbc, NOON, 4);
        small.commitments(SMALL, past, "OPEN");
        Tally smallRun = counter.count(() -> assertThat(reminders.remind()).isEqualTo(SMALL));

        CommitmentBacklog large = new CommitmentBacklog(jdbc, NOON, 40);
        List<UUID> overdue = large.commitments(LARGE, past, "OPEN");
        // not reminded: closed, due in the future, or due today where it is not yet tomorrow
        large.commitments(50, past, "CLOSED");
        large.commitments(50, List.of(TODAY.plusDays(5)), "OPEN");
        List<UUID> dueToday = large.commitments(40, List.of(TODAY), "OPEN");
        long started = System.nanoTime();
        // owners take the four zones in turn: a quarter of those due today live in Kiritimati, where it is tomorrow
        Tally largeRun = counter.count(() -> assertThat(reminders.remind()).isEqualTo(LARGE + 10));
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        System.out.printf(
                "overdue reminders: %d commitments in %d ms, %d a second%n",
                LARGE + 10, millis, (LARGE + 10) * 1000L / millis);

        Map<UUID, Long> reminded =
                remindedOf(large.organization, CommitmentOverdue.class, CommitmentOverdue::commitmentId);
        assertThat(reminded).hasSize(LARGE + 10).containsKeys(overdue.toArray(UUID[]::new));
        assertThat(reminded.values()).allMatch(times -> times == 1);
        assertThat(dueToday.stream().filter(reminded::containsKey)).hasSize(10);
        assertThat(large.reminded("overdue_reminded_for")).isEqualTo(LARGE + 10);

        assertThat(smallRun.statements()).isEqualTo(statementsFor(SMALL + leftover));
        assertThat(largeRun.statements()).isEqualTo(statementsFor(LARGE + 40 + leftover));
        assertThat(largeRun.outbox())
                .as("the outbox writes one row per event and listener, the same for each event")
                .isPositive()
                .isEqualTo(smallRun.outbox() * (LARGE + 10) / SMALL);

        events.clear();
        assertThat(reminders.remind()).as("a second run reminds of nothing").isZero();
        assertThat(events.stream(CommitmentOverdue.class)).isEmpty();
    }

    @Test
    void remindsDueSoonInBatchesInTheOwnersTimeZones() {
        CommitmentBacklog backlog = new CommitmentBacklog(jdbc, NOON, 8);
        List<UUID> inTwoDays = backlog.commitments(SMALL, List.of(TODAY.plusDays(2)), "OPEN");
        List<UUID> inThreeDays = backlog.commitments(80, List.of(TODAY.plusDays(3)), "OPEN");

        // in two days everywhere; in three days only in Kiritimati, where it is already tomorrow
        assertThat(reminders.remindDueSoon()).isEqualTo(SMALL + 20);

        Map<UUID, Long> reminded =
                remindedOf(backlog.organization, CommitmentDueSoon.class, CommitmentDueSoon::commitmentId);
        assertThat(reminded).containsKeys(inTwoDays.toArray(UUID[]::new)).hasSize(SMALL + 20);
        assertThat(reminded.values()).allMatch(times -> times == 1);
        assertThat(inThreeDays.stream().filter(reminded::containsKey)).hasSize(20);
        assertThat(reminders.remindDueSoon())
                .as("a second run reminds of nothing")
                .isZero();
    }

    @Test
    void aMarkIsMadeOnceAndNotForADateThatHasChangedSinceItWasRead() {
        CommitmentBacklog backlog = new CommitmentBacklog(jdbc, NOON, 2);
        List<UUID> ids = backlog.commitments(3, List.of(TODAY.minusDays(3)), "OPEN");
        List<Due> read = store
                .notReminded(Reminder.OVERDUE, TODAY.minusDays(3), TODAY.minusDays(3), DueDateBatches.START, 500)
                .stream()
                .filter(d -> ids.contains(d.id()))
                .toList();
        assertThat(read).hasSize(3);
        jdbc.getJdbcTemplate()
                .update(
                        "update commitment set due = ? where id = ?",
                        TODAY.plusDays(9),
                        read.get(0).id());

        assertThat(store.mark(Reminder.OVERDUE, read))
                .as("a renegotiated date is not marked with the old one")
                .containsExactly(read.get(1), read.get(2));
        assertThat(store.mark(Reminder.OVERDUE, read))
                .as("what another run marked first is not marked again")
                .isEmpty();
    }

    private int notYetOverdue() {
        return store.notReminded(Reminder.OVERDUE, DueDateBatches.START.due(), TODAY, DueDateBatches.START, 100_000)
                .size();
    }

    /** One query per batch read (the last one comes back short) and one batched update per batch with rows. */
    private long statementsFor(int candidates) {
        return candidates / batches.size() + 1 + (candidates + batches.size() - 1) / batches.size();
    }

    private <E> Map<UUID, Long> remindedOf(UUID organization, Class<E> type, Function<E, UUID> commitment) {
        List<UUID> ofOrganization = jdbc.getJdbcTemplate()
                .queryForList("select id from commitment where organization_id = ?", UUID.class, organization);
        return events.stream(type)
                .map(commitment)
                .filter(ofOrganization::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
