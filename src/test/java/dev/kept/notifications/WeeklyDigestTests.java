package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The weekly digest: for who asked, on Monday morning in their time zone, once a week. */
@KeptApiTest
class WeeklyDigestTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    WeeklyDigest digest;

    @BeforeEach
    void sunday() {
        // Sunday 22 November 2026, 20:00 UTC
        clock.freezeAt(Instant.parse("2026-11-22T20:00:00Z"));
    }

    private void wantDigest(Account account, boolean digest) {
        api.send(
                        HttpMethod.PUT,
                        account.token(),
                        "/api/v1/me/preferences",
                        Map.of(
                                "checkInReminderHours", 24,
                                "emailCheckInReminders", true,
                                "emailDueReminders", true,
                                "emailOverdueReminders", true,
                                "weeklyDigest", digest))
                .expect(200);
    }

    private List<String> digests(Account account) {
        return api.mailsTo(account.email()).stream()
                .filter(b -> b.startsWith("Your week in Kept"))
                .toList();
    }

    @Test
    void theDigestComesOnMondayMorningOnceAWeekToWhoAskedForIt() {
        Account admin = api.signUp();
        Account reader = api.join(admin);
        Account other = api.join(admin);
        wantDigest(reader, true);
        wantDigest(other, false);
        api.commit(reader, LocalDate.parse("2026-11-26"), "PRIVATE");

        digest.send();
        assertThat(digests(reader)).isEmpty();
        clock.advance(Duration.ofHours(12)); // Monday 08:00 UTC
        digest.send();
        clock.advance(Duration.ofHours(3));
        digest.send();

        assertThat(digests(reader)).hasSize(1);
        assertThat(digests(reader).get(0))
                .contains("Due in the next seven days:", "Publish the onboarding checklist for new engineers");
        assertThat(digests(other)).isEmpty();

        clock.advance(Duration.ofDays(7));
        digest.send();
        assertThat(digests(reader)).hasSize(2);
    }
}
