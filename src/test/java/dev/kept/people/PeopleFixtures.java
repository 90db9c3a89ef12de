package dev.kept.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many people and teams at once, written straight into the tables: inviting them through the API
 * one by one would make the tests of large lists slow. They cannot sign in (no password).
 */
public final class PeopleFixtures {

    private final JdbcClient jdbc;

    public PeopleFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A team of the organization, with no lead. */
    public UUID team(UUID organizationId, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into team (id, organization_id, name, lead_id, created_at, version)
                        values (:id, :organization, :name, null, :now, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("name", name)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    /**
     * {@code count} active members named {@code prefix 001}, {@code prefix 002}..., titled {@code
     * title}, in the team and reporting to the manager given (either may be null); their ids in order.
     */
    public List<UUID> people(UUID organizationId, String prefix, int count, String title, UUID teamId, UUID managerId) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into person (id, organization_id, name, email, title, team_id, region, manager_id,
                                                role, status, password_hash, time_zone, created_at, version)
                            values (:id, :organization, :name, :email, :title, :team, null, :manager,
                                    'MEMBER', 'ACTIVE', null, 'UTC', :now, 0)""")
                    .param("id", id)
                    .param("organization", organizationId)
                    .param("name", String.format("%s %03d", prefix, i))
                    .param("email", id + "@bulk.example.test")
                    .param("title", title)
                    .param("team", teamId)
                    .param("manager", managerId)
                    .param("now", Timestamp.from(Instant.now()))
                    .update();
            ids.add(id);
        }
        return ids;
    }
}
