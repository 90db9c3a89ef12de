package dev.kept.people;

import static dev.kept.SameMapping.assertSameEntity;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hot reads of a person and a team map a row by hand: the same entity as the generic mapping. */
@KeptApiTest
class HandMappedRowsTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    PersonRepository persons;

    @Autowired
    TeamRepository teams;

    @Autowired
    Directory directory;

    @Test
    void aPersonReadByHandEqualsTheGenericReadWithEveryColumnSet() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Platform"));
        Account member = api.join(
                admin,
                Map.of(
                        "title",
                        "Engineer",
                        "teamId",
                        team.toString(),
                        "region",
                        "EMEA",
                        "managerId",
                        admin.personId().toString(),
                        "level",
                        4));
        // a changed password sets the time sessions are checked against
        api.post(
                        member.token(),
                        "/api/v1/me/password",
                        Map.of("currentPassword", member.password(), "newPassword", "Another-quiet-river-43"))
                .expect(200);

        assertSameEntity(
                persons.findById(member.personId()).orElseThrow(),
                directory.person(member.organizationId(), member.personId()).orElseThrow());
    }

    @Test
    void aTeamReadByHandEqualsTheGenericReadWithEveryColumnSet() {
        Account admin = api.signUp();
        Account lead = api.join(admin);
        UUID team = api.team(admin, ApiFixtures.unique("Sales"), lead);

        Team generic = teams.findById(team).orElseThrow();
        assertSameEntity(
                generic,
                teams.findByIdAndOrganizationId(team, admin.organizationId()).orElseThrow());
        assertSameEntity(
                generic,
                teams.findByOrganizationIdOrderByName(admin.organizationId()).stream()
                        .filter(t -> t.getId().equals(team))
                        .findFirst()
                        .orElseThrow());
    }
}
