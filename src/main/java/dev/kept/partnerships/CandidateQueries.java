package dev.kept.partnerships;

import dev.kept.people.Person;
import dev.kept.shared.Cursor;
import dev.kept.shared.LikePattern;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keyset read of the people someone could invite as a partner, best fit first. The fit score
 * is worked out in the query, by the same rules as {@link Fit}, so that the database ranks the
 * organization and the application reads one page: whatever the organization's size, one
 * statement, and one page of rows.
 */
@Component
class CandidateQueries {

    private final JdbcClient jdbc;

    CandidateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Members (never guests) other than {@code me}, not in {@code excluded}, not above or below
     * {@code me} in a reporting line, whose name contains {@code part} (lower case; any when null),
     * ordered by fit score (lower is better), lower-cased name and id, after {@code after}.
     */
    List<Fit.Profile> page(Person me, Collection<UUID> excluded, String part, Cursor after, int rows) {
        String score = score(me);
        StringBuilder sql = new StringBuilder("""
                with recursive above (id, depth) as (
                    select manager_id, 1 from person
                     where organization_id = :organization and id = :me and manager_id is not null
                    union all
                    select p.manager_id, above.depth + 1 from person p
                      join above on p.id = above.id
                     where p.organization_id = :organization and p.manager_id is not null and above.depth < 64
                ),
                below (id, depth) as (
                    select id, 1 from person where organization_id = :organization and manager_id = :me
                    union all
                    select p.id, below.depth + 1 from person p
                      join below on p.manager_id = below.id
                     where p.organization_id = :organization and below.depth < 64
                )
                select page.*, t.name as team_name from (select * from (
                    select p.id, p.name, p.team_id, p.region, p.level,
                           lower(p.name) as sort_name,
                """);
        sql.append("       ").append(score).append(" as score\n");
        sql.append("""
                      from person p
                     where p.organization_id = :organization and p.role <> 'GUEST' and p.id <> :me
                       and p.id not in (:excluded)
                       and not exists (select 1 from above where above.id = p.id)
                       and not exists (select 1 from below where below.id = p.id)
                """);
        if (part != null) {
            sql.append("   and lower(p.name) like :part escape '\\'\n");
        }
        sql.append(") candidate\n");
        if (after != null) {
            sql.append("""
                     where candidate.score > :score
                        or (candidate.score = :score and (candidate.sort_name > :name
                            or (candidate.sort_name = :name and candidate.id > :id)))
                    """);
        }
        // the page is ranked first and named after: the team's name is joined to its rows only
        sql.append(" order by candidate.score, candidate.sort_name, candidate.id limit :rows) page")
                .append(" left join team t on t.id = page.team_id")
                .append(" order by page.score, page.sort_name, page.id");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("organization", me.getOrganizationId())
                .param("me", me.getId())
                .param("excluded", excluded.isEmpty() ? List.of(me.getId()) : excluded)
                .param("rows", rows);
        if (me.getTeamId() != null) {
            statement = statement.param("myTeam", me.getTeamId());
        }
        if (me.getRegion() != null) {
            statement = statement.param("myRegion", me.getRegion().toLowerCase(Locale.ROOT));
        }
        if (me.getLevel() != null) {
            statement = statement.param("myLevel", me.getLevel()).param("gap", Fit.LARGE_LEVEL_GAP);
        }
        if (part != null) {
            statement = statement.param("part", LikePattern.contains(part));
        }
        if (after != null) {
            Position position = Position.parse(after.position());
            statement = statement
                    .param("score", position.score())
                    .param("name", position.name())
                    .param("id", after.id());
        }
        return statement
                .query((rs, row) -> new Fit.Profile(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("team_name"),
                        rs.getString("region"),
                        (Integer) rs.getObject("level", Integer.class),
                        false))
                .list();
    }

    /**
     * The fit score as SQL: each of team, region and level that both people have counts +1 when it
     * is a reason to consider someone else and -1 when it is a good sign; what {@code me} lacks
     * counts 0 for everyone, and so is left out.
     */
    private static String score(Person me) {
        StringBuilder score = new StringBuilder("(0");
        if (me.getTeamId() != null) {
            score.append(" + case when p.team_id is null then 0 when p.team_id = :myTeam then 1 else -1 end");
        }
        if (me.getRegion() != null) {
            score.append(" + case when p.region is null then 0 when lower(p.region) = :myRegion then 1 else -1 end");
        }
        if (me.getLevel() != null) {
            score.append(" + case when p.level is null then 0 when abs(p.level - :myLevel) >= :gap then 1 else -1 end");
        }
        return score.append(")").toString();
    }

    /** Where a candidate stands in the best-fit order: its score and lower-cased name. */
    record Position(int score, String name) {

        static Position of(FitHint hint) {
            return new Position(Fit.score(hint), hint.name().toLowerCase(Locale.ROOT));
        }

        static Position parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("not a fit position: " + text);
            }
            return new Position(Integer.parseInt(text.substring(0, colon)), text.substring(colon + 1));
        }

        String text() {
            return score + ":" + name;
        }
    }
}
