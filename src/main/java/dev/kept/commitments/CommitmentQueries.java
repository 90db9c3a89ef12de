package dev.kept.commitments;

import dev.kept.access.AccessPolicy;
import dev.kept.access.Visibility;
import dev.kept.people.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The list reads of commitments, in SQL, always behind the access policy's scope. */
@Component
class CommitmentQueries {

    private static final String SELECT = """
            select c.id, c.owner_id, p.name as owner_name, c.what, c.done_when, c.due, c.why, c.visibility,
                   c.goal_id,
                   c.status, c.percent, c.confidence, c.outcome, c.reflection, c.created_at, c.updated_at,
                   c.last_progress_at, c.closed_at, c.version, c.renegotiated, c.made_to_id,
                   (select count(*) from milestone m where m.commitment_id = c.id) as milestones,
                   (select count(*) from milestone m where m.commitment_id = c.id and m.done_at is not null)
                       as milestones_done,
                   p.status as owner_status
              from commitment c
              join person p on p.id = c.owner_id and p.organization_id = c.organization_id
             where
            """;

    private final JdbcClient jdbc;
    private final AccessPolicy policy;

    CommitmentQueries(JdbcClient jdbc, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /**
     * One page of the commitments the caller may see that match the search, in the list's order:
     * open ones due soonest first, then closed ones, each by due date and id. Reads {@code rows}
     * rows at most in one statement, walking the index {@code (organization_id, status desc, due,
     * id)} and stopping after {@code rows}, so no query computes the caller's whole visible set: the
     * first page in one walk, open ones then closed ones; a later page the open ones from the
     * position on and the closed ones, a walk each.
     */
    List<CommitmentView> visiblePage(
            Caller caller, CommitmentSearch search, ListPosition after, int rows, LocalDate today, Instant now) {
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        StringBuilder where = new StringBuilder(scope.predicate());
        if (scope.narrowing() != null) {
            // the few rows such a caller sees are found from their ids, not by walking every row
            where.append(" and c.id in (").append(scope.narrowing()).append(')');
        }
        search.appendTo(where, parameters, today, now);
        parameters.put("rows", rows);
        if (after == null && search.mayBeOpen() && search.mayBeClosed()) {
            // the first page walks one index in the list's order, open ones first, and stops after a page
            return jdbc.sql(SELECT + where + " order by c.status desc, c.due, c.id limit :rows")
                    .params(parameters)
                    .query(views(today, now))
                    .list();
        }
        boolean inClosed = after != null && after.closed();
        List<String> segments = new ArrayList<>();
        if (!inClosed && search.mayBeOpen()) {
            segments.add(segment(where, false, after != null));
        }
        if (search.mayBeClosed()) {
            segments.add(segment(where, true, inClosed));
        }
        if (segments.isEmpty()) {
            return List.of();
        }
        if (after != null) {
            parameters.put("afterDue", after.due());
            parameters.put("afterId", after.id());
        }
        String sql = segments.size() == 1
                ? segments.get(0)
                : "select * from (" + String.join(" union all ", segments)
                        + ") page order by segment, due, id limit :rows";
        return jdbc.sql(sql).params(parameters).query(views(today, now)).list();
    }

    /**
     * The open or the closed commitments matching {@code where} (after the position, when {@code
     * keyset}), by due date and id, as a parenthesized select with a {@code segment} column.
     */
    private static String segment(CharSequence where, boolean closed, boolean keyset) {
        StringBuilder sql = new StringBuilder("(")
                .append(SELECT.replace("select c.id,", "select " + (closed ? 1 : 0) + " as segment, c.id,"))
                .append(where)
                .append(closed ? " and c.status = 'CLOSED'" : " and c.status = 'OPEN'");
        if (keyset) {
            // the plain "c.due >= :afterDue" lets the database start the index walk at the position
            sql.append(" and c.due >= :afterDue and (c.due > :afterDue or (c.due = :afterDue and c.id > :afterId))");
        }
        return sql.append(" order by c.due, c.id limit :rows)").toString();
    }

    /**
     * An open commitment at risk, as {@link RiskReason} says: the confidence, behind with a week to
     * go, or silent for 14 days.
     */
    static final String AT_RISK = RiskReason.SQL;

    Optional<String> ownTitle(UUID organizationId, UUID ownerId, UUID id) {
        return jdbc.sql(
                        "select what from commitment where id = :id and organization_id = :organization and owner_id = :owner")
                .param("id", id)
                .param("organization", organizationId)
                .param("owner", ownerId)
                .query(String.class)
                .optional();
    }

    static Map<String, Object> atRiskParameters(LocalDate today, Instant now) {
        return RiskReason.sqlParameters(today, now);
    }

    /**
     * The caller's own open commitments due in [from, until] (either end null: open), soonest
     * first, at most {@code rows} of them.
     */
    List<CommitmentView> ownOpenDue(
            Caller caller, LocalDate from, LocalDate until, int rows, LocalDate today, Instant now) {
        StringBuilder sql = new StringBuilder(SELECT)
                .append("c.organization_id = :organization and c.owner_id = :owner and c.status = 'OPEN'");
        Map<String, Object> parameters = new HashMap<>();
        if (from != null) {
            sql.append(" and c.due >= :from");
            parameters.put("from", from);
        }
        if (until != null) {
            sql.append(" and c.due <= :until");
            parameters.put("until", until);
        }
        return jdbc.sql(sql.append(" order by c.due, c.id limit :rows").toString())
                .param("organization", caller.organizationId())
                .param("owner", caller.personId())
                .param("rows", rows)
                .params(parameters)
                .query(views(today, now))
                .list();
    }

    /** The caller's own open commitments at risk, for any of the reasons, soonest first, at most {@code rows}. */
    List<CommitmentView> ownAtRisk(Caller caller, int rows, LocalDate today, Instant now) {
        return jdbc.sql(SELECT + "c.organization_id = :organization and c.owner_id = :owner and " + AT_RISK
                        + " order by c.due, c.id limit :rows")
                .param("organization", caller.organizationId())
                .param("owner", caller.personId())
                .param("rows", rows)
                .params(atRiskParameters(today, now))
                .query(views(today, now))
                .list();
    }

    /** The open commitments of these owners shared through one partnership, as far as the caller may see them. */
    List<CommitmentView> openSharedIn(
            Caller caller, UUID partnershipId, Collection<UUID> ownerIds, LocalDate today, Instant now) {
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        return jdbc.sql(SELECT + scope.predicate() + """
                         and c.status = 'OPEN' and c.visibility = 'PARTNERS' and c.owner_id in (:owners)
                         and exists (select 1 from commitment_share s
                                      where s.commitment_id = c.id and s.partnership_id = :partnership)
                         order by c.due, c.created_at, c.id""")
                .params(scope.parameters())
                .param("owners", List.copyOf(ownerIds))
                .param("partnership", partnershipId)
                .query(views(today, now))
                .list();
    }

    /**
     * Contributions made visible in [from, to): each commitment made to serve a goal (by its owner)
     * and each progress report on one that serves a goal (by its author).
     */
    List<dev.kept.moves.EverydayMove> contributionMoves(
            UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        String made = personIds == null ? "" : " and c.owner_id in (:people)";
        // for some people, each of their updates looks its commitment up by key: a join would
        // rather hash every commitment of the organization that serves a goal
        String reported = personIds == null ? """
                  from progress_update p join commitment c on c.id = p.commitment_id
                  where p.organization_id = :organization and c.goal_id is not null""" : """
                  from progress_update p
                  where p.organization_id = :organization and p.author_id in (:people)
                    and (select c.goal_id from commitment c where c.id = p.commitment_id) is not null""";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select c.owner_id as person_id, c.created_at as at, c.id as source_id from commitment c
                        where c.organization_id = :organization and c.goal_id is not null
                          and c.created_at >= :from and c.created_at < :to""" + made + """

                        union all
                        select p.author_id, p.created_at, p.commitment_id
                        """ + reported + """

                          and p.created_at >= :from and p.created_at < :to""")
                .param("organization", organizationId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to));
        if (personIds != null) {
            statement = statement.param("people", List.copyOf(personIds));
        }
        return statement
                .query((rs, n) -> new dev.kept.moves.EverydayMove(
                        dev.kept.moves.EverydayMove.Kind.MAKE_VISIBLE,
                        rs.getObject("person_id", UUID.class),
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("source_id", UUID.class)))
                .list();
    }

    /** These commitments the caller may see, with their owners now: two statements whatever the number. */
    List<CommitmentLists.Titled> titledAmong(Caller caller, Collection<UUID> ids) {
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        List<CommitmentLists.Titled> found = jdbc.sql(
                        "select c.id, c.what, c.owner_id from commitment c where c.id in (:ids) and "
                                + scope.predicate())
                .params(scope.parameters())
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> new CommitmentLists.Titled(
                        rs.getObject("id", UUID.class),
                        rs.getString("what"),
                        rs.getObject("owner_id", UUID.class),
                        new java.util.LinkedHashSet<>()))
                .list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<UUID>> coOwners = new HashMap<>();
        found.forEach(c -> coOwners.put(c.id(), c.coOwners()));
        jdbc.sql("select commitment_id, person_id from co_owner where commitment_id in (:ids) and status = 'ACCEPTED'"
                        + " order by accepted_at, person_id")
                .param("ids", List.copyOf(coOwners.keySet()))
                .query((rs, n) -> coOwners.get(rs.getObject("commitment_id", UUID.class))
                        .add(rs.getObject("person_id", UUID.class)))
                .list();
        return found.stream()
                .map(c -> new CommitmentLists.Titled(c.id(), c.what(), c.ownerId(), Set.copyOf(c.coOwners())))
                .toList();
    }

    /**
     * The rows of {@link #SELECT} as views. Columns are read by their place, counted from {@code id}'s
     * (a list's pages put a segment before it), found once per statement: looking each column up by
     * name on every row was a tenth of a list's time in the JVM.
     */
    private static RowMapper<CommitmentView> views(LocalDate today, Instant now) {
        int[] first = {0};
        return (rs, row) -> {
            if (first[0] == 0) {
                first[0] = rs.findColumn("id");
            }
            return view(rs, first[0] - 1, today, now);
        };
    }

    /** One row of {@link #SELECT}, its columns from {@code at + 1} on, in the order it selects them. */
    private static CommitmentView view(ResultSet rs, int at, LocalDate today, Instant now) throws SQLException {
        String what = rs.getString(at + 4);
        String doneWhen = rs.getString(at + 5);
        LocalDate due = rs.getObject(at + 6, LocalDate.class);
        String why = rs.getString(at + 7);
        CommitmentStatus status = CommitmentStatus.valueOf(rs.getString(at + 10));
        Confidence confidence = enumOrNull(Confidence.class, rs.getString(at + 12));
        boolean open = status == CommitmentStatus.OPEN;
        int percent = rs.getInt(at + 11);
        Instant createdAt = instant(rs, at + 15);
        Instant lastProgressAt = instant(rs, at + 17);
        List<RiskReason> risks = RiskReason.of(
                status,
                confidence,
                due,
                percent,
                rs.getInt(at + 22),
                rs.getInt(at + 23),
                lastProgressAt,
                createdAt,
                today,
                now);
        return new CommitmentView(
                rs.getObject(at + 1, UUID.class),
                rs.getObject(at + 2, UUID.class),
                rs.getString(at + 3),
                open && "DEACTIVATED".equals(rs.getString(at + 24)),
                what,
                doneWhen,
                due,
                why,
                rs.getObject(at + 9, UUID.class),
                Visibility.valueOf(rs.getString(at + 8)),
                status,
                percent,
                confidence,
                enumOrNull(Outcome.class, rs.getString(at + 13)),
                rs.getString(at + 14),
                open && due.isBefore(today),
                !risks.isEmpty(),
                createdAt,
                instant(rs, at + 16),
                lastProgressAt,
                instant(rs, at + 18),
                rs.getLong(at + 19),
                ClarityCheck.assess(what, doneWhen, due, why, null),
                null,
                null,
                null,
                CommitmentView.RiskView.of(risks),
                rs.getInt(at + 20),
                null,
                null,
                null,
                null,
                rs.getObject(at + 21, UUID.class),
                null,
                null,
                null,
                null);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
