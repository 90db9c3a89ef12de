package dev.kept.goals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * A goal row read by hand: a goal's summary and map read the goal, its parent and its children on
 * every request, and the generic entity mapping costs several times the statements themselves.
 */
class GoalRows implements RowMapper<Goal> {

    @Override
    public Goal mapRow(ResultSet rs, int rowNum) throws SQLException {
        Timestamp updatedAt = rs.getTimestamp("updated_at");
        return new Goal(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("team_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getString("title"),
                rs.getString("why"),
                rs.getString("done_when"),
                rs.getObject("due", LocalDate.class),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                updatedAt == null ? null : updatedAt.toInstant(),
                rs.getLong("version"));
    }
}
