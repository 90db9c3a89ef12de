package dev.kept.commitments;

import dev.kept.people.Caller;
import dev.kept.security.AccessPolicy;
import dev.kept.security.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                       as milestones_done
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

    /** The commitments the caller may see, open ones due soonest first, then closed ones. */
    List<CommitmentView> visible(
            Caller caller, UUID ownerId, CommitmentFilter filter, LocalDate today, Instant now, int limit, int offset) {
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        StringBuilder sql = new StringBuilder(SELECT).append(scope.predicate());
        if (ownerId != null) {
            sql.append(" and c.owner_id = :owner");
            parameters.put("owner", ownerId);
        }
        if (filter != null) {
            switch (filter) {
                case OPEN -> sql.append(" and c.status = 'OPEN'");
                case CLOSED -> sql.append(" and c.status = 'CLOSED'");
                case AT_RISK -> {
                    sql.append(" and ").append(AT_RISK);
                    parameters.putAll(atRiskParameters(today, now));
                }
                case OVERDUE -> {
                    sql.append(" and c.status = 'OPEN' and c.due < :today");
                    parameters.put("today", today);
                }
            }
        }
        sql.append(" order by case when c.status = 'OPEN' then 0 else 1 end, c.due, c.created_at, c.id")
                .append(" limit :limit offset :offset");
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        return jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, row) -> view(rs, today, now))
                .list();
    }

    /**
     * An open commitment at risk, as {@link RiskReason} says: the confidence, behind with a week to
     * go, or silent for 14 days.
     */
    private static final String AT_RISK = """
            c.status = 'OPEN' and (c.confidence in ('AT_RISK', 'OFF_TRACK')
              or (c.due <= :soon and (c.percent < 50 or 2 * (select count(*) from milestone m
                    where m.commitment_id = c.id and m.done_at is not null)
                  < (select count(*) from milestone m where m.commitment_id = c.id)))
              or coalesce(c.last_progress_at, c.created_at) < :silentSince)""";

    private static Map<String, Object> atRiskParameters(LocalDate today, Instant now) {
        return Map.of(
                "soon", today.plusDays(RiskReason.SOON_DAYS),
                "silentSince", Timestamp.from(now.minus(RiskReason.SILENCE)));
    }

    /** The caller's own open commitments due up to a date (inclusive), soonest first. */
    List<CommitmentView> ownOpenDueBy(Caller caller, LocalDate until, LocalDate today, Instant now) {
        return jdbc.sql(SELECT + """
                        c.organization_id = :organization and c.owner_id = :owner and c.status = 'OPEN'
                        and c.due <= :until order by c.due, c.created_at""")
                .param("organization", caller.organizationId())
                .param("owner", caller.personId())
                .param("until", until)
                .query((rs, row) -> view(rs, today, now))
                .list();
    }

    /** The caller's own open commitments at risk, for any of the reasons. */
    List<CommitmentView> ownAtRisk(Caller caller, LocalDate today, Instant now) {
        return jdbc.sql(SELECT + "c.organization_id = :organization and c.owner_id = :owner and " + AT_RISK
                        + " order by c.due, c.created_at")
                .param("organization", caller.organizationId())
                .param("owner", caller.personId())
                .params(atRiskParameters(today, now))
                .query((rs, row) -> view(rs, today, now))
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
                .query((rs, row) -> view(rs, today, now))
                .list();
    }

    /** The commitments serving any of these goals that the caller may see, open ones due soonest first. */
    List<CommitmentView> visibleServing(Caller caller, Collection<UUID> goalIds, LocalDate today, Instant now) {
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        return jdbc.sql(SELECT + scope.predicate()
                        + " and c.goal_id in (:goals)"
                        + " order by case when c.status = 'OPEN' then 0 else 1 end, c.due, c.created_at, c.id")
                .params(scope.parameters())
                .param("goals", List.copyOf(goalIds))
                .query((rs, row) -> view(rs, today, now))
                .list();
    }

    /**
     * How many commitments serving any of these goals the caller may not see: a count, nothing
     * more. A row counts unless the policy's predicate is true for it (not merely "not false": a
     * comparison with a null column is unknown, and the row is then not visible either).
     */
    long hiddenServing(Caller caller, Collection<UUID> goalIds) {
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        return jdbc.sql("select coalesce(sum(case when " + scope.predicate() + " then 0 else 1 end), 0)"
                        + " from commitment c where c.organization_id = :organization and c.goal_id in (:goals)")
                .params(scope.parameters())
                .param("organization", caller.organizationId())
                .param("goals", List.copyOf(goalIds))
                .query(Long.class)
                .single();
    }

    /** How many commitments serving each of these goals the caller may not see, per goal and owner's team. */
    List<Commitments.HiddenCount> hiddenServingByTeam(Caller caller, Collection<UUID> goalIds) {
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        // "case when": the predicate can be null (a null column compared), which a plain "not" would drop.
        return jdbc.sql("select c.goal_id, owner.team_id, sum(case when " + scope.predicate()
                        + " then 0 else 1 end) as hidden from commitment c"
                        + " join person owner on owner.id = c.owner_id"
                        + " where c.organization_id = :organization and c.goal_id in (:goals)"
                        + " group by c.goal_id, owner.team_id")
                .params(scope.parameters())
                .param("organization", caller.organizationId())
                .param("goals", List.copyOf(goalIds))
                .query((rs, n) -> new Commitments.HiddenCount(
                        rs.getObject("goal_id", UUID.class), rs.getObject("team_id", UUID.class), rs.getLong("hidden")))
                .list();
    }

    /**
     * Contributions made visible in [from, to): each commitment made to serve a goal (by its owner)
     * and each progress report on one that serves a goal (by its author).
     */
    List<dev.kept.shared.EverydayMove> contributionMoves(UUID organizationId, Instant from, Instant to) {
        return jdbc.sql("""
                        select c.owner_id as person_id, c.created_at as at, c.id as source_id from commitment c
                        where c.organization_id = :organization and c.goal_id is not null
                          and c.created_at >= :from and c.created_at < :to
                        union all
                        select p.author_id, p.created_at, p.commitment_id from progress_update p
                        join commitment c on c.id = p.commitment_id
                        where p.organization_id = :organization and c.goal_id is not null
                          and p.created_at >= :from and p.created_at < :to
                        """)
                .param("organization", organizationId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new dev.kept.shared.EverydayMove(
                        dev.kept.shared.EverydayMove.Kind.MAKE_VISIBLE,
                        rs.getObject("person_id", UUID.class),
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("source_id", UUID.class)))
                .list();
    }

    private static CommitmentView view(ResultSet rs, LocalDate today, Instant now) throws SQLException {
        String what = rs.getString("what");
        String doneWhen = rs.getString("done_when");
        LocalDate due = rs.getObject("due", LocalDate.class);
        String why = rs.getString("why");
        CommitmentStatus status = CommitmentStatus.valueOf(rs.getString("status"));
        Confidence confidence = enumOrNull(Confidence.class, rs.getString("confidence"));
        boolean open = status == CommitmentStatus.OPEN;
        int percent = rs.getInt("percent");
        List<RiskReason> risks = RiskReason.of(
                status,
                confidence,
                due,
                percent,
                rs.getInt("milestones"),
                rs.getInt("milestones_done"),
                instant(rs, "last_progress_at"),
                instant(rs, "created_at"),
                today,
                now);
        return new CommitmentView(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"),
                what,
                doneWhen,
                due,
                why,
                rs.getObject("goal_id", UUID.class),
                Visibility.valueOf(rs.getString("visibility")),
                status,
                percent,
                confidence,
                enumOrNull(Outcome.class, rs.getString("outcome")),
                rs.getString("reflection"),
                open && due.isBefore(today),
                !risks.isEmpty(),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "last_progress_at"),
                instant(rs, "closed_at"),
                rs.getLong("version"),
                ClarityCheck.assess(what, doneWhen, due, why, null),
                null,
                null,
                null,
                CommitmentView.RiskView.of(risks),
                rs.getInt("renegotiated"),
                null,
                null,
                null,
                null,
                rs.getObject("made_to_id", UUID.class),
                null,
                null,
                null,
                null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
