package dev.kept.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * A person row read by hand: the caller's person is read on every request, and the generic entity
 * mapping costs several times the statement itself. The directory's keyset reads map with it too.
 */
class PersonRows implements RowMapper<Person> {

    /** The one mapper, for the reads in this package that select every column of a person. */
    static final PersonRows MAPPER = new PersonRows();

    @Override
    public Person mapRow(ResultSet rs, int rowNum) throws SQLException {
        String role = rs.getString("role");
        String status = rs.getString("status");
        OffsetDateTime passwordChangedAt = rs.getObject("password_changed_at", OffsetDateTime.class);
        return new Person(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("title"),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("region"),
                        rs.getObject("manager_id", UUID.class),
                        role == null ? null : Role.valueOf(role),
                        status == null ? null : PersonStatus.valueOf(status),
                        rs.getString("password_hash"),
                        rs.getString("time_zone"),
                        rs.getObject("level", Integer.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getLong("version"))
                .passwordChangedAt(passwordChangedAt == null ? null : passwordChangedAt.toInstant());
    }
}
