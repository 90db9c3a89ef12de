package dev.kept.commitments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A backlog for the due-date reminders, written straight into the tables (the API would take minutes
 * for thousands): one organization of its own, owners in several time zones, and open commitments
 * due on given dates, none reminded yet. Everything is told apart by the organization, so it works
 * on a database other tests share.
 */
final class CommitmentBacklog {

    static final List<String> ZONES = List.of("UTC", "Pacific/Honolulu", "Pacific/Kiritimati", "Europe/Paris");

    final UUID organization = UUID.randomUUID();
    final List<UUID> owners = new ArrayList<>();
    private final NamedParameterJdbcTemplate jdbc;
    private final Timestamp now;

    CommitmentBacklog(NamedParameterJdbcTemplate jdbc, Instant now, int owners) {
        this.jdbc = jdbc;
        this.now = Timestamp.from(now);
        jdbc.update(
                "insert into organization (id, name, created_at, version) values (:id, 'Backlog', :now, 0)",
                new MapSqlParameterSource("id", organization).addValue("now", this.now));
        List<SqlParameterSource> people = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            UUID id = UUID.randomUUID();
            this.owners.add(id);
            people.add(new MapSqlParameterSource("id", id)
                    .addValue("organization", organization)
                    .addValue("name", "Owner " + i)
                    .addValue("email", "owner" + i + "@" + organization + ".example")
                    .addValue("zone", ZONES.get(i % ZONES.size()))
                    .addValue("now", this.now));
        }
        jdbc.batchUpdate("""
                insert into person (id, organization_id, name, email, role, status, time_zone, created_at, version)
                values (:id, :organization, :name, :email, 'MEMBER', 'ACTIVE', :zone, :now, 0)""", people.toArray(SqlParameterSource[]::new));
    }

    /** Adds open commitments, owned in turn by the owners, due on the dates in turn; answers their ids. */
    List<UUID> commitments(int count, List<LocalDate> dues, String status) {
        List<UUID> ids = new ArrayList<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(new MapSqlParameterSource("id", id)
                    .addValue("organization", organization)
                    .addValue("owner", owners.get(i % owners.size()))
                    .addValue("what", "Backlog commitment " + i)
                    .addValue("due", dues.get(i % dues.size()))
                    .addValue("status", status)
                    .addValue("now", now));
        }
        jdbc.batchUpdate("""
                insert into commitment (id, organization_id, owner_id, what, done_when, due, visibility, status,
                                        percent, created_at, updated_at, version)
                values (:id, :organization, :owner, :what, 'done', :due, 'PRIVATE', :status, 0, :now, :now, 0)""", rows.toArray(SqlParameterSource[]::new));
        return ids;
    }

    /** How many of this organization's commitments are marked reminded, in the given column, of their due date. */
    long reminded(String column) {
        return jdbc.getJdbcTemplate()
                .queryForObject(
                        "select count(*) from commitment where organization_id = ? and " + column + " = due",
                        Long.class,
                        organization);
    }
}
