package dev.kept.people;

import dev.kept.shared.Cursor;
import dev.kept.shared.LikePattern;
import dev.kept.shared.NamedChoice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keyset reads of the directory, the team list and the organization chart: one statement a
 * page, with the names a page shows (team, manager, lead) joined in rather than read per row.
 */
@Component
class Directory {

    private static final String PERSON_COLUMNS = """
            p.id, p.organization_id, p.name, p.email, p.title, p.team_id, p.region, p.manager_id, p.role,
            p.status, p.password_hash, p.time_zone, p.level, p.created_at, p.version, p.password_changed_at""";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Members (never guests) matching the search, by name then id, after {@code after}: those still
     * here, those deactivated, or those whose manager was deactivated, as the search says.
     */
    List<DirectoryEntry> people(UUID organizationId, PeopleSearch search, Cursor after, int rows) {
        StringBuilder where = new StringBuilder(
                switch (search.among()) {
                    case PRESENT -> " and p.status <> 'DEACTIVATED'";
                    case DEACTIVATED -> " and p.status = 'DEACTIVATED'";
                    case MANAGER_DEACTIVATED -> " and p.status <> 'DEACTIVATED' and m.status = 'DEACTIVATED'";
                });
        if (search.q() != null) {
            where.append(" and lower(p.name) like :q escape '\\'");
        }
        if (search.teamId() != null) {
            where.append(" and p.team_id = :team");
        }
        if (search.title() != null) {
            where.append(" and lower(p.title) like :title escape '\\'");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(
                        "select " + PERSON_COLUMNS + """
                        , t.name as team_name, m.name as manager_name
                          from person p
                          left join team t on t.id = p.team_id
                          left join person m on m.id = p.manager_id
                         where p.organization_id = :organization and p.role <> 'GUEST'
                           and (p.name > :name or (p.name = :name and p.id > :id))""" + where + " order by p.name, p.id limit :rows")
                .param("organization", organizationId)
                .param("name", after.position())
                .param("id", after.id())
                .param("rows", rows);
        if (search.q() != null) {
            statement = statement.param("q", LikePattern.contains(search.q()));
        }
        if (search.teamId() != null) {
            statement = statement.param("team", search.teamId());
        }
        if (search.title() != null) {
            statement = statement.param("title", LikePattern.contains(search.title()));
        }
        return statement
                .query((rs, row) ->
                        new DirectoryEntry(person(rs), rs.getString("team_name"), rs.getString("manager_name")))
                .list();
    }

    /** Teams by name then id, after {@code after}, each with its lead's name and its member count. */
    List<TeamSummary> teams(UUID organizationId, Cursor after, int rows) {
        return jdbc.sql(TEAM_SUMMARY + """
                         where t.organization_id = :organization
                           and (t.name > :name or (t.name = :name and t.id > :id))
                         order by t.name, t.id limit :rows""")
                .param("organization", organizationId)
                .param("name", after.position())
                .param("id", after.id())
                .param("rows", rows)
                .query((rs, row) -> teamSummary(rs))
                .list();
    }

    /**
     * At most {@code rows} teams whose name contains the text (any case), as a search field offers
     * them: the team {@code first} (the viewer's) if it matches, then names that start with the
     * text, then the others, each group by name.
     */
    List<NamedChoice> teamChoices(UUID organizationId, UUID first, String text, int rows) {
        String typed = text == null ? "" : text.strip();
        return jdbc.sql("""
                        select id, name from team
                         where organization_id = :organization and lower(name) like :contains escape '\\'
                         order by case when id = :first then 0
                                       when lower(name) like :starts escape '\\' then 1 else 2 end,
                                  name, id
                         limit :rows""")
                .param("organization", organizationId)
                .param("first", first == null ? new UUID(0, 0) : first)
                .param("contains", LikePattern.contains(typed))
                .param("starts", LikePattern.startsWith(typed))
                .param("rows", rows)
                .query((rs, row) -> teamChoice(rs))
                .list();
    }

    /**
     * The ids of at most two teams with this name: written exactly so (names are unique, so one at
     * most), or else in any case; two mean the name is ambiguous.
     */
    List<UUID> teamsNamed(UUID organizationId, String name) {
        return NamedChoice.idsNamed(jdbc, "team", "name", organizationId, name);
    }

    /** The teams of these ids the organization has, by name then id. */
    List<NamedChoice> teamsIn(UUID organizationId, Collection<UUID> ids) {
        return jdbc.sql("""
                        select id, name from team where organization_id = :organization and id in (:ids)
                         order by name, id""")
                .param("organization", organizationId)
                .param("ids", ids)
                .query((rs, row) -> teamChoice(rs))
                .list();
    }

    Optional<TeamSummary> team(UUID organizationId, UUID teamId) {
        return jdbc.sql(TEAM_SUMMARY + " where t.organization_id = :organization and t.id = :team")
                .param("organization", organizationId)
                .param("team", teamId)
                .query((rs, row) -> teamSummary(rs))
                .optional();
    }

    private static final String TEAM_SUMMARY = """
            select t.id, t.name, t.lead_id, l.name as lead_name, l.status as lead_status,
                   (select count(*) from person p
                     where p.organization_id = t.organization_id and p.team_id = t.id
                       and p.role <> 'GUEST' and p.status <> 'DEACTIVATED') as members
              from team t
              left join person l on l.id = t.lead_id
            """;

    /**
     * A person and the managers above them, from the top of their reporting line down to them, in
     * one statement (a recursive query that stops at a depth no real organization reaches).
     */
    List<ChartEntry> chain(UUID organizationId, UUID personId) {
        List<ChartEntry> upward = jdbc.sql("""
                        with recursive line (id, manager_id, depth) as (
                            select id, manager_id, 0 from person
                             where organization_id = :organization and id = :person
                            union all
                            select m.id, m.manager_id, line.depth + 1 from person m
                              join line on m.id = line.manager_id
                             where m.organization_id = :organization and line.depth < 64
                        )
                        select\s""" + PERSON_COLUMNS + """
                        , t.name as team_name, line.depth,
                               (select count(*) from person r
                                 where r.organization_id = p.organization_id and r.manager_id = p.id
                                   and r.role <> 'GUEST') as reports
                          from line
                          join person p on p.id = line.id
                          left join team t on t.id = p.team_id
                         order by line.depth desc""")
                .param("organization", organizationId)
                .param("person", personId)
                .query((rs, row) -> chartEntry(rs))
                .list();
        return new ArrayList<>(upward);
    }

    /** The people reporting directly to a manager, by name then id, at most {@code rows}. */
    List<ChartEntry> reports(UUID organizationId, UUID managerId, int rows) {
        return jdbc.sql("select " + PERSON_COLUMNS + """
                        , t.name as team_name,
                               (select count(*) from person r
                                 where r.organization_id = p.organization_id and r.manager_id = p.id
                                   and r.role <> 'GUEST') as reports
                          from person p
                          left join team t on t.id = p.team_id
                         where p.organization_id = :organization and p.manager_id = :manager
                           and p.role <> 'GUEST'
                         order by p.name, p.id limit :rows""")
                .param("organization", organizationId)
                .param("manager", managerId)
                .param("rows", rows)
                .query((rs, row) -> chartEntry(rs))
                .list();
    }

    /** The people without a manager (the tops of the reporting lines), by name, at most {@code rows}. */
    List<ChartEntry> tops(UUID organizationId, int rows) {
        return jdbc.sql("select " + PERSON_COLUMNS + """
                        , t.name as team_name,
                               (select count(*) from person r
                                 where r.organization_id = p.organization_id and r.manager_id = p.id
                                   and r.role <> 'GUEST') as reports
                          from person p
                          left join team t on t.id = p.team_id
                         where p.organization_id = :organization and p.manager_id is null
                           and p.role <> 'GUEST'
                         order by p.name, p.id limit :rows""")
                .param("organization", organizationId)
                .param("rows", rows)
                .query((rs, row) -> chartEntry(rs))
                .list();
    }

    /**
     * A person of the organization, every column: read straight through the client rather than the
     * repository, whose proxy costs more than the statement on a read nearly every request makes.
     */
    Optional<Person> person(UUID organizationId, UUID id) {
        return jdbc.sql("select * from person where id = :id and organization_id = :organization")
                .param("organization", organizationId)
                .param("id", id)
                .query(PersonRows.MAPPER)
                .optional();
    }

    Optional<String> personName(UUID organizationId, UUID id) {
        return jdbc.sql("select name from person where organization_id = :organization and id = :id")
                .param("organization", organizationId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    Optional<String> teamName(UUID organizationId, UUID id) {
        return jdbc.sql("select name from team where organization_id = :organization and id = :id")
                .param("organization", organizationId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    long members(UUID organizationId) {
        return jdbc.sql("select count(*) from person where organization_id = :organization and role <> 'GUEST'")
                .param("organization", organizationId)
                .query(Long.class)
                .single();
    }

    long tops(UUID organizationId) {
        return jdbc.sql("""
                        select count(*) from person
                         where organization_id = :organization and manager_id is null and role <> 'GUEST'""")
                .param("organization", organizationId)
                .query(Long.class)
                .single();
    }

    /** The ids of an organization's admins. */
    List<UUID> admins(UUID organizationId) {
        return jdbc.sql("select id from person where organization_id = :organization and role = 'ADMIN'")
                .param("organization", organizationId)
                .query(UUID.class)
                .list();
    }

    /** The ids of the members (never guests) of these teams, only those who have joined when {@code joinedOnly}. */
    List<UUID> memberIds(UUID organizationId, Collection<UUID> teamIds, boolean joinedOnly) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from person
                         where organization_id = :organization and team_id in (:teams) and role <> 'GUEST'""" + (joinedOnly ? " and status = 'ACTIVE'" : ""))
                .param("organization", organizationId)
                .param("teams", List.copyOf(teamIds))
                .query(UUID.class)
                .list();
    }

    /** The ids of a team's lead and its members (never guests). */
    List<UUID> leadAndMemberIds(UUID organizationId, UUID teamId) {
        return jdbc.sql("""
                        select lead_id from team
                         where organization_id = :organization and id = :team and lead_id is not null
                        union
                        select id from person
                         where organization_id = :organization and team_id = :team and role <> 'GUEST'""")
                .param("organization", organizationId)
                .param("team", teamId)
                .query(UUID.class)
                .list();
    }

    private static ChartEntry chartEntry(ResultSet rs) throws SQLException {
        return new ChartEntry(person(rs), rs.getString("team_name"), rs.getLong("reports"));
    }

    private static NamedChoice teamChoice(ResultSet rs) throws SQLException {
        return new NamedChoice(rs.getObject("id", UUID.class), rs.getString("name"), null);
    }

    private static TeamSummary teamSummary(ResultSet rs) throws SQLException {
        return new TeamSummary(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("lead_id", UUID.class),
                rs.getString("lead_name"),
                "DEACTIVATED".equals(rs.getString("lead_status")),
                rs.getLong("members"));
    }

    private static Person person(ResultSet rs) throws SQLException {
        return PersonRows.MAPPER.mapRow(rs, 0);
    }
}
