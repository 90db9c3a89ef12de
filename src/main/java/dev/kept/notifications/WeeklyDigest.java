package dev.kept.notifications;

import dev.kept.checkins.CheckInView;
import dev.kept.checkins.CheckIns;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final MailDelivery mail;
    private final String baseUrl;
    private final Clock clock;

    WeeklyDigest(
            People people,
            CheckIns checkIns,
            Commitments commitments,
            MailDelivery mail,
            @Value("${kept.base-url:http://localhost:8080}") String baseUrl,
            Clock clock) {
        this.people = people;
        this.checkIns = checkIns;
        this.commitments = commitments;
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Scheduled(cron = "${kept.digest.cron:0 5 * * * *}", zone = "UTC")
    @SchedulerLock(name = "weekly-digest", lockAtMostFor = "PT30M")
    void onSchedule() {
        send();
    }

    /** Sends the digests now due; answers how many. */
    int send() {
        Instant now = clock.instant();
        int sent = 0;
        for (Map.Entry<UUID, UUID> reader : people.digestReaders()) {
            Optional<Person> person =
                    people.personIn(reader.getKey(), reader.getValue()).filter(Person::isActive);
            if (person.isEmpty()) {
                continue;
            }
            ZonedDateTime local = now.atZone(ZoneId.of(person.get().getTimeZone()));
            if (local.getDayOfWeek() != DayOfWeek.MONDAY || local.getHour() < SENDING_HOUR) {
                continue;
            }
            String week = local.get(IsoFields.WEEK_BASED_YEAR) + "-W" + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            String key = "digest:" + reader.getValue() + ":" + week;
            // the job runs hourly: once this week's digest is out, the later runs build nothing
            if (mail.queued(key)) {
                continue;
            }
            mail.deliver(
                    reader.getKey(),
                    key,
                    new Mail(
                            person.get().getEmail(),
                            "Your week in Kept",
                            body(
                                    new Caller(
                                            person.get().getId(),
                                            reader.getKey(),
                                            person.get().getName()),
                                    person.get(),
                                    now),
                            true));
            sent++;
        }
        return sent;
    }

    private String body(Caller caller, Person person, Instant now) {
        List<CheckInView> week = checkIns.mine(caller, now, now.plus(Duration.ofDays(7)));
        Commitments.Dashboard dashboard = commitments.dashboard(caller);
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
