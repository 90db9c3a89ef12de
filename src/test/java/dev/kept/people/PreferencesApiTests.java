package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The preferences over the API: pulse rounds come by e-mail until turned off; a client that
 * leaves the setting out (written before it existed) or sends null changes the rest and leaves it
 * as it was; a value of the wrong kind is a 400 naming the field, and changes nothing.
 */
@KeptApiTest
class PreferencesApiTests {

    private static final String PATH = "/api/v1/me/preferences";

    @Autowired
    ApiFixtures api;

    @Test
    void pulseRoundMailsAreOnByDefaultAndTurnOffAndOnAgain() {
        Account member = api.join(api.signUp());
        assertThat(api.get(member.token(), PATH)
                        .expect(200)
                        .json()
                        .get("emailPulseRounds")
                        .asBoolean())
                .isTrue();

        JsonNode off = put(member, preferences(48, false)).expect(200).json();
        assertThat(off.get("emailPulseRounds").asBoolean()).isFalse();
        assertThat(off.get("checkInReminderHours").asInt()).isEqualTo(48);
        assertThat(api.get(member.token(), PATH)
                        .expect(200)
                        .json()
                        .get("emailPulseRounds")
                        .asBoolean())
                .isFalse();

        JsonNode on = put(member, preferences(48, true)).expect(200).json();
        assertThat(on.get("emailPulseRounds").asBoolean()).isTrue();
        assertThat(api.get(member.token(), PATH)
                        .expect(200)
                        .json()
                        .get("emailPulseRounds")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aClientThatLeavesThePulseSettingOutOrSendsNullChangesTheRestOnly() {
        Account member = api.join(api.signUp());
        put(member, preferences(24, false)).expect(200);

        Map<String, Object> older = preferences(72, false);
        older.remove("emailPulseRounds");
        JsonNode kept = put(member, older).expect(200).json();
        assertThat(kept.get("checkInReminderHours").asInt()).isEqualTo(72);
        assertThat(kept.get("emailPulseRounds").asBoolean()).isFalse();

        Map<String, Object> blank = preferences(4, false);
        blank.put("emailPulseRounds", null);
        JsonNode still = put(member, blank).expect(200).json();
        assertThat(still.get("checkInReminderHours").asInt()).isEqualTo(4);
        assertThat(still.get("emailPulseRounds").asBoolean()).isFalse();

        // someone who never changed it gets the default from an older client too
        Account fresh = api.join(api.signUp());
        Map<String, Object> first = preferences(12, true);
        first.remove("emailPulseRounds");
        assertThat(put(fresh, first).expect(200).json().get("emailPulseRounds").asBoolean())
                .isTrue();
    }

    @Test
    void aPulseSettingOfTheWrongKindIsRefusedNamingTheField() {
        Account member = api.join(api.signUp());
        Map<String, Object> wrong = preferences(48, false);
        wrong.put("emailPulseRounds", "perhaps");
        JsonNode problem = put(member, wrong).expectProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("emailPulseRounds");

        JsonNode unchanged = api.get(member.token(), PATH).expect(200).json();
        assertThat(unchanged.get("emailPulseRounds").asBoolean()).isTrue();
        assertThat(unchanged.get("checkInReminderHours").asInt()).isEqualTo(24);
    }

    @Test
    void theDescriptionSaysThePulseSettingMayBeLeftOut() {
        JsonNode description = api.get(null, "/v3/api-docs").expect(200).json();
        JsonNode put = description.get("paths").get(PATH).get("put");
        String body = put.get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema")
                .get("$ref")
                .asString();
        JsonNode schema = description.get("components").get("schemas").get(body.substring(body.lastIndexOf('/') + 1));
        assertThat(schema.get("required").valueStream().map(JsonNode::asString))
                .contains("checkInReminderHours", "weeklyDigest")
                .doesNotContain("emailPulseRounds");
        assertThat(schema.get("properties")
                        .get("emailPulseRounds")
                        .get("description")
                        .asString())
                .contains("left out or null: unchanged");
        assertThat(put.get("summary").asString()).contains("emailPulseRounds");
    }

    private ApiResponse put(Account account, Map<String, Object> body) {
        return api.send(HttpMethod.PUT, account.token(), PATH, body);
    }

    private static Map<String, Object> preferences(int hours, boolean pulseRounds) {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("checkInReminderHours", hours);
        preferences.put("emailCheckInReminders", true);
        preferences.put("emailDueReminders", true);
        preferences.put("emailOverdueReminders", true);
        preferences.put("weeklyDigest", false);
        preferences.put("emailPulseRounds", pulseRounds);
        return preferences;
    }
}
