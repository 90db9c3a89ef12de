package dev.kept.moves;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads everyday moves that are simply rows of one table: one move per row of the organization
 * made in [from, to), by the person in {@code personColumn}, its id the row's {@code id}. The table,
 * column and extra condition are the caller's constants, never input.
 */
public final class MoveRows {

    private MoveRows() {}

    /**
     * The moves made by these people only ({@code personIds}; null: by anyone), filtered in SQL:
     * what one person's or one team's count needs.
     */
    public static List<EverydayMove> between(
            JdbcClient jdbc,
            EverydayMove.Kind kind,
            String table,
            String personColumn,
            String condition,
            UUID organizationId,
            Instant from,
            Instant to,
            Collection<UUID> personIds) {
        if (personIds != null && personIds.isEmpty()) {
            return List.of();
        }
        JdbcClient.StatementSpec statement = jdbc.sql("select id, " + personColumn + " as person_id, created_at from "
                        + table
                        + " where organization_id = :organization and created_at >= :from and created_at < :to"
                        + (condition == null ? "" : " and " + condition)
                        + (personIds == null ? "" : " and " + personColumn + " in (:people)")
                        + " order by created_at, id")
                .param("organization", organizationId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to));
        if (personIds != null) {
            statement = statement.param("people", List.copyOf(personIds));
        }
        return statement
                .query((rs, row) -> new EverydayMove(
                        kind,
                        rs.getObject("person_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("id", UUID.class)))
                .list();
    }
}
