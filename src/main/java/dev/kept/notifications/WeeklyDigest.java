package dev.kept.notifications;

import dev.kept.checkins.CheckInView;
import dev.kept.checkins.CheckIns;
import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.JobBatches;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly digest, for those who asked for it: on Monday from 08:00 in their own time zone, one
 * e-mail with the week's check-ins and their commitments overdue, due this week and at risk. Its
 * key is the person and the ISO week, so it goes out once a week whatever the number of runs or
 * instances.
 */
@Component
class WeeklyDigest {

    private static final int SENDING_HOUR = 8;

    private final People people;
    private final CheckIns checkIns;
    private final Commitments commitments;
    private final CommitmentLists commitmentLists;
    private final MailDelivery mail;
    private final JobBatches batches;
    private final String baseUrl;
    private final Clock clock;

    WeeklyDigest(
            People people,
            CheckIns checkIns,
            Commitments commitments,
            CommitmentLists commitmentLists,
            MailDelivery mail,
            JobBatches batches,
            @Value("${kept.base-url:http://localhost:8080}") String baseUrl,
            Clock clock) {
        this.people = people;
        this.checkIns = checkIns;
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
        this.mail = mail;
        this.batches = batches;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Scheduled(cron = "${kept.digest.cron:0 5 * * * *}", zone = "UTC")
    @SchedulerLock(name = "weekly-digest", lockAtMostFor = "PT30M")
    void onSchedule() {
        send();
    }

    /**
     * Sends the digests now due; answers how many. The readers are read a batch at a time (one query),
     * and which of their digests went out already is one query for the batch, so the hourly runs
     * outside Monday morning cost two queries per batch and nothing per person.
     */
    int send() {
        Instant now = clock.instant();
        int sent = 0;
        UUID after = null;
        while (true) {
            List<Person> readers = people.digestReaders(after, batches.size());
            Map<String, Person> due = new LinkedHashMap<>();
            for (Person reader : readers) {
                ZonedDateTime local = now.atZone(zone(reader));
                if (local.getDayOfWeek() == DayOfWeek.MONDAY && local.getHour() >= SENDING_HOUR) {
                    String week =
                            local.get(IsoFields.WEEK_BASED_YEAR) + "-W" + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    due.put("digest:" + reader.getId() + ":" + week, reader);
                }
            }
            // the job runs hourly: once this week's digest is out, the later runs build nothing
            due.keySet().removeAll(mail.queued(due.keySet()));
            due.forEach((key, reader) -> deliver(key, reader, now));
            sent += due.size();
            if (readers.size() < batches.size()) {
                return sent;
            }
            batches.rest();
            after = readers.get(readers.size() - 1).getId();
        }
    }

    private void deliver(String key, Person reader, Instant now) {
        mail.deliver(
                reader.getOrganizationId(),
                key,
                new Mail(
                        reader.getEmail(),
                        "Your week in Kept",
                        body(new Caller(reader.getId(), reader.getOrganizationId(), reader.getName()), reader, now),
                        true));
    }

    private static ZoneId zone(Person person) {
        try {
            return ZoneId.of(person.getTimeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private String body(Caller caller, Person person, Instant now) {
        List<CheckInView> week = checkIns.mine(caller, now, now.plus(Duration.ofDays(7)));
        CommitmentLists.Dashboard dashboard = commitmentLists.dashboard(caller);
        StringBuilder body = new StringBuilder("Your week in Kept.\n");
        body.append("\nCheck-ins this week:\n");
        if (week.isEmpty()) {
            body.append("- none scheduled\n");
        }
        week.forEach(c -> body.append("- with ")
                .append(c.partnerName())
                .append(", ")
                .append(ReminderNotifications.when(c.startsAt(), person))
                .append('\n'));
        list(body, "Overdue and not assessed", dashboard.overdue());
        list(body, "Due in the next seven days", dashboard.dueSoon());
        list(body, "At risk", dashboard.atRisk());
        body.append("\nYour dashboard: ").append(baseUrl).append("/\n");
        return body.toString();
    }

    private static void list(StringBuilder body, String title, List<CommitmentView> items) {
        if (items.isEmpty()) {
            return;
        }
        body.append('\n').append(title).append(":\n");
        items.forEach(c -> body.append("- ")
                .append(c.what())
                .append(" (due ")
                .append(c.due())
                .append(")\n"));
    }
}
