package dev.kept.checkins;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Schedules agreed over the API, for the check-in tests. */
final class CheckInFixtures {

    private final ApiFixtures api;

    CheckInFixtures(ApiFixtures api) {
        this.api = api;
    }

    static Map<String, Object> weekly(String weekday, String time, String zone) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("cadence", "WEEKLY");
        terms.put("weekday", weekday);
        terms.put("time", time);
        terms.put("timeZone", zone);
        terms.put("durationMinutes", 30);
        terms.put("location", "https://meet.example.org/dana-lee");
        return terms;
    }

    /** One partner proposes the terms, the other accepts them. */
    void agree(Account proposer, Account accepter, UUID partnership, Map<String, Object> terms) {
        api.send(org.springframework.http.HttpMethod.PUT, proposer.token(), schedule(partnership), terms)
                .expect(200);
        api.post(accepter.token(), schedule(partnership) + "/accept", Map.of()).expect(200);
    }

    static String schedule(UUID partnership) {
        return "/api/v1/partnerships/" + partnership + "/schedule";
    }
}
