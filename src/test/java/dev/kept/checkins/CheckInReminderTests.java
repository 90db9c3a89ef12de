package dev.kept.checkins;

import static dev.kept.checkins.CheckInFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Reminders before a check-in: when each partner asked, once per person and occurrence, in the app and by e-mail. */
@KeptApiTest
class CheckInReminderTests {

    // Monday 23 November 2026, 06:00 UTC; the check-in is Tuesday 24 November, 09:00 in Berlin (08:00 UTC)
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T06:00:00Z");

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    CheckInReminders reminders;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private CheckInFixtures checkIns;

    @BeforeEach
    void fixtures() {
        checkIns = new CheckInFixtures(api);
        clock.freezeAt(MONDAY_MORNING);
    }

    private record Pair(Account dana, Account lee, UUID partnership) {}

    private Pair pair() {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        return new Pair(dana, lee, api.partnership(dana, lee, "PEER"));
    }

    private void remindHoursBefore(Account account, int hours, boolean byMail) {
        api.send(
                        HttpMethod.PUT,
                        account.token(),
                        "/api/v1/me/preferences",
                        Map.of(
                                "checkInReminderHours", hours,
                                "emailCheckInReminders", byMail,
                                "emailDueReminders", true,
                                "emailOverdueReminders", true,
                                "weeklyDigest", false))
                .expect(200);
    }

    private List<String> reminderMails(Account account) {
        return api.mailsTo(account.email()).stream()
                .filter(body -> body.contains("You have a check-in with"))
                .toList();
    }

    /**
     * Runs the job (for every organization: other tests' check-ins share the database), then
     * answers how many reminders these people have had so far.
     */
    private long remind(Account... accounts) {
        reminders.remind();
        return jdbc.sql("select count(*) from checkin_reminder where person_id in (:people)")
                .param(
                        "people",
                        java.util.Arrays.stream(accounts).map(Account::personId).toList())
                .query(Long.class)
                .single();
    }

    /** Runs the job every hour until the clock reaches the instant; answers the reminders these people have had. */
    private long remindUntil(Instant until, Account... accounts) {
        long had = remind(accounts);
        while (clock.instant().isBefore(until)) {
            clock.advance(Duration.ofHours(1));
            had = remind(accounts);
        }
        return had;
    }

    @Test
    void bothPartnersAreRemindedADayAheadOnceEach() {
        Pair pair = pair();
        LocalDate today = LocalDate.parse("2026-11-23");
        api.commit(pair.dana(), today.plusDays(3), "PARTNERS");
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));

        // 26 hours ahead: nobody yet
        assertThat(remind(pair.dana(), pair.lee())).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(remind(pair.dana(), pair.lee())).isEqualTo(2);
        assertThat(remind(pair.dana(), pair.lee())).isEqualTo(2);
        clock.advance(Duration.ofHours(5));
        assertThat(remind(pair.dana(), pair.lee())).isEqualTo(2);

        String notice = api.awaitNotification(
                pair.dana(), "You have a check-in with " + pair.lee().name());
        assertThat(notice).contains("Tuesday 24 November 2026, 08:00 (UTC)");
        api.awaitNotification(
                pair.lee(), "You have a check-in with " + pair.dana().name());
        List<String> danas = await().until(() -> reminderMails(pair.dana()), mails -> !mails.isEmpty());
        assertThat(danas).hasSize(1);
        assertThat(danas.get(0))
                .contains("Due soon:", "Publish the onboarding checklist for new engineers", "/checkins/");
        List<String> lees = await().until(() -> reminderMails(pair.lee()), mails -> !mails.isEmpty());
        assertThat(lees).hasSize(1);
        // Lee's reminder names Lee's own commitments only: he has none, so no list of Dana's
        assertThat(lees.get(0)).doesNotContain("Publish the onboarding checklist");
    }

    @Test
    void eachPartnerIsRemindedWhenTheyAskedAndOnlyInTheAppIfTheySaidSo() {
        Pair pair = pair();
        remindHoursBefore(pair.dana(), 4, true);
        remindHoursBefore(pair.lee(), 48, false);
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));

        // Lee wanted 48 hours: at once; Dana 4 hours: at 04:00 UTC on Tuesday
        assertThat(remind(pair.lee())).isEqualTo(1);
        api.awaitNotification(pair.lee(), "You have a check-in with");
        assertThat(remindUntil(Instant.parse("2026-11-24T03:00:00Z"), pair.dana()))
                .isZero();
        assertThat(remindUntil(Instant.parse("2026-11-24T04:00:00Z"), pair.dana()))
                .isEqualTo(1);
        assertThat(remind(pair.dana(), pair.lee())).isEqualTo(2);
        api.awaitNotification(pair.dana(), "You have a check-in with");

        await().until(() -> reminderMails(pair.dana()), mails -> mails.size() == 1);
        assertThat(reminderMails(pair.lee())).isEmpty();
    }

    @Test
    void aMovedCheckInIsRemindedAgainForItsNewTime() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        clock.advance(Duration.ofHours(2));
        assertThat(remind(pair.dana(), pair.lee())).isEqualTo(2);
        String id = api.get(pair.dana().token(), "/api/v1/checkins?from=2026-11-23&to=2026-11-25")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        api.post(
                        pair.lee().token(),
                        "/api/v1/checkins/" + id + "/attendance",
                        Map.of("status", "MOVED", "movedTo", "2026-11-24T06:00:00Z"))
                .expect(200);

        assertThat(remind(pair.dana(), pair.lee())).isEqualTo(4);
        assertThat(remind(pair.dana(), pair.lee())).isEqualTo(4);
    }

    @Test
    void noReminderForACheckInOfAPausedPartnershipOrACancelledOne() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        api.post(pair.lee().token(), "/api/v1/partnerships/" + pair.partnership() + "/pause", Map.of())
                .expect(200);
        clock.advance(Duration.ofHours(2));
        assertThat(remind(pair.dana(), pair.lee())).isZero();

        api.post(pair.lee().token(), "/api/v1/partnerships/" + pair.partnership() + "/resume", Map.of())
                .expect(200);
        api.delete(pair.lee().token(), CheckInFixtures.schedule(pair.partnership()))
                .expect(200);
        assertThat(remind(pair.dana(), pair.lee())).isZero();
    }

    @Test
    void preferencesAreValidated() {
        Pair pair = pair();
        Map<String, Object> bad = new java.util.HashMap<>(Map.of(
                "checkInReminderHours", 0,
                "emailCheckInReminders", true,
                "emailDueReminders", true,
                "emailOverdueReminders", true,
                "weeklyDigest", false));
        api.send(HttpMethod.PUT, pair.dana().token(), "/api/v1/me/preferences", bad)
                .expectProblem(400);
        bad.put("checkInReminderHours", 169);
        api.send(HttpMethod.PUT, pair.dana().token(), "/api/v1/me/preferences", bad)
                .expectProblem(400);
        bad.remove("weeklyDigest");
        bad.put("checkInReminderHours", 24);
        api.send(HttpMethod.PUT, pair.dana().token(), "/api/v1/me/preferences", bad)
                .expectProblem(400);
        assertThat(api.get(pair.dana().token(), "/api/v1/me/preferences")
                        .expect(200)
                        .json()
                        .get("checkInReminderHours")
                        .asInt())
                .isEqualTo(24);
    }
}
