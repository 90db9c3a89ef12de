package dev.kept.commitments;

import dev.kept.people.People;
import dev.kept.people.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds owners of their due dates, measured in the owner's own time zone: two days before an
 * open commitment is due ({@link CommitmentDueSoon}), and when it is past its due date and not yet
 * assessed ({@link CommitmentOverdue}). Each once per due date (a renegotiated date is reminded
 * again); with several instances, ShedLock runs the job on one at a time.
 */
@Component
class OverdueReminders {

    private final JdbcClient jdbc;
    private final CommitmentRepository commitments;
    private final People people;
    private final Clock clock;

    OverdueReminders(JdbcClient jdbc, CommitmentRepository commitments, People people, Clock clock) {
        this.jdbc = jdbc;
        this.commitments = commitments;
        this.people = people;
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
    @Transactional
    int remindDueSoon() {
        // no time zone is more than 12 hours behind UTC: nothing due beyond today (UTC) + 3 is due soon anywhere
        LocalDate furthest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(Commitment.DUE_REMINDER_DAYS + 1);
        int reminded = 0;
        for (UUID id : jdbc.sql("""
                        select id from commitment
                         where status = 'OPEN' and due <= :furthest and due >= :earliest
                           and (due_soon_reminded_for is null or due_soon_reminded_for <> due)""")
                .param("furthest", furthest)
                .param("earliest", furthest.minusDays(Commitment.DUE_REMINDER_DAYS + 3))
                .query(UUID.class)
                .list()) {
            Commitment commitment = commitments.findById(id).orElseThrow();
            if (commitment.remindDueSoon(today(commitment))) {
                commitments.save(commitment);
                reminded++;
            }
        }
        return reminded;
    }

    /** Publishes {@link CommitmentOverdue} for each commitment that newly is; answers how many. */
    @Transactional
    int remind() {
        // no time zone is more than 14 hours ahead of UTC: nothing due from tomorrow (UTC) on is overdue
        LocalDate latest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        int reminded = 0;
        for (UUID id : jdbc.sql("""
                        select id from commitment
                         where status = 'OPEN' and due < :latest
                           and (overdue_reminded_for is null or overdue_reminded_for <> due)""").param("latest", latest).query(UUID.class).list()) {
            Commitment commitment = commitments.findById(id).orElseThrow();
            if (commitment.remindOverdue(today(commitment))) {
                commitments.save(commitment);
                reminded++;
            }
        }
        return reminded;
    }

    private LocalDate today(Commitment commitment) {
        ZoneId zone = people.personIn(commitment.getOrganizationId(), commitment.getOwnerId())
                .map(Person::getTimeZone)
                .map(ZoneId::of)
                .orElse(ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }
}
