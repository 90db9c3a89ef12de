package dev.kept.partnerships;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * A partnership row read by hand: the access rules read the caller's partnerships on most requests,
 * and the generic entity mapping costs several times the statement itself.
 */
class PartnershipRows implements RowMapper<Partnership> {

    @Override
    public Partnership mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Partnership(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("inviter_id", UUID.class),
                rs.getObject("partner_id", UUID.class),
                PartnershipKind.valueOf(rs.getString("kind")),
                PartnershipStatus.valueOf(rs.getString("status")),
                rs.getString("message"),
                Cadence.valueOf(rs.getString("cadence")),
                rs.getString("inviter_challenge"),
                rs.getString("partner_challenge"),
                rs.getString("open_pair"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("accepted_at")),
                instant(rs.getTimestamp("ended_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("lapses_at")),
                rs.getBoolean("silenced"),
                rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
