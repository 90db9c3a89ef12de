package dev.kept.matching.programs;

import static dev.kept.matching.programs.ProgramFixtures.profile;
import static dev.kept.matching.programs.ProgramFixtures.program;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Matching programs over the API: an admin sets one up, members opt in with a profile, update it
 * and opt out; every input is checked, and only the organization's members take part.
 */
@KeptApiTest
class MatchingProgramApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    private ProgramFixtures programs;

    @BeforeEach
    void fixtures() {
        programs = new ProgramFixtures(api);
    }

    // --- setting up a program ----------------------------------------------------------------

    @Test
    void adminSetsUpAProgramWithDefaultWeightsThatEveryMemberSees() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Map<String, Object> body = program("Peer partners, spring");
        body.put("rules", Map.of("team", "OTHER_TEAM_REQUIRED", "region", "NO_PREFERENCE", "largestLevelGap", 2));
        body.put("optInUntil", Instant.now().plus(Duration.ofDays(14)).toString());

        ApiResponse created = programs.create(admin, body).expect(201);

        JsonNode program = created.json();
        assertThat(created.headers().getLocation().toString())
                .endsWith("/api/v1/matching/programs/" + program.get("id").asString());
        assertThat(program.get("name").asString()).isEqualTo("Peer partners, spring");
        assertThat(program.get("rules").get("team").asString()).isEqualTo("OTHER_TEAM_REQUIRED");
        assertThat(program.get("rules").get("avoidPreviousPartners").asBoolean())
                .isTrue();
        assertThat(program.get("rules").get("largestLevelGap").asInt()).isEqualTo(2);
        assertThat(program.get("weights").get("growthMetByStrength").asDouble()).isEqualTo(3.0);
        assertThat(program.get("teamIds")).isEmpty();
        assertThat(program.get("participants").asLong()).isZero();
        assertThat(program.get("openForOptIn").asBoolean()).isTrue();

        UUID id = created.id();
        JsonNode seen = api.get(member.token(), "/api/v1/matching/programs/" + id)
                .expect(200)
                .json();
        assertThat(seen.get("name").asString()).isEqualTo("Peer partners, spring");
        assertThat(seen.get("mayJoin").asBoolean()).isTrue();
        assertThat(seen.get("joined").asBoolean()).isFalse();
        assertThat(api.get(member.token(), "/api/v1/matching/programs")
                        .expect(200)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(p -> p.get("id").asString()))
                .containsExactly(id.toString());
    }

    @Test
    void takesTheGivenWeightsAndDefaultsForTheMissingOnes() {
        Account admin = api.signUp();
        Map<String, Object> body = program("Weighted");
        body.put("weights", Map.of("growthMetByStrength", 5.5, "sameCadence", 0));

        JsonNode weights = programs.create(admin, body).expect(201).json().get("weights");

        assertThat(weights.get("growthMetByStrength").asDouble()).isEqualTo(5.5);
        assertThat(weights.get("sameCadence").asDouble()).isZero();
        assertThat(weights.get("mutualRespect").asDouble()).isEqualTo(2.0);
    }

    @Test
    void onlyAnAdminSetsUpAProgram() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        JsonNode problem = programs.create(member, program("Mine")).expectProblem(403);

        assertThat(problem.get("detail").asString()).contains("admin");
        assertThat(api.get(admin.token(), "/api/v1/matching/programs").json().get("items"))
                .isEmpty();
    }

    @Test
    void refusesAMalformedProgramWithTheFieldsToBlame() {
        Account admin = api.signUp();

        assertThat(programs.create(admin, program("  ")).errorFields()).containsExactly("name");
        Map<String, Object> noRules = program("No rules");
        noRules.remove("rules");
        assertThat(programs.create(admin, noRules).errorFields()).containsExactly("rules");
        Map<String, Object> negativeGap = program("Gap");
        negativeGap.put("rules", Map.of("largestLevelGap", -1));
        assertThat(programs.create(admin, negativeGap).errorFields()).containsExactly("rules.largestLevelGap");
        Map<String, Object> negativeWeight = program("Weight");
        negativeWeight.put("weights", Map.of("mutualRespect", -0.5));
        assertThat(programs.create(admin, negativeWeight).errorFields()).containsExactly("weights.eachInRange");
        Map<String, Object> notANumber = program("NaN");
        notANumber.put("weights", Map.of("otherTeam", "NaN"));
        assertThat(programs.create(admin, notANumber).errorFields()).containsExactly("weights.eachInRange");
        Map<String, Object> unknownRule = program("Rule");
        unknownRule.put("rules", Map.of("team", "SAME_DESK"));
        assertThat(programs.create(admin, unknownRule).errorFields()).containsExactly("rules.team");
        Map<String, Object> tooLong = program("x".repeat(121));
        programs.create(admin, tooLong).expectProblem(400);

        for (Map<String, Object> body : List.of(program(" "), noRules, negativeGap, negativeWeight, notANumber)) {
            programs.create(admin, body).expectProblem(400);
        }
        assertThat(api.get(admin.token(), "/api/v1/matching/programs").json().get("items"))
                .isEmpty();
    }

    @Test
    void refusesADeadlineInThePastAndUnknownTeamsOrCoaches() {
        Account admin = api.signUp();
        Account stranger = api.signUp();
        UUID strangersTeam = api.team(stranger, ApiFixtures.unique("Team"));

        Map<String, Object> past = program("Past");
        past.put("optInUntil", Instant.now().minus(Duration.ofMinutes(1)).toString());
        assertThat(programs.create(admin, past).expectProblem(422).get("field").asString())
                .isEqualTo("optInUntil");
        Map<String, Object> otherTeam = program("Team");
        otherTeam.put("teamIds", List.of(strangersTeam.toString()));
        assertThat(programs.create(admin, otherTeam)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_TEAM");
        Map<String, Object> otherCoach = program("Coach");
        otherCoach.put("coachIds", List.of(stranger.personId().toString()));
        assertThat(programs.create(admin, otherCoach)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_PERSON");

        assertThat(api.get(admin.token(), "/api/v1/matching/programs").json().get("items"))
                .isEmpty();
    }

    @Test
    void anotherOrganizationAndGuestsFindNoProgram() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        Account stranger = api.signUp();
        UUID program = programs.program(admin);
        String path = "/api/v1/matching/programs/" + program;

        for (Account outsider : List.of(guest, stranger)) {
            api.get(outsider.token(), path).expectProblem(404);
            programs.optIn(outsider, program, profile(List.of("sql"), List.of("go")))
                    .expectProblem(404);
            api.post(outsider.token(), path + "/runs", null).expectProblem(404);
            api.get(outsider.token(), path + "/runs").expectProblem(404);
        }
        api.get(guest.token(), "/api/v1/matching/programs").expectProblem(404);
        assertThat(api.get(stranger.token(), "/api/v1/matching/programs")
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();
        api.get(member.token(), "/api/v1/matching/programs/" + UUID.randomUUID())
                .expectProblem(404);
        api.get(member.token(), "/api/v1/matching/programs/not-an-id").expectProblem(404);
    }

    // --- opting in ---------------------------------------------------------------------------

    @Test
    void memberOptsInUpdatesTheProfileAndOptsOut() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account respected = api.join(admin);
        api.send(HttpMethod.PUT, member.token(), "/api/v1/me/strengths", Map.of("strengths", List.of("SQL", "hiring")))
                .expect(200);
        UUID program = programs.program(admin);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("growthAreas", List.of("Public speaking"));
        first.put("respects", List.of(respected.personId().toString()));
        first.put("preferredCadence", "WEEKLY");

        ApiResponse joined = programs.optIn(member, program, first).expect(201);

        JsonNode profile = joined.json();
        assertThat(profile.get("strengths").valueStream().map(JsonNode::asString))
                .as("prefilled from the person's strengths")
                .containsExactlyInAnyOrder("sql", "hiring");
        assertThat(profile.get("growthAreas").get(0).asString()).isEqualTo("public speaking");
        assertThat(profile.get("timeZone").asString()).as("the person's own").isEqualTo("UTC");
        assertThat(profile.get("preferredCadence").asString()).isEqualTo("WEEKLY");
        assertThat(api.get(member.token(), "/api/v1/matching/programs/" + program)
                        .json()
                        .get("joined")
                        .asBoolean())
                .isTrue();

        ApiResponse updated = programs.optIn(
                        member, program, profile(List.of("go"), List.of("design"), "timeZone", "Asia/Tokyo"))
                .expect(200);
        assertThat(updated.json().get("strengths").get(0).asString()).isEqualTo("go");
        assertThat(updated.json().get("respects")).isEmpty();
        JsonNode mine = api.get(member.token(), "/api/v1/matching/programs/" + program + "/participants/me")
                .expect(200)
                .json();
        assertThat(mine.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(api.get(admin.token(), "/api/v1/matching/programs/" + program)
                        .json()
                        .get("participants")
                        .asLong())
                .isEqualTo(1);

        api.delete(member.token(), "/api/v1/matching/programs/" + program + "/participants")
                .expect(204);
        api.get(member.token(), "/api/v1/matching/programs/" + program + "/participants/me")
                .expectProblem(404);
        api.delete(member.token(), "/api/v1/matching/programs/" + program + "/participants")
                .expectProblem(404);
        assertThat(api.get(admin.token(), "/api/v1/matching/programs/" + program)
                        .json()
                        .get("participants")
                        .asLong())
                .isZero();
    }

    @Test
    void refusesAProfileNamingSomeoneOutsideTheOrganizationOrAnUnknownZone() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        Account stranger = api.signUp();
        UUID program = programs.program(admin);

        for (Account outsider : List.of(guest, stranger)) {
            assertThat(programs.optIn(
                                    member,
                                    program,
                                    profile(
                                            List.of(),
                                            List.of(),
                                            "respects",
                                            List.of(outsider.personId().toString())))
                            .expectProblem(422)
                            .get("field")
                            .asString())
                    .isEqualTo("respects");
            assertThat(programs.optIn(
                                    member,
                                    program,
                                    profile(
                                            List.of(),
                                            List.of(),
                                            "competitors",
                                            List.of(outsider.personId().toString())))
                            .expectProblem(422)
                            .get("field")
                            .asString())
                    .isEqualTo("personIds");
        }
        assertThat(programs.optIn(
                                member,
                                program,
                                profile(
                                        List.of(),
                                        List.of(),
                                        "respects",
                                        List.of(member.personId().toString())))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("SELF");
        assertThat(programs.optIn(member, program, profile(List.of(), List.of(), "timeZone", "Mars/Olympus"))
                        .expectProblem(422)
                        .get("field")
                        .asString())
                .isEqualTo("timeZone");
        assertThat(programs.optIn(member, program, profile(List.of(" "), List.of()))
                        .expectProblem(422)
                        .get("field")
                        .asString())
                .isEqualTo("strengths");
        assertThat(programs.optIn(member, program, profile(List.of(), List.of(), "preferredCadence", "HOURLY"))
                        .errorFields())
                .containsExactly("preferredCadence");
        assertThat(programs.optIn(
                                member,
                                program,
                                profile(List.of(), List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")))
                        .errorFields())
                .containsExactly("growthAreas");

        api.get(member.token(), "/api/v1/matching/programs/" + program + "/participants/me")
                .expectProblem(404);
        assertThat(api.get(member.token(), "/api/v1/me/conflicts").json().get("personIds"))
                .isEmpty();
    }

    @Test
    void refusesOptingInAfterTheDeadlineButKeepsTheProfileOfThoseIn() {
        Account admin = api.signUp();
        Account early = api.join(admin);
        Account late = api.join(admin);
        Map<String, Object> body = program("Closing soon");
        body.put("optInUntil", clock.instant().plus(Duration.ofDays(1)).toString());
        UUID program = programs.program(admin, body);
        programs.join(early, program, List.of("sql"), List.of("go"));

        clock.freeze();
        clock.advance(Duration.ofDays(2));

        JsonNode refused = programs.optIn(late, program, profile(List.of("sql"), List.of("go")))
                .expectProblem(409);
        assertThat(refused.get("detail").asString()).contains("closed");
        assertThat(api.get(late.token(), "/api/v1/matching/programs/" + program)
                        .json()
                        .get("openForOptIn")
                        .asBoolean())
                .isFalse();
        programs.optIn(early, program, profile(List.of("sql", "go"), List.of("rust")))
                .expect(200);
    }

    @Test
    void adminChangesTheSettingsAndALaterDeadlineReopensOptingIn() {
        Account admin = api.signUp();
        Account early = api.join(admin);
        Account late = api.join(admin);
        Account coach = api.join(admin);
        Map<String, Object> body = program("Closing soon");
        body.put("optInUntil", clock.instant().plus(Duration.ofDays(1)).toString());
        UUID program = programs.program(admin, body);
        programs.join(early, program, List.of("sql"), List.of("go"));
        clock.freeze();
        clock.advance(Duration.ofDays(2));
        programs.optIn(late, program, profile(List.of("sql"), List.of("go"))).expectProblem(409);

        Map<String, Object> changed = program("Open again");
        changed.put("optInUntil", clock.instant().plus(Duration.ofDays(7)).toString());
        changed.put("rules", Map.of("team", "OTHER_TEAM_REQUIRED", "largestLevelGap", 2));
        changed.put("weights", Map.of("growthMetByStrength", 5.0));
        changed.put("coachIds", List.of(coach.personId().toString()));
        JsonNode saved = api.send(HttpMethod.PUT, admin.token(), "/api/v1/matching/programs/" + program, changed)
                .expect(200)
                .json();

        assertThat(saved.get("name").asString()).isEqualTo("Open again");
        assertThat(saved.get("openForOptIn").asBoolean()).isTrue();
        assertThat(saved.get("rules").get("team").asString()).isEqualTo("OTHER_TEAM_REQUIRED");
        assertThat(saved.get("rules").get("largestLevelGap").asInt()).isEqualTo(2);
        assertThat(saved.get("rules").get("avoidPreviousPartners").asBoolean())
                .as("a rule left out takes its default")
                .isTrue();
        assertThat(saved.get("weights").get("growthMetByStrength").asDouble()).isEqualTo(5.0);
        assertThat(saved.get("coaches").get(0).get("id").asString())
                .isEqualTo(coach.personId().toString());
        assertThat(saved.get("participants").asLong())
                .as("people already in stay in")
                .isEqualTo(1);
        assertThat(api.get(late.token(), "/api/v1/matching/programs/" + program)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Open again");
        programs.optIn(late, program, profile(List.of("sql"), List.of("go"))).expect(201);
    }

    @Test
    void onlyAnAdminChangesAProgramAndBadSettingsAreRefusedWithTheFieldToBlame() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        UUID program = programs.program(admin);
        String path = "/api/v1/matching/programs/" + program;
        String original = api.get(admin.token(), path).json().get("name").asString();

        api.send(HttpMethod.PUT, member.token(), path, program("Mine now")).expectProblem(403);
        JsonNode malformed = api.send(
                        HttpMethod.PUT,
                        admin.token(),
                        path,
                        Map.of("name", " ", "rules", Map.of("largestLevelGap", -1)))
                .expectProblem(400);
        assertThat(malformed.get("errors").toString()).contains("name").contains("rules.largestLevelGap");
        Map<String, Object> past = program("Past");
        past.put("optInUntil", clock.instant().minus(Duration.ofDays(1)).toString());
        assertThat(api.send(HttpMethod.PUT, admin.token(), path, past)
                        .expectProblem(422)
                        .get("field")
                        .asString())
                .isEqualTo("optInUntil");
        Map<String, Object> unknownTeam = program("Unknown team");
        unknownTeam.put("teamIds", List.of(UUID.randomUUID().toString()));
        api.send(HttpMethod.PUT, admin.token(), path, unknownTeam).expectProblem(422);
        api.send(HttpMethod.PUT, admin.token(), "/api/v1/matching/programs/" + UUID.randomUUID(), program("None"))
                .expectProblem(404);
        Account otherAdmin = api.signUp();
        api.send(HttpMethod.PUT, otherAdmin.token(), path, program("Theirs")).expectProblem(404);
        assertThat(api.get(admin.token(), path).json().get("name").asString())
                .as("nothing refused was saved")
                .isEqualTo(original);
    }

    @Test
    void aProgramForSomeTeamsTakesOnlyTheirMembers() {
        Account admin = api.signUp();
        UUID core = api.team(admin, ApiFixtures.unique("Core"));
        UUID sales = api.team(admin, ApiFixtures.unique("Sales"));
        Account coreMember = api.join(admin, Map.of("teamId", core.toString()));
        Account salesMember = api.join(admin, Map.of("teamId", sales.toString()));
        Account noTeam = api.join(admin);
        Map<String, Object> body = program("Core only");
        body.put("teamIds", List.of(core.toString()));
        UUID program = programs.program(admin, body);

        programs.optIn(coreMember, program, profile(List.of("sql"), List.of())).expect(201);
        for (Account outside : List.of(salesMember, noTeam)) {
            programs.optIn(outside, program, profile(List.of("sql"), List.of())).expectProblem(403);
            assertThat(api.get(outside.token(), "/api/v1/matching/programs/" + program)
                            .json()
                            .get("mayJoin")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Test
    void adminNamesCoachesFromTheOrganizationOnly() {
        Account admin = api.signUp();
        Account coach = api.join(admin);
        Account member = api.join(admin);
        Account stranger = api.signUp();
        UUID program = programs.program(admin);
        String path = "/api/v1/matching/programs/" + program + "/coaches";

        JsonNode named = api.send(
                        HttpMethod.PUT,
                        admin.token(),
                        path,
                        Map.of("personIds", List.of(coach.personId().toString())))
                .expect(200)
                .json();

        assertThat(named.get("coaches").get(0).get("name").asString()).isEqualTo(coach.name());
        api.send(
                        HttpMethod.PUT,
                        member.token(),
                        path,
                        Map.of("personIds", List.of(member.personId().toString())))
                .expectProblem(403);
        assertThat(api.send(
                                HttpMethod.PUT,
                                admin.token(),
                                path,
                                Map.of("personIds", List.of(stranger.personId().toString())))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_PERSON");
        assertThat(api.send(HttpMethod.PUT, admin.token(), path, Map.of()).errorFields())
                .containsExactly("personIds");
    }
}
