package dev.kept.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.kept.TwoInstances;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Reminders with two Kept instances on one database and one mail server: 200 partnerships with a
 * check-in in the same minute give exactly 400 reminder e-mails, none twice, when both instances
 * run the reminder and mail jobs at the same moment, when the mail server is down for a while, and
 * when one instance stops in the middle of it all.
 */
class TwoInstancesReminderTests {

    private static final int PARTNERSHIPS = 200;
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    // all 200 check-ins start in the same minute, 23 hours from now: within everyone's 24 hours
    private static final Instant STARTS = NOW.plus(Duration.ofHours(23)).plusSeconds(30);

    @Test
    void twoHundredCheckInsInOneMinuteGiveExactlyFourHundredRemindersNoneTwice() throws Exception {
        try (TwoInstances two = TwoInstances.start()) {
            two.clock().freezeAt(NOW);
            Seeded seeded = seed(two.bean(0, JdbcClient.class));

            runOnBoth(two, "remind", 4);
            awaitOutboxComplete(two, seeded, 400);
            runOnBoth(two, "sendDue", 4);

            assertExactlyOnce(two.mail(), seeded);
            // again later: nothing more
            two.clock().advance(Duration.ofMinutes(5));
            runOnBoth(two, "remind", 2);
            runOnBoth(two, "sendDue", 2);
            assertExactlyOnce(two.mail(), seeded);
        }
    }

    @Test
    void whenTheMailServerIsDownForAWhileEveryoneIsRemindedOnceWhenItIsBack() throws Exception {
        try (TwoInstances two = TwoInstances.start()) {
            two.clock().freezeAt(NOW);
            Seeded seeded = seed(two.bean(0, JdbcClient.class));
            two.mail().stop();

            runOnBoth(two, "remind", 4);
            awaitOutboxComplete(two, seeded, 400);
            for (int round = 0; round < 3; round++) {
                runOnBoth(two, "sendDue", 2);
                two.clock().advance(Duration.ofMinutes(10));
            }
            assertThat(sent(two, seeded)).isZero();

            two.mail().start();
            two.clock().advance(Duration.ofHours(2));
            runOnBoth(two, "sendDue", 4);
            assertExactlyOnce(two.mail(), seeded);
        }
    }

    @Test
    void anInstanceRestartedInTheMiddleOfSendingSendsNothingTwice() throws Exception {
        // here the instances send on their own schedule, as in production, under the scheduler lock
        try (TwoInstances two = TwoInstances.start("kept.mail.send-first=PT0S", "kept.mail.send-every=PT0.1S")) {
            two.clock().freezeAt(NOW);
            Seeded seeded = seed(two.bean(0, JdbcClient.class));

            runOnBoth(two, "remind", 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> sent(two, seeded) >= 40);
            two.restart(0);
            assertThat(sent(two, seeded)).isLessThan(400);

            JdbcClient jdbc = two.bean(1, JdbcClient.class);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> jdbc.sql("""
                                    select count(*) from outgoing_mail
                                     where organization_id = :organization and status = 'SENT'
                                       and dedup_key like 'checkin-reminder:%'""")
                                    .param("organization", seeded.organization())
                                    .query(Long.class)
                                    .single(),
                            count -> count == 400);
            assertExactlyOnce(two.mail(), seeded);
        }
    }

    /** Inserts one organization, 400 people and 200 active partnerships, each with a check-in at {@link #STARTS}. */
    /** One organization's 400 people: its id and their e-mail addresses (under a domain of its own). */
    private record Seeded(UUID organization, Set<String> emails) {}

    private static Seeded seed(JdbcClient jdbc) {
        UUID organization = UUID.randomUUID();
        // the database may be shared with other tests (PostgreSQL): everything here is told apart by
        // the organization, and the e-mail addresses by a domain of this run's own
        String domain = "@two-" + organization.toString().substring(0, 8) + ".example";
        Timestamp now = Timestamp.from(NOW);
        jdbc.sql("insert into organization (id, name, created_at, version) values (:id, 'Two Instances', :now, 0)")
                .param("id", organization)
                .param("now", now)
                .update();
        Set<String> emails = new java.util.HashSet<>();
        LocalDate date = STARTS.atZone(ZoneOffset.UTC).toLocalDate();
        for (int i = 0; i < PARTNERSHIPS; i++) {
            UUID a = person(jdbc, organization, "a" + i + domain, now);
            UUID b = person(jdbc, organization, "b" + i + domain, now);
            emails.add("a" + i + domain);
            emails.add("b" + i + domain);
            UUID partnership = UUID.randomUUID();
            jdbc.sql("""
                            insert into partnership (id, organization_id, inviter_id, partner_id, kind, status, cadence,
                                                     open_pair, created_at, accepted_at, updated_at, version)
                            values (:id, :organization, :a, :b, 'PEER', 'ACTIVE', 'WEEKLY', :pair, :now, :now, :now, 1)""")
                    .param("id", partnership)
                    .param("organization", organization)
                    .param("a", a)
                    .param("b", b)
                    .param("pair", a + ":" + b)
                    .param("now", now)
                    .update();
            UUID schedule = UUID.randomUUID();
            jdbc.sql("""
                            insert into checkin_schedule (id, organization_id, partnership_id, proposed_by_id, cadence,
                                                          weekday, local_time, time_zone, duration_minutes, status,
                                                          proposed_at, accepted_at, accepted_by_id, version)
                            values (:id, :organization, :partnership, :a, 'WEEKLY', :weekday, :time, 'UTC', 30,
                                    'ACTIVE', :now, :now, :b, 1)""")
                    .param("id", schedule)
                    .param("organization", organization)
                    .param("partnership", partnership)
                    .param("a", a)
                    .param("b", b)
                    .param("weekday", date.getDayOfWeek().name())
                    .param(
                            "time",
                            STARTS.atZone(ZoneOffset.UTC)
                                    .toLocalTime()
                                    .withSecond(0)
                                    .toString())
                    .param("now", now)
                    .update();
            jdbc.sql("""
                            insert into check_in (id, organization_id, schedule_id, partnership_id, occurs_on, starts_at,
                                                  duration_minutes, status, version)
                            values (:id, :organization, :schedule, :partnership, :date, :starts, 30, 'SCHEDULED', 0)""")
                    .param("id", UUID.randomUUID())
                    .param("organization", organization)
                    .param("schedule", schedule)
                    .param("partnership", partnership)
                    .param("date", date)
                    .param("starts", Timestamp.from(STARTS))
                    .update();
        }
        return new Seeded(organization, emails);
    }

    private static UUID person(JdbcClient jdbc, UUID organization, String email, Timestamp now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into person (id, organization_id, name, email, role, status, time_zone, created_at, version)
                        values (:id, :organization, :name, :email, 'MEMBER', 'ACTIVE', 'UTC', :now, 0)""")
                .param("id", id)
                .param("organization", organization)
                .param("name", "Person " + email.substring(0, email.indexOf('@')))
                .param("email", email)
                .param("now", now)
                .update();
        return id;
    }

    /** Calls a job's method on both instances at once, from {@code threadsEach} threads per instance. */
    private static void runOnBoth(TwoInstances two, String method, int threadsEach) throws Exception {
        List<Callable<Object>> calls = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            Object job = method.equals("remind")
                    ? two.bean(instance, CheckInReminders.class)
                    : two.bean(instance, "outboxSender");
            for (int t = 0; t < threadsEach; t++) {
                calls.add(() -> ReflectionTestUtils.invokeMethod(job, method));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            for (Future<Object> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Waits until the reminders' events were handled: 400 reminder e-mails queued. */
    private static void awaitOutboxComplete(TwoInstances two, Seeded seeded, int mails) {
        JdbcClient jdbc = two.bean(0, JdbcClient.class);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> jdbc.sql("""
                                select count(*) from outgoing_mail
                                 where organization_id = :organization and dedup_key like 'checkin-reminder:%'""")
                                .param("organization", seeded.organization())
                                .query(Long.class)
                                .single(),
                        count -> count == mails);
        assertThat(jdbc.sql("""
                                select count(*) from checkin_reminder r join check_in c on c.id = r.check_in_id
                                 where c.organization_id = :organization""")
                        .param("organization", seeded.organization())
                        .query(Long.class)
                        .single())
                .isEqualTo(mails);
    }

    /** The reminders received for this run's people (a shared database may hold other tests' mail). */
    private static List<MimeMessage> received(GreenMail mail, Seeded seeded) throws Exception {
        List<MimeMessage> ours = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (seeded.emails().contains(message.getRecipients(Message.RecipientType.TO)[0].toString())) {
                ours.add(message);
            }
        }
        return ours;
    }

    private static long sent(TwoInstances two, Seeded seeded) throws Exception {
        return received(two.mail(), seeded).size();
    }

    private static void assertExactlyOnce(GreenMail mail, Seeded seeded) throws Exception {
        List<MimeMessage> received = received(mail, seeded);
        Map<String, Integer> perPerson = new HashMap<>();
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).startsWith("Check-in with ");
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            perPerson.merge(to, 1, Integer::sum);
        }
        assertThat(received).hasSize(400);
        assertThat(perPerson.keySet()).isEqualTo(seeded.emails());
        assertThat(perPerson.values().stream().collect(Collectors.toSet())).containsExactly(1);
    }
}
