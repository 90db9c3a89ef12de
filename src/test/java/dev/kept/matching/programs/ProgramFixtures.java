package dev.kept.matching.programs;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Programs, profiles and runs through the API, for the matching tests. */
final class ProgramFixtures {

    private final ApiFixtures api;

    ProgramFixtures(ApiFixtures api) {
        this.api = api;
    }

    /** A program body with the default rules, no deadline, open to everyone. */
    static Map<String, Object> program(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("rules", new LinkedHashMap<>(Map.of("avoidPreviousPartners", true)));
        return body;
    }

    ApiResponse create(Account admin, Map<String, Object> body) {
        return api.post(admin.token(), "/api/v1/matching/programs", body);
    }

    UUID program(Account admin, Map<String, Object> body) {
        return create(admin, body).expect(201).id();
    }

    UUID program(Account admin) {
        return program(admin, program(ApiFixtures.unique("Program")));
    }

    /** A profile body: strengths, growth areas, and any extra fields given in pairs. */
    static Map<String, Object> profile(List<String> strengths, List<String> growthAreas, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strengths", strengths);
        body.put("growthAreas", growthAreas);
        body.put("timeZone", "Europe/Berlin");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    ApiResponse optIn(Account member, UUID program, Map<String, Object> profile) {
        return api.post(member.token(), "/api/v1/matching/programs/" + program + "/participants", profile);
    }

    void join(Account member, UUID program, List<String> strengths, List<String> growthAreas, Object... more) {
        optIn(member, program, profile(strengths, growthAreas, more)).expect(201);
    }

    /**
     * Runs a program and answers the whole run: its summary as the run answers it, with {@code
     * pairs}, {@code trios} and {@code unmatched} holding every item of those lists, read a page
     * at a time.
     */
    JsonNode run(Account admin, UUID program) {
        JsonNode run = api.post(admin.token(), "/api/v1/matching/programs/" + program + "/runs", null)
                .expect(201)
                .json();
        return whole(admin, run);
    }

    /** A run read again, whole (see {@link #run(Account, UUID)}). */
    JsonNode run(Account admin, UUID program, UUID run) {
        return whole(
                admin,
                api.get(admin.token(), "/api/v1/matching/programs/" + program + "/runs/" + run)
                        .expect(200)
                        .json());
    }

    private JsonNode whole(Account admin, JsonNode run) {
        ObjectNode whole = ((ObjectNode) run).deepCopy();
        String path = "/api/v1/matching/programs/" + run.get("programId").asString() + "/runs/"
                + run.get("id").asString();
        for (String list : List.of("pairs", "trios", "unmatched")) {
            whole.set(list, all(admin, path + "/" + list + "?limit=" + 2));
        }
        return whole;
    }

    /** Every item of a paged list, following its next addresses to the end. */
    ArrayNode all(Account reader, String path) {
        return JsonNodeFactory.instance.arrayNode().addAll(api.followPages(reader.token(), path));
    }

    /** The people of each pair of a run, as sets. */
    static List<Set<UUID>> pairs(JsonNode run) {
        List<Set<UUID>> pairs = new ArrayList<>();
        for (JsonNode pair : run.get("pairs")) {
            pairs.add(Set.of(id(pair.get("a")), id(pair.get("b"))));
        }
        return pairs;
    }

    /** Everyone a run put in a pair or a trio. */
    static Set<UUID> matched(JsonNode run) {
        Set<UUID> matched = new HashSet<>();
        pairs(run).forEach(matched::addAll);
        for (JsonNode trio : run.get("trios")) {
            trio.get("members").forEach(member -> matched.add(id(member)));
        }
        return matched;
    }

    static List<UUID> unmatched(JsonNode run) {
        List<UUID> unmatched = new ArrayList<>();
        run.get("unmatched").forEach(person -> unmatched.add(id(person.get("personId"))));
        return unmatched;
    }

    /** The proposal of a run's pair holding this person. */
    static UUID proposalOf(JsonNode run, Account person) {
        for (JsonNode pair : run.get("pairs")) {
            if (id(pair.get("a")).equals(person.personId()) || id(pair.get("b")).equals(person.personId())) {
                return id(pair.get("proposalId"));
            }
        }
        for (JsonNode trio : run.get("trios")) {
            for (JsonNode member : trio.get("members")) {
                if (id(member).equals(person.personId())) {
                    return id(trio.get("proposalId"));
                }
            }
        }
        throw new AssertionError(person.name() + " is in no pair or trio of " + run);
    }

    ApiResponse answer(Account person, UUID proposal, String answer) {
        return api.post(person.token(), "/api/v1/matching/proposals/" + proposal + "/" + answer, null);
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.asString());
    }

    static Set<UUID> ids(Account... accounts) {
        Set<UUID> ids = new HashSet<>();
        for (Account account : accounts) {
            ids.add(account.personId());
        }
        return ids;
    }
}
