package dev.kept.commitments;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the due-date reminders, a batch at a time: one query reads a batch of open commitments
 * in a range of due dates (in the order of the index {@code commitment_open_by_due}, from a keyset
 * position), and one batched statement marks the batch as reminded. Each mark is guarded by the
 * state it was read in, so of two instances (or a run and an edit) only one marks a row, and only
 * the rows actually marked are reminded.
 */
@Component
class DueDateBatches {

    /** Before every due date and every id (the nil uuid: uuids are ordered as unsigned bytes): where a scan starts. */
    static final Position START = new Position(LocalDate.of(1, 1, 1), new UUID(0L, 0L));

    /** Where a scan is: the last row read. */
    record Position(LocalDate due, UUID id) {}

    /** An open commitment in the range, with its owner's time zone (UTC when unknown). */
    record Due(UUID id, UUID organizationId, UUID ownerId, LocalDate due, String timeZone) {

        Position position() {
            return new Position(due, id);
        }
    }

    enum Reminder {
        DUE_SOON("due_soon_reminded_for"),
        OVERDUE("overdue_reminded_for");

        private final String column;

        Reminder(String column) {
            this.column = column;
        }
    }

    // the owner's time zone is read with the batch (as the commitment lists read the owner's name):
    // one query for the batch instead of one look-up per commitment
    private static final String BATCH = """
            select c.id, c.organization_id, c.owner_id, c.due, p.time_zone
              from commitment c
              left join person p on p.id = c.owner_id and p.organization_id = c.organization_id
             where c.status = 'OPEN' and c.due >= :earliest and c.due <= :latest
               and (c.due > :afterDue or (c.due = :afterDue and c.id > :afterId))
               and (c.%1$s is null or c.%1$s <> c.due)
             order by c.due, c.id
             limit :limit""";

    private static final String MARK = """
            update commitment set %1$s = :due, version = version + 1
             where id = :id and status = 'OPEN' and due = :due and (%1$s is null or %1$s <> :due)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    DueDateBatches(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Up to {@code limit} open commitments due from earliest to latest, not yet reminded of their date, after a position. */
    List<Due> notReminded(Reminder reminder, LocalDate earliest, LocalDate latest, Position after, int limit) {
        return jdbc.sql(BATCH.formatted(reminder.column))
                .param("earliest", earliest)
                .param("latest", latest)
                .param("afterDue", after.due())
                .param("afterId", after.id())
                .param("limit", limit)
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("owner_id", UUID.class),
                        rs.getObject("due", LocalDate.class),
                        rs.getString("time_zone")))
                .list();
    }

    /**
     * Marks these commitments as reminded of their due date, in one batched statement; answers those
     * this call marked (not those another instance marked first, nor those whose date or state has
     * changed since they were read).
     */
    List<Due> mark(Reminder reminder, List<Due> due) {
        if (due.isEmpty()) {
            return List.of();
        }
        SqlParameterSource[] rows = due.stream()
                .map(d -> new MapSqlParameterSource("id", d.id()).addValue("due", d.due()))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batches.batchUpdate(MARK.formatted(reminder.column), rows);
        List<Due> marked = new ArrayList<>(due.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // a driver that hides the count of each row would make "reminded once" a guess
                throw new IllegalStateException("The database did not tell which reminders it marked");
            }
            if (counts[i] == 1) {
                marked.add(due.get(i));
            }
        }
        return marked;
    }
}
