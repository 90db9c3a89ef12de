package dev.kept.pulse;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An organization with teams to send pulses to, and the calls that set a pulse up and answer it. */
final class PulseFixtures {

    private final ApiFixtures api;

    PulseFixtures(ApiFixtures api) {
        this.api = api;
    }

    record Squad(UUID id, String name, List<Account> members) {}

    Squad squad(Account admin, String prefix, int size) {
        String name = ApiFixtures.unique(prefix);
        UUID team = api.team(admin, name);
        List<Account> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(api.join(admin, Map.of("teamId", team.toString())));
        }
        return new Squad(team, name, members);
    }

    static Map<String, Object> draft(List<String> questions, List<UUID> teams, LocalDate startsOn, Integer minGroup) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", ApiFixtures.unique("Pulse"));
        draft.put("questions", questions);
        draft.put("teamIds", teams.stream().map(UUID::toString).toList());
        draft.put("cadence", "WEEKLY");
        draft.put("minGroup", minGroup);
        draft.put("startsOn", startsOn.toString());
        return draft;
    }

    UUID pulse(Account admin, List<String> questions, List<UUID> teams, LocalDate startsOn) {
        return api.post(admin.token(), "/api/v1/pulses", draft(questions, teams, startsOn, 5))
                .expect(201)
                .id();
    }

    /** The open round the member is asked to answer of this pulse. */
    UUID openRound(Account member, UUID pulse) {
        for (var round : api.get(member.token(), "/api/v1/pulses/asked")
                .expect(200)
                .json()
                .get("items")) {
            if (round.get("pulseId").asString().equals(pulse.toString())) {
                return UUID.fromString(round.get("roundId").asString());
            }
        }
        throw new AssertionError("no open round of " + pulse + " for " + member.email());
    }

    void answer(Account member, UUID round, List<Integer> scores, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scores", scores);
        body.put("comment", comment);
        api.post(member.token(), "/api/v1/pulses/rounds/" + round + "/answers", body)
                .expect(204);
    }
}
