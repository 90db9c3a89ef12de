package dev.kept.goals;

import dev.kept.shared.LikePattern;
import dev.kept.shared.NamedChoice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads behind a goal search field: a bounded first set, the goals whose title contains what is
 * typed, and the goals of one title. Each is one statement and answers at most the rows asked for,
 * whatever the number of goals; the title is hinted with its team's name.
 */
@Component
class GoalNames {

    private static final UUID NONE = new UUID(0, 0);

    private static final String CHOICE = """
            select g.id, g.title, t.name as team_name
              from goal g
              left join team t on t.id = g.team_id
            """;

    private final JdbcClient jdbc;

    GoalNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a field offers before anything is typed: {@code current} (the goal the form holds)
     * first, then the organization's goals, the team's and those it co-owns, in the tree's order
     * (organization goals first, then by due date); at most {@code rows}.
     */
    List<NamedChoice> first(UUID organizationId, UUID teamId, UUID current, int rows) {
        return jdbc.sql(CHOICE + """
                         where g.organization_id = :organization
                           and (g.team_id is null or g.team_id = :team or g.id = :current
                                or g.id in (select o.goal_id from goal_owner_team o
                                             where o.organization_id = :organization and o.team_id = :team))
                         order by case when g.id = :current then 0 else 1 end,
                                  case when g.team_id is null then 0 else 1 end, g.due, g.id
                         limit :rows""")
                .param("organization", organizationId)
                .param("team", teamId == null ? NONE : teamId)
                .param("current", current == null ? NONE : current)
                .param("rows", rows)
                .query(GoalNames::choice)
                .list();
    }

    /**
     * The goals whose title contains {@code text} (any case): titles that start with it first, then
     * in the tree's order; at most {@code rows}.
     */
    List<NamedChoice> containing(UUID organizationId, String text, int rows) {
        return jdbc.sql(CHOICE + """
                         where g.organization_id = :organization and lower(g.title) like :contains escape '\\'
                         order by case when lower(g.title) like :starts escape '\\' then 0 else 1 end,
                                  case when g.team_id is null then 0 else 1 end, g.due, g.id
                         limit :rows""")
                .param("organization", organizationId)
                .param("contains", LikePattern.contains(text))
                .param("starts", LikePattern.startsWith(text))
                .param("rows", rows)
                .query(GoalNames::choice)
                .list();
    }

    /**
     * The ids of at most two goals with this title: written exactly so (by the index on the title),
     * or else in any case. Two mean the title is ambiguous.
     */
    List<UUID> titled(UUID organizationId, String title) {
        return NamedChoice.idsNamed(jdbc, "goal", "title", organizationId, title);
    }

    private static NamedChoice choice(ResultSet rs, int row) throws SQLException {
        return new NamedChoice(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("team_name"));
    }
}
