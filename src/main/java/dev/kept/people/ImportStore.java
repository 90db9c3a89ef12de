package dev.kept.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based reads and writes of a people import: the organization's people and teams in one
 * statement each, and the rows to insert or update in batches. A thousand people are a handful of
 * statements, not a thousand aggregate saves.
 */
@Component
class ImportStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    ImportStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    List<ImportPlan.Known> people(UUID organizationId) {
        return jdbc.sql("""
                        select id, email, name, title, team_id, region, manager_id, role, status, level
                          from person where organization_id = :organization""")
                .param("organization", organizationId)
                .query((rs, n) -> new ImportPlan.Known(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("region"),
                        rs.getObject("manager_id", UUID.class),
                        Role.valueOf(rs.getString("role")),
                        PersonStatus.valueOf(rs.getString("status")),
                        rs.getObject("level", Integer.class)))
                .list();
    }

    List<ImportPlan.KnownTeam> teams(UUID organizationId) {
        return jdbc.sql("select id, name from team where organization_id = :organization")
                .param("organization", organizationId)
                .query((rs, n) -> new ImportPlan.KnownTeam(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    void insertTeams(UUID organizationId, List<ImportPlan.KnownTeam> teams, Instant now) {
        batch(
                """
                insert into team (id, organization_id, name, lead_id, created_at, version)
                values (:id, :organization, :name, null, :now, 0)""",
                teams.stream()
                        .map(team -> new MapSqlParameterSource()
                                .addValue("id", team.id())
                                .addValue("organization", organizationId)
                                .addValue("name", team.name())
                                .addValue("now", Timestamp.from(now)))
                        .toList());
    }

    /** New people, invited, without their managers (who may be among them): see {@link #setManagers}. */
    void insertPeople(UUID organizationId, List<NewPerson> people, String zone, Instant now) {
        batch(
                """
                insert into person (id, organization_id, name, email, title, team_id, region, manager_id, role,
                                    status, password_hash, time_zone, level, created_at, version)
                values (:id, :organization, :name, :email, :title, :team, :region, null, :role,
                        'INVITED', null, :zone, :level, :now, 0)""",
                people.stream()
                        .map(person -> fields(person.id(), person.wanted(), person.teamId())
                                .addValue("organization", organizationId)
                                .addValue("email", person.wanted().email())
                                .addValue("zone", zone)
                                .addValue("now", Timestamp.from(now)))
                        .toList());
    }

    record NewPerson(UUID id, ImportPlan.Wanted wanted, UUID teamId) {}

    record ChangedPerson(UUID id, ImportPlan.Wanted wanted, UUID teamId) {}

    void updatePeople(UUID organizationId, List<ChangedPerson> people) {
        batch(
                """
                update person set name = :name, title = :title, team_id = :team, region = :region, role = :role,
                                  level = :level, version = version + 1
                 where id = :id and organization_id = :organization""",
                people.stream()
                        .map(person -> fields(person.id(), person.wanted(), person.teamId())
                                .addValue("organization", organizationId))
                        .toList());
    }

    record ManagerLink(UUID personId, UUID managerId) {}

    void setManagers(UUID organizationId, List<ManagerLink> links) {
        batch(
                """
                update person set manager_id = :manager, version = version + 1
                 where id = :id and organization_id = :organization""",
                links.stream()
                        .map(link -> new MapSqlParameterSource()
                                .addValue("id", link.personId())
                                .addValue("manager", link.managerId())
                                .addValue("organization", organizationId))
                        .toList());
    }

    // --- a file kept between its preview and its application -----------------------------------

    UUID keep(UUID organizationId, UUID uploadedBy, String content, Instant now, Instant forgetBefore) {
        jdbc.sql("delete from person_import where created_at < :before")
                .param("before", Timestamp.from(forgetBefore))
                .update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into person_import (id, organization_id, uploaded_by, content, created_at)
                        values (:id, :organization, :by, :content, :now)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("by", uploadedBy)
                .param("content", content)
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    Optional<String> kept(UUID organizationId, UUID id, Instant notBefore) {
        return jdbc.sql("""
                        select content from person_import
                         where id = :id and organization_id = :organization and created_at >= :notBefore""")
                .param("id", id)
                .param("organization", organizationId)
                .param("notBefore", Timestamp.from(notBefore))
                .query(String.class)
                .optional();
    }

    void forget(UUID organizationId, UUID id) {
        jdbc.sql("delete from person_import where id = :id and organization_id = :organization")
                .param("id", id)
                .param("organization", organizationId)
                .update();
    }

    private static MapSqlParameterSource fields(UUID id, ImportPlan.Wanted wanted, UUID teamId) {
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("name", wanted.name())
                .addValue("title", wanted.title())
                .addValue("team", teamId)
                .addValue("region", wanted.region())
                .addValue("role", wanted.role().name())
                .addValue("level", wanted.level());
    }

    private void batch(String sql, List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }
}
