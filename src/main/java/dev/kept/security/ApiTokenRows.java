package dev.kept.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * A token row read by hand: every request with a bearer token reads one, and the generic entity
 * mapping costs several times the statement itself.
 */
class ApiTokenRows implements RowMapper<ApiToken> {

    static final ApiTokenRows MAPPER = new ApiTokenRows();

    @Override
    public ApiToken mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new ApiToken(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("name"),
                rs.getString("token_hash"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")),
                TokenScope.valueOf(rs.getString("scope")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
