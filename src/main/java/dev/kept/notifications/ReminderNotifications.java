package dev.kept.notifications;

import dev.kept.checkins.CalendarFeeds;
import dev.kept.checkins.CheckInComing;
import dev.kept.checkins.CheckInScheduleChanged;
import dev.kept.checkins.CheckIns;
import dev.kept.checkins.ScheduleView;
import dev.kept.commitments.CommitmentDueSoon;
import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentOverdue;
import dev.kept.commitments.Commitments;
import dev.kept.people.Accounts;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Preferences;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminders and schedule news, in the app and, as each person chose in their preferences, by
 * e-mail: a check-in coming up (with what of theirs is due soon, at risk or silent), a commitment
 * due in two days, a commitment overdue and not assessed, a schedule proposed, accepted, declined or
 * stopped. In-app texts never quote a commitment; e-mails to the owner about their own commitments
 * may, and are kept out of the admin outbox.
 */
@Component
class ReminderNotifications {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final Inbox inbox;
    private final MailDelivery mail;
    private final CheckIns checkIns;
    private final CalendarFeeds feeds;
    private final Commitments commitments;
    private final CommitmentLists commitmentLists;
    private final People people;
    private final Accounts accounts;
    private final String baseUrl;

    ReminderNotifications(
            Inbox inbox,
            MailDelivery mail,
            CheckIns checkIns,
            CalendarFeeds feeds,
            Commitments commitments,
            CommitmentLists commitmentLists,
            People people,
            Accounts accounts,
            @Value("${kept.base-url:http://localhost:8080}") String baseUrl) {
        this.inbox = inbox;
        this.mail = mail;
        this.checkIns = checkIns;
        this.feeds = feeds;
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
        this.people = people;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(CheckInComing coming) {
        Optional<CheckIns.Reminder> found =
                checkIns.reminder(coming.organizationId(), coming.checkInId(), coming.personId());
        Optional<Person> person = people.personIn(coming.organizationId(), coming.personId());
        if (found.isEmpty() || person.isEmpty()) {
            return;
        }
        CheckIns.Reminder reminder = found.get();
        String key = "checkin-reminder:" + coming.checkInId() + ":" + coming.personId() + ":"
                + coming.startsAt().getEpochSecond();
        String when = when(reminder.startsAt(), person.get());
        String link = "/checkins/" + coming.checkInId();
        inbox.tell(
                coming.organizationId(),
                coming.personId(),
                key,
                "CHECKIN_COMING",
                "You have a check-in with " + reminder.partnerName() + " on " + when
                        + ": report progress on what you share before it.",
                link);
        if (!prefers(coming.organizationId(), coming.personId(), Preferences::emailCheckInReminders)) {
            return;
        }
        StringBuilder body = new StringBuilder()
                .append("You have a check-in with ")
                .append(reminder.partnerName())
                .append(" on ")
                .append(when)
                .append('.')
                .append(reminder.location() == null ? "" : "\nWhere: " + reminder.location())
                .append("\n\nBefore it, report progress on the commitments you share there, so the two of you")
                .append(" can spend the time on what matters.\n");
        section(body, "Due soon", reminder.dueSoon());
        section(body, "At risk", reminder.atRisk());
        section(body, "Silent for two weeks or more", reminder.silent());
        body.append("\nThe agenda: ").append(baseUrl).append(link).append('\n');
        mail.deliver(
                coming.organizationId(),
                key,
                new Mail(
                        person.get().getEmail(),
                        "Check-in with " + reminder.partnerName() + " on " + when,
                        body.toString(),
                        true));
    }

    @ApplicationModuleListener
    void on(CommitmentDueSoon dueSoon) {
        remindOwner(
                dueSoon.organizationId(),
                dueSoon.ownerId(),
                dueSoon.commitmentId(),
                "due-soon:" + dueSoon.commitmentId() + ":" + dueSoon.due(),
                "COMMITMENT_DUE_SOON",
                "One of your commitments is due on " + dueSoon.due() + ": report progress, or renegotiate in time.",
                Preferences::emailDueReminders,
                "is due on " + dueSoon.due());
    }

    /** The overdue notice in the app is {@link CommitmentNotifications}'; this adds the e-mail. */
    @ApplicationModuleListener
    void on(CommitmentOverdue overdue) {
        if (!prefers(overdue.organizationId(), overdue.ownerId(), Preferences::emailOverdueReminders)) {
            return;
        }
        ownerMail(
                overdue.organizationId(),
                overdue.ownerId(),
                overdue.commitmentId(),
                "overdue-mail:" + overdue.commitmentId() + ":" + overdue.due(),
                "was due on " + overdue.due() + " and is not assessed yet: say how it went and reflect");
    }

    @ApplicationModuleListener
    void on(CheckInScheduleChanged changed) {
        String what = switch (changed.change()) {
            case PROPOSED -> " proposes a recurring check-in: accept or decline it.";
            case ACCEPTED -> " accepted the check-in schedule.";
            case DECLINED -> " declined the check-in schedule you proposed.";
            case STOPPED -> " stopped your recurring check-in.";
        };
        inbox.tell(
                changed.organizationId(),
                changed.recipientId(),
                "checkin-schedule:" + changed.scheduleId() + ":" + changed.change(),
                "CHECKIN_SCHEDULE_" + changed.change(),
                changed.actorName() + what,
                "/partnerships/" + changed.partnershipId() + "/schedule");
        if (changed.change() == CheckInScheduleChanged.Change.ACCEPTED) {
            invite(changed, changed.actorId(), changed.recipientId());
            invite(changed, changed.recipientId(), changed.actorId());
        }
    }

    /** The schedule e-mail to one partner, with the calendar invitation (.ics) for the recurring check-in. */
    private void invite(CheckInScheduleChanged accepted, UUID personId, UUID partnerId) {
        Optional<Person> person = active(accepted.organizationId(), personId);
        Optional<ScheduleView> inEffect = checkIns.inEffect(accepted.organizationId(), accepted.scheduleId(), personId);
        Optional<String> ics = feeds.invitation(accepted.organizationId(), accepted.scheduleId(), personId);
        if (person.isEmpty() || inEffect.isEmpty() || ics.isEmpty()) {
            return;
        }
        ScheduleView schedule = inEffect.get();
        String partner = people.personIn(accepted.organizationId(), partnerId)
                .map(Person::getName)
                .orElse("your partner");
        String every = switch (schedule.cadence()) {
            case WEEKLY -> "every week";
            case BIWEEKLY -> "every two weeks";
            case MONTHLY -> "every month, on the same weekday of the month";
        };
        String weekday = schedule.weekday().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        String body = "Your check-ins with " + partner + " are scheduled: " + every + ", " + weekday + " at "
                + schedule.time() + " (" + schedule.timeZone() + "), " + schedule.durationMinutes() + " minutes."
                + (schedule.location() == null ? "" : "\nWhere: " + schedule.location())
                + "\n\nThe attached invitation puts them in your calendar. Before each one Kept reminds you to"
                + " report progress on what you share.\n\nThe schedule: " + baseUrl + "/partnerships/"
                + accepted.partnershipId() + "/schedule\n";
        mail.deliver(
                accepted.organizationId(),
                "checkin-schedule-mail:" + accepted.scheduleId() + ":" + personId,
                new Mail(person.get().getEmail(), "Check-ins with " + partner + ", " + every, body, true)
                        .withAttachment(new Mail.Attachment(
                                "check-in.ics", "text/calendar; method=REQUEST; charset=UTF-8", ics.get())));
    }

    private void remindOwner(
            UUID organizationId,
            UUID ownerId,
            UUID commitmentId,
            String key,
            String kind,
            String text,
            Predicate<Preferences> byMail,
            String state) {
        inbox.tell(organizationId, ownerId, key, kind, text, "/commitments/" + commitmentId);
        if (prefers(organizationId, ownerId, byMail)) {
            ownerMail(organizationId, ownerId, commitmentId, key, state);
        }
    }

    private void ownerMail(UUID organizationId, UUID ownerId, UUID commitmentId, String key, String state) {
        Optional<Person> person = active(organizationId, ownerId);
        if (person.isEmpty()) {
            return;
        }
        Optional<String> what = commitmentLists.ownTitle(organizationId, ownerId, commitmentId);
        if (what.isEmpty()) {
            return;
        }
        String body = "Your commitment \"" + what.get() + "\" " + state + ".\n\n" + baseUrl + "/commitments/"
                + commitmentId + "\n";
        mail.deliver(organizationId, key, new Mail(person.get().getEmail(), "Your commitment " + state, body, true));
    }

    private Optional<Person> active(UUID organizationId, UUID personId) {
        return people.personIn(organizationId, personId).filter(Person::isActive);
    }

    private boolean prefers(UUID organizationId, UUID personId, Predicate<Preferences> choice) {
        return choice.test(accounts.preferencesOf(organizationId, personId));
    }

    private static void section(StringBuilder body, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        body.append('\n').append(title).append(":\n");
        items.forEach(item -> body.append("- ").append(item).append('\n'));
    }

    static String when(Instant at, Person person) {
        ZoneId zone = ZoneId.of(person.getTimeZone());
        return WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
