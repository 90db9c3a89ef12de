package dev.kept.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * A team row read by hand: the repository's hot reads (a team by id, an organization's teams) run
 * on many requests, and the generic entity mapping costs several times the statement itself.
 */
class TeamRows implements RowMapper<Team> {

    @Override
    public Team mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Team(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getObject("lead_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}
