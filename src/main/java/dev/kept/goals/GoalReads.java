package dev.kept.goals;

import dev.kept.access.AccessPolicy;
import dev.kept.access.Visibility;
import dev.kept.commitments.RiskReason;
import dev.kept.people.Caller;
import dev.kept.shared.Cursor;
import dev.kept.shared.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads behind a goal's summary and its lists, in SQL: the commitments serving a set of goals
 * counted per goal and per owner's team in one statement (group by), whatever the tree's size; the
 * commitments serving one goal a page at a time; the goals beneath one goal a page at a time. Every
 * commitment read is behind the access policy's SQL scope: what the viewer may not see is counted
 * counted per goal and team, never by state, and
 * never shown.
 */
@Component
class GoalReads {

    /** An open commitment at risk, as {@code RiskReason} says, as a SQL condition on {@code c}. */
    private static final String AT_RISK = "(" + RiskReason.SQL + ")";

    private static final Cursor FIRST = new Cursor("", new UUID(0, 0));

    /**
     * The commitments serving {@code :goals} read from the second placeholder (aliased {@code c}) and
     * meeting a condition (the third, "and ..." or empty), counted per goal, owner's team and the
     * first placeholder's columns (empty, or ", visibility"), by state. "offset 0 rows" keeps the
     * inner select whole, so that the risk rule is evaluated once per row (PostgreSQL would
     * otherwise fold it into each sum).
     */
    private static final String COUNTED = """
            select x.goal_id, x.team_id%1$s, count(*) as counted,
                   sum(case when x.status = 'OPEN' then 1 else 0 end) as open_count,
                   sum(x.at_risk) as at_risk,
                   sum(case when x.status = 'OPEN' and x.due < :today then 1 else 0 end) as overdue,
                   sum(case when x.status = 'CLOSED' then 1 else 0 end) as closed_count,
                   sum(case when x.outcome = 'KEPT' then 1 else 0 end) as kept,
                   sum(case when x.outcome = 'NOT_KEPT' then 1 else 0 end) as not_kept
              from (select c.goal_id, owner.team_id, c.visibility, c.status, c.outcome, c.due,
                           case when %4$s then 1 else 0 end as at_risk
                      from %2$s join person owner on owner.id = c.owner_id
                     where c.organization_id = :organization and c.goal_id in (:goals)%3$s
                    offset 0 rows) x
             group by x.goal_id, x.team_id%1$s
            """;

    private final JdbcClient jdbc;
    private final AccessPolicy policy;

    private final TallyCache cache;

    GoalReads(JdbcClient jdbc, AccessPolicy policy, TallyCache cache) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.cache = cache;
    }

    /** The commitments serving one goal, owned by members of one team (null: of no team), counted. */
    record Counted(UUID goalId, UUID teamId, Tally tally) {}

    /**
     * What the caller may see of commitments (aliased {@code c}), as the reads below take it: built
     * once for a request that both counts and lists, as it reads the caller and their partnerships.
     */
    AccessPolicy.SqlScope scope(Caller caller) {
        return policy.visibleTo(caller, "c");
    }

    /**
     * The commitments serving {@code goalIds} (the goal {@code rootId} and the goals beneath it) that
     * the caller may see, counted per goal and owner's team by state, and those they may not see,
     * counted as a whole. What members see for being members (organization and team visibility) is
     * counted once for everyone and kept ({@link TallyCache}); what the caller sees for being
     * themselves (their own, made to them, co-owned or shared with them) is read per request, from
     * the few rows that are theirs.
     */
    List<Counted> tallies(Caller caller, UUID rootId, Set<UUID> goalIds, LocalDate today, Instant now) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        AccessPolicy.Audience audience = policy.audienceOf(caller);
        Map<List<UUID>, Tally> counts = new LinkedHashMap<>();
        for (TallyCache.Counted row : cache.counts(
                caller.organizationId(),
                rootId,
                goalIds,
                today,
                now,
                () -> everyone(caller.organizationId(), goalIds, today, now))) {
            Tally tally = row.tally();
            boolean seen = audience.sees(Visibility.valueOf(row.visibility()), row.teamId());
            counts.merge(
                    Arrays.asList(row.goalId(), row.teamId()),
                    seen ? tally : new Tally(0, 0, 0, 0, 0, 0, 0, tally.visible()),
                    Tally::plus);
        }
        AccessPolicy.SqlScope personal = policy.personalTo(caller, "c");
        // The caller's rows first, then those of them serving the goals: read as one statement, the
        // database would walk every commitment serving the goals rather than start from the few.
        List<UUID> mine = jdbc.sql("select distinct mine.id from (" + personal.narrowing() + ") mine")
                .params(personal.parameters())
                .query(UUID.class)
                .list();
        if (!mine.isEmpty()) {
            jdbc.sql(COUNTED.formatted("", "commitment c", " and c.id in (:mine) and " + personal.predicate(), AT_RISK))
                    .params(personal.parameters())
                    .params(riskParameters(today, now))
                    .param("today", today)
                    .param("organization", caller.organizationId())
                    .param("goals", List.copyOf(goalIds))
                    .param("mine", mine)
                    // Seen by the caller, and counted above as hidden.
                    .query((rs, n) -> counts.merge(
                            Arrays.asList(rs.getObject("goal_id", UUID.class), rs.getObject("team_id", UUID.class)),
                            tally(rs, -rs.getLong("counted")),
                            Tally::plus))
                    .list();
        }
        return counts.entrySet().stream()
                .map(count -> new Counted(count.getKey().get(0), count.getKey().get(1), atLeastNone(count.getValue())))
                .toList();
    }

    /**
     * A tally whose hidden count went below zero: the kept counts are older than a change made by
     * another instance of Kept (at most {@link TallyCache#FRESH}), and none is hidden.
     */
    private static Tally atLeastNone(Tally tally) {
        return tally.hidden() >= 0
                ? tally
                : new Tally(
                        tally.visible(),
                        tally.open(),
                        tally.atRisk(),
                        tally.overdue(),
                        tally.closed(),
                        tally.kept(),
                        tally.notKept(),
                        0);
    }

    /**
     * The commitments serving the goals, counted per goal, owner's team and visibility by state as
     * if every one were seen: what {@link TallyCache} keeps.
     */
    private List<TallyCache.Counted> everyone(UUID organizationId, Set<UUID> goalIds, LocalDate today, Instant now) {
        return jdbc.sql(COUNTED.formatted(", x.visibility", "commitment c", "", AT_RISK))
                .params(riskParameters(today, now))
                .param("today", today)
                .param("organization", organizationId)
                .param("goals", List.copyOf(goalIds))
                .query((rs, n) -> new TallyCache.Counted(
                        rs.getObject("goal_id", UUID.class),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("visibility"),
                        tally(rs, 0)))
                .list();
    }

    /** A row of {@link #COUNTED} as a tally of seen commitments, with {@code hidden} hidden ones. */
    private static Tally tally(ResultSet rs, long hidden) throws SQLException {
        return new Tally(
                rs.getLong("counted"),
                rs.getLong("open_count"),
                rs.getLong("at_risk"),
                rs.getLong("overdue"),
                rs.getLong("closed_count"),
                rs.getLong("kept"),
                rs.getLong("not_kept"),
                hidden);
    }

    /**
     * The commitments serving this goal itself that the caller may see, open ones first, then by
     * due date: the page after {@code cursor} (null: the first), at most {@code limit}.
     */
    Page<ServingCommitment> serving(
            AccessPolicy.SqlScope scope, UUID goalId, String cursor, int limit, LocalDate today, Instant now) {
        Cursor after = Cursor.orStart(cursor, GoalReads::rankAndDay, FIRST);
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        parameters.putAll(riskParameters(today, now));
        StringBuilder sql = new StringBuilder("""
                select c.id, c.what, c.owner_id, p.name as owner_name, c.goal_id, c.due, c.status, c.percent,
                       c.confidence, c.outcome, case when %s then 1 else 0 end as at_risk
                  from commitment c
                  join person p on p.id = c.owner_id and p.organization_id = c.organization_id
                 where c.goal_id = :goal and %s
                """.formatted(AT_RISK, scope.predicate()));
        if (after != FIRST) {
            String[] position = after.position().split(":", 2);
            boolean open = position[0].equals("0");
            sql.append(
                    open
                            ? " and (c.status <> 'OPEN' or (c.status = 'OPEN' and (c.due > :due or (c.due = :due and c.id > :id))))"
                            : " and c.status <> 'OPEN' and (c.due > :due or (c.due = :due and c.id > :id))");
            parameters.put("due", LocalDate.parse(position[1]));
            parameters.put("id", after.id());
        }
        sql.append(" order by case when c.status = 'OPEN' then 0 else 1 end, c.due, c.id limit :rows");
        parameters.put("goal", goalId);
        parameters.put("rows", limit + 1);
        List<ServingCommitment> rows = jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    LocalDate due = rs.getObject("due", LocalDate.class);
                    return new ServingCommitment(
                            rs.getObject("id", UUID.class),
                            rs.getString("what"),
                            rs.getObject("owner_id", UUID.class),
                            rs.getString("owner_name"),
                            rs.getObject("goal_id", UUID.class),
                            due,
                            status,
                            rs.getInt("percent"),
                            rs.getString("confidence"),
                            rs.getString("outcome"),
                            rs.getInt("at_risk") == 1,
                            "OPEN".equals(status) && due.isBefore(today));
                })
                .list();
        return Page.of(
                rows, limit, last -> new Cursor(("OPEN".equals(last.status()) ? "0:" : "1:") + last.due(), last.id()));
    }

    /** A goal and every goal beneath it, at any depth, each with its parent. */
    record Subtree(UUID root, Map<UUID, UUID> parentOf) {

        Set<UUID> ids() {
            return parentOf.keySet();
        }

        /** The goals directly beneath {@code id}. */
        List<UUID> children(UUID id) {
            return parentOf.entrySet().stream()
                    .filter(entry ->
                            id.equals(entry.getValue()) && !entry.getKey().equals(root))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        /** How many goals sit directly beneath each goal that has any. */
        Map<UUID, Long> childCounts() {
            Map<UUID, Long> counts = new HashMap<>();
            parentOf.forEach((id, parent) -> {
                if (parent != null && !id.equals(root)) {
                    counts.merge(parent, 1L, Long::sum);
                }
            });
            return counts;
        }

        /** For each goal beneath the root's children (and each child), the child it sits under. */
        Map<UUID, UUID> branches() {
            Map<UUID, UUID> branchOf = new HashMap<>();
            for (UUID id : parentOf.keySet()) {
                UUID current = id;
                int steps = 0;
                while (current != null && !root.equals(parentOf.get(current)) && steps++ < parentOf.size()) {
                    current = parentOf.get(current);
                }
                if (current != null && !current.equals(root) && root.equals(parentOf.get(current))) {
                    branchOf.put(id, current);
                }
            }
            return branchOf;
        }
    }

    /** A goal and the goals beneath it at any depth, in one recursive statement. */
    Subtree subtree(UUID organizationId, UUID goalId) {
        Map<UUID, UUID> parentOf = new HashMap<>();
        jdbc.sql("""
                        with recursive beneath (id, parent_id, depth) as (
                            select id, parent_id, 0 from goal where organization_id = :organization and id = :goal
                            union all
                            select g.id, g.parent_id, beneath.depth + 1 from goal g
                              join beneath on g.parent_id = beneath.id
                             where g.organization_id = :organization and beneath.depth < 64
                        )
                        select distinct id, parent_id from beneath""")
                .param("organization", organizationId)
                .param("goal", goalId)
                .query((rs, n) -> parentOf.put(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class)))
                .list();
        return new Subtree(goalId, parentOf);
    }

    /** A goal in a list, with how many goals sit directly beneath it. */
    record Listed(UUID id, long beneath) {}

    /**
     * The goals directly beneath a goal (the top-level goals when {@code parentId} is null):
     * organization goals first, then by due date; the page after {@code cursor}, at most {@code limit}.
     */
    Page<Listed> beneath(UUID organizationId, UUID parentId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, GoalReads::rankAndDay, FIRST);
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select g.id, g.due, case when g.team_id is null then 0 else 1 end as kind,
                       (select count(*) from goal k where k.organization_id = g.organization_id
                           and k.parent_id = g.id) as beneath
                  from goal g where g.organization_id = :organization
                """);
        sql.append(parentId == null ? " and g.parent_id is null" : " and g.parent_id = :parent");
        if (after != FIRST) {
            String[] position = after.position().split(":", 2);
            sql.append(
                    position[0].equals("0")
                            ? " and (g.team_id is not null or (g.team_id is null and (g.due > :due or (g.due = :due and g.id > :id))))"
                            : " and g.team_id is not null and (g.due > :due or (g.due = :due and g.id > :id))");
            parameters.put("due", LocalDate.parse(position[1]));
            parameters.put("id", after.id());
        }
        sql.append(" order by case when g.team_id is null then 0 else 1 end, g.due, g.id limit :rows");
        parameters.put("organization", organizationId);
        if (parentId != null) {
            parameters.put("parent", parentId);
        }
        parameters.put("rows", limit + 1);
        record Row(UUID id, LocalDate due, int kind, long beneath) {}
        List<Row> rows = jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("due", LocalDate.class),
                        rs.getInt("kind"),
                        rs.getLong("beneath")))
                .list();
        return Page.of(rows, limit, last -> new Cursor(last.kind() + ":" + last.due(), last.id()))
                .map(row -> new Listed(row.id(), row.beneath()));
    }

    /** A position of the form "0:2026-12-01" (0 first, 1 after): parses, or throws. */
    private static Object rankAndDay(String position) {
        String[] parts = position.split(":", 2);
        if (parts.length != 2 || !(parts[0].equals("0") || parts[0].equals("1"))) {
            throw new IllegalArgumentException("not a position of this list");
        }
        return LocalDate.parse(parts[1]);
    }

    private static Map<String, Object> riskParameters(LocalDate today, Instant now) {
        return RiskReason.sqlParameters(today, now);
    }
}
