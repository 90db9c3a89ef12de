package dev.kept.commitments;

import dev.kept.commitments.DueDateBatches.Due;
import dev.kept.commitments.DueDateBatches.Position;
import dev.kept.commitments.DueDateBatches.Reminder;
import dev.kept.shared.JobBatches;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds owners of their due dates, measured in the owner's own time zone: two days before an
 * open commitment is due ({@link CommitmentDueSoon}), and when it is past its due date and not yet
 * assessed ({@link CommitmentOverdue}). Each once per due date (a renegotiated date is reminded
 * again); with several instances, ShedLock runs the job on one at a time, and the guarded marks of
 * {@link DueDateBatches} keep a reminder single even if two runs overlap.
 *
 * <p>A backlog is worked through in batches ({@link JobBatches}): one query reads a batch, one
 * batched statement marks it, and the events of the rows marked are published in the same short
 * transaction (the outbox then delivers them at least once), with a rest between batches. No
 * commitment is loaded whole: the rules of {@link Commitment#remindOverdue} and
 * {@link Commitment#remindDueSoon} are applied to the columns they read.
 */
@Component
class OverdueReminders {

    private static final Logger log = LoggerFactory.getLogger(OverdueReminders.class);

    private final DueDateBatches store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JobBatches batches;
    private final Clock clock;

    OverdueReminders(
            DueDateBatches store,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JobBatches batches,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.batches = batches;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kept.reminders.overdue-every:PT1H}",
            initialDelayString = "${kept.reminders.overdue-first:PT1M}")
    @SchedulerLock(name = "due-date-reminders", lockAtMostFor = "PT30M")
    void onSchedule() {
        remindDueSoon();
        remind();
    }

    /** Publishes {@link CommitmentDueSoon} for each commitment that is newly two days from due; answers how many. */
    int remindDueSoon() {
        // no time zone is more than 12 hours behind UTC: nothing due beyond today (UTC) + 3 is due soon anywhere
        LocalDate furthest = utcToday().plusDays(Commitment.DUE_REMINDER_DAYS + 1);
        LocalDate earliest = furthest.minusDays(Commitment.DUE_REMINDER_DAYS + 3);
        return run(Reminder.DUE_SOON, earliest, furthest, due -> {
            LocalDate today = today(due);
            return !today.isAfter(due.due())
                    && !today.plusDays(Commitment.DUE_REMINDER_DAYS).isBefore(due.due());
        });
    }

    /** Publishes {@link CommitmentOverdue} for each commitment that newly is; answers how many. */
    int remind() {
        // no time zone is more than 14 hours ahead of UTC: nothing due from tomorrow (UTC) on is overdue
        LocalDate latest = utcToday();
        return run(
                Reminder.OVERDUE,
                DueDateBatches.START.due(),
                latest,
                due -> today(due).isAfter(due.due()));
    }

    private int run(Reminder reminder, LocalDate earliest, LocalDate latest, Predicate<Due> now) {
        int reminded = 0;
        Position after = DueDateBatches.START;
        while (true) {
            Position from = after;
            Batch batch;
            try {
                batch = transactions.execute(status -> {
                    List<Due> read = store.notReminded(reminder, earliest, latest, from, batches.size());
                    List<Due> marked =
                            store.mark(reminder, read.stream().filter(now).toList());
                    marked.forEach(due -> events.publishEvent(event(reminder, due)));
                    return new Batch(read, marked.size());
                });
            } catch (TransientDataAccessException e) {
                // rows locked past the database's wait (by an edit, or another run): the batch is
                // rolled back whole, and the next run takes it up again
                log.info("Due-date reminders stopped at a locked batch: {}", e.getMessage());
                return reminded;
            }
            reminded += batch.marked();
            if (batch.read().size() < batches.size()) {
                return reminded;
            }
            batches.rest();
            after = batch.read().get(batch.read().size() - 1).position();
        }
    }

    private record Batch(List<Due> read, int marked) {}

    private static Object event(Reminder reminder, Due due) {
        return switch (reminder) {
            case DUE_SOON -> new CommitmentDueSoon(due.organizationId(), due.id(), due.ownerId(), due.due());
            case OVERDUE -> new CommitmentOverdue(due.organizationId(), due.id(), due.ownerId(), due.due());
        };
    }

    private LocalDate utcToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private LocalDate today(Due due) {
        return LocalDate.now(clock.withZone(zone(due.timeZone())));
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
