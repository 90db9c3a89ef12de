package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A new pulse round is told to every member of the pulse's teams in the app, and e-mailed to those
 * who did not turn pulse e-mails off: by default, and for someone whose client changed their
 * preferences without knowing of the pulse setting.
 */
@KeptApiTest
class PulseNotificationsTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Test
    void aRoundIsMailedByDefaultAndNotToWhoTurnedPulseMailsOffWhileTheInboxToldThemAll() {
        clock.freeze();
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Platform"));
        Account byDefault = api.join(admin, Map.of("teamId", team.toString()));
        Account quiet = api.join(admin, Map.of("teamId", team.toString()));
        Account olderClient = api.join(admin, Map.of("teamId", team.toString()));
        api.send(HttpMethod.PUT, quiet.token(), "/api/v1/me/preferences", preferences(false))
                .expect(200);
        // a client that predates the setting sends the other fields only: pulse e-mails stay on
        Map<String, Object> older = preferences(true);
        older.remove("emailPulseRounds");
        older.put("emailDueReminders", false);
        api.send(HttpMethod.PUT, olderClient.token(), "/api/v1/me/preferences", older)
                .expect(200);

        api.post(admin.token(), "/api/v1/pulses", pulse(team)).expect(201);
        UUID round = UUID.fromString(api.get(quiet.token(), "/api/v1/pulses/asked")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("roundId")
                .asString());
        String link = "/pulse/rounds/" + round;

        // the notices and the e-mails of one round are written together, so once the inbox shows
        // them, every e-mail of the round is written too
        for (Account member : List.of(byDefault, quiet, olderClient)) {
            assertThat(api.awaitNotification(member, "is open until")).contains("anonymously");
        }
        assertThat(roundMails(byDefault, link)).hasSize(1);
        assertThat(roundMails(olderClient, link)).hasSize(1);
        assertThat(roundMails(quiet, link)).isEmpty();
        assertThat(api.mailsTo(quiet.email())).noneMatch(body -> body.contains("/pulse/"));
    }

    private List<String> roundMails(Account member, String link) {
        return api.mailsTo(member.email()).stream()
                .filter(body -> body.contains(link))
                .toList();
    }

    private static Map<String, Object> preferences(boolean pulseRounds) {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("checkInReminderHours", 24);
        preferences.put("emailCheckInReminders", true);
        preferences.put("emailDueReminders", true);
        preferences.put("emailOverdueReminders", true);
        preferences.put("weeklyDigest", false);
        preferences.put("emailPulseRounds", pulseRounds);
        return preferences;
    }

    private Map<String, Object> pulse(UUID team) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", ApiFixtures.unique("Pulse"));
        draft.put("questions", List.of("We asked early."));
        draft.put("teamIds", List.of(team.toString()));
        draft.put("cadence", "WEEKLY");
        draft.put("minGroup", 5);
        draft.put(
                "startsOn", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        return draft;
    }
}
