package dev.kept.partnerships;

import dev.kept.people.Person;
import dev.kept.shared.Cursor;
import dev.kept.shared.LikePattern;
import java.util.ArrayList;
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
     * ordered by fit score (lower is better), name and id, after {@code after}.
     *
     * <p>The best possible fit (another team, another region, close in level, as far as {@code me}
     * has each) is read first in the name index's order, without ranking anyone: in an organization
     * of any size most people are such a fit, and the page is full after a few dozen rows. Only
     * when the best fits run out (a small organization, a late page) are the others ranked, in a
     * second statement.
     */
    List<Fit.Profile> page(Person me, Collection<UUID> excluded, String part, Cursor after, int rows) {
        int best = -attributes(me);
        Position position = after == null ? null : Position.parse(after.position());
        if (part != null || best == 0 || (position != null && position.score() > best)) {
            return ranked(me, excluded, part, position, after == null ? null : after.id(), null, rows);
        }
        List<Fit.Profile> found =
                new ArrayList<>(read(me, excluded, bestFit(me), position, after == null ? null : after.id(), rows));
        if (found.size() < rows) {
            found.addAll(ranked(me, excluded, null, null, null, best, rows - found.size()));
        }
        return found;
    }

    /** Ranked by the whole score: after {@code position}, or only those scoring over {@code above}. */
    private List<Fit.Profile> ranked(
            Person me,
            Collection<UUID> excluded,
            String part,
            Position position,
            UUID afterId,
            Integer above,
            int rows) {
        String score = score(me);
        StringBuilder where = new StringBuilder();
        if (part != null) {
            where.append(" and lower(p.name) like :part escape '\\'");
        }
        if (above != null) {
            where.append(" and ").append(score).append(" > :above");
        }
        if (position != null) {
            where.append(" and (")
                    .append(score)
                    .append(" > :score or (")
                    .append(score)
                    .append(" = :score and (p.name > :name or (p.name = :name and p.id > :id))))");
        }
        // a score that is a constant (nothing of the caller's to compare) would be read as a column's position
        String order = (attributes(me) == 0 ? "" : score + ", ") + "p.name, p.id";
        JdbcClient.StatementSpec statement = statement(me, excluded, where.toString(), order, position, afterId, rows);
        if (part != null) {
            statement = statement.param("part", LikePattern.contains(part));
        }
        if (above != null) {
            statement = statement.param("above", above);
        }
        return list(statement);
    }

    /** In name order, those meeting {@code condition}, after {@code position} when there is one. */
    private List<Fit.Profile> read(
            Person me, Collection<UUID> excluded, String condition, Position position, UUID afterId, int rows) {
        String where = " and " + condition
                + (position == null ? "" : " and (p.name > :name or (p.name = :name and p.id > :id))");
        return list(statement(me, excluded, where, "p.name, p.id", position, afterId, rows));
    }

    private JdbcClient.StatementSpec statement(
            Person me,
            Collection<UUID> excluded,
            String where,
            String order,
            Position position,
            UUID afterId,
            int rows) {
        // "not in" (a hashed set), not "not exists": so that PostgreSQL can read the people in the
        // order's index and stop after a page, instead of joining and sorting everyone
        String sql = """
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
                select page.*, t.name as team_name from (
                    select p.id, p.name, p.team_id, p.region, p.level, %s as score
                      from person p
                     where p.organization_id = :organization and p.role <> 'GUEST' and p.id <> :me
                       and p.status <> 'DEACTIVATED'
                       and p.id not in (:excluded)
                       and p.id not in (select above.id from above)
                       and p.id not in (select below.id from below)%s
                     order by %s limit :rows) page
                  left join team t on t.id = page.team_id
                """.formatted(score(me), where, order);
        // the team's name is joined to the page's rows only
        JdbcClient.StatementSpec statement = jdbc.sql(sql + " order by page.score, page.name, page.id")
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
        if (position != null) {
            statement = statement
                    .param("score", position.score())
                    .param("name", position.name())
                    .param("id", afterId);
        }
        return statement;
    }

    private static List<Fit.Profile> list(JdbcClient.StatementSpec statement) {
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

    /** How many of team, region and level {@code me} has: each counts in the score. */
    private static int attributes(Person me) {
        return (me.getTeamId() == null ? 0 : 1) + (me.getRegion() == null ? 0 : 1) + (me.getLevel() == null ? 0 : 1);
    }

    /**
     * The best fit as plain conditions on the columns (another team, another region, close in
     * level: each a good sign), so that PostgreSQL can estimate how many match and read the name
     * index; the same people as "score = -attributes".
     */
    private static String bestFit(Person me) {
        List<String> conditions = new ArrayList<>();
        if (me.getTeamId() != null) {
            conditions.add("p.team_id is not null and p.team_id <> :myTeam");
        }
        if (me.getRegion() != null) {
            conditions.add("p.region is not null and lower(p.region) <> :myRegion");
        }
        if (me.getLevel() != null) {
            conditions.add("p.level is not null and abs(p.level - :myLevel) < :gap");
        }
        return String.join(" and ", conditions);
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

    /** Where a candidate stands in the best-fit order: its score and name. */
    record Position(int score, String name) {

        static Position of(FitHint hint) {
            return new Position(Fit.score(hint), hint.name());
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
