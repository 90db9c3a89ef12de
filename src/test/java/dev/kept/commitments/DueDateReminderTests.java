package dev.kept.commitments;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/** Due-date reminders: two days before, and when overdue and not assessed; in the app and by e-mail as chosen. */
@KeptApiTest
class DueDateReminderTests {

    // Monday 23 November 2026, 12:00 UTC
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freeze() {
        clock.freezeAt(NOON);
    }

    private LocalDate remindedDueSoonFor(UUID commitment) {
        reminders.remindDueSoon();
        return jdbc.sql("select due_soon_reminded_for from commitment where id = :id")
                .param("id", commitment)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    private List<String> mailsAbout(Account account, String words) {
        return api.mailsTo(account.email()).stream()
                .filter(b -> b.contains(words))
                .toList();
    }

    @Test
    void anOpenCommitmentIsRemindedTwoDaysBeforeItIsDueOnceInTheOwnersTimeZone() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        UUID commitment = api.commit(owner, LocalDate.parse("2026-11-26"), "PRIVATE");

        // three days ahead: not yet
        assertThat(remindedDueSoonFor(commitment)).isNull();
        clock.advance(Duration.ofDays(1));
        assertThat(remindedDueSoonFor(commitment)).isEqualTo(LocalDate.parse("2026-11-26"));

        String notice = api.awaitNotification(owner, "is due on 2026-11-26");
        assertThat(notice).doesNotContain("onboarding");
        List<String> mails = await().until(() -> mailsAbout(owner, "is due on 2026-11-26"), m -> !m.isEmpty());
        assertThat(mails.get(0))
                .contains("Publish the onboarding checklist for new engineers", "/commitments/" + commitment);

        remindedDueSoonFor(commitment);
        clock.advance(Duration.ofHours(20));
        remindedDueSoonFor(commitment);
        assertThat(api.notifications(owner).stream().filter(n -> n.contains("is due on 2026-11-26")))
                .hasSize(1);
        assertThat(mailsAbout(owner, "is due on 2026-11-26")).hasSize(1);
    }

    @Test
    void theOwnersOwnDayDecides() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        jdbc.sql("update person set time_zone = 'Pacific/Kiritimati' where id = :id")
                .param("id", owner.personId())
                .update();
        // 23 November 12:00 UTC is already 24 November 02:00 in Kiritimati (UTC+14): two days before the 26th
        UUID commitment = api.commit(owner, LocalDate.parse("2026-11-26"), "PRIVATE");

        assertThat(remindedDueSoonFor(commitment)).isEqualTo(LocalDate.parse("2026-11-26"));
    }

    @Test
    void whoTurnedDueAndOverdueMailsOffGetsThemInTheAppOnly() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        api.send(
                        HttpMethod.PUT,
                        owner.token(),
                        "/api/v1/me/preferences",
                        Map.of(
                                "checkInReminderHours", 24,
                                "emailCheckInReminders", true,
                                "emailDueReminders", false,
                                "emailOverdueReminders", false,
                                "weeklyDigest", false))
                .expect(200);
        UUID commitment = api.commit(owner, LocalDate.parse("2026-11-24"), "PRIVATE");

        assertThat(remindedDueSoonFor(commitment)).isEqualTo(LocalDate.parse("2026-11-24"));
        api.awaitNotification(owner, "is due on 2026-11-24");
        clock.advance(Duration.ofDays(2));
        reminders.remind();
        api.awaitNotification(owner, "was due on 2026-11-24");

        assertThat(api.mailsTo(owner.email()).stream()
                        .filter(b -> b.contains("2026-11-24"))
                        .toList())
                .isEmpty();
    }

    @Test
    void anOverdueCommitmentIsRemindedByMailByDefault() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        UUID commitment = api.commit(owner, LocalDate.parse("2026-11-24"), "PRIVATE");
        clock.advance(Duration.ofDays(2));
        reminders.remind();

        List<String> mails = await().until(() -> mailsAbout(owner, "was due on 2026-11-24"), m -> !m.isEmpty());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains("/commitments/" + commitment);
    }
}
