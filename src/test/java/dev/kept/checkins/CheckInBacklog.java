package dev.kept.checkins;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A backlog for the check-in jobs, written straight into the tables: one organization of its own with
 * active partnerships, each with a weekly schedule (UTC, accepted at {@code now}) and one check-in
 * laid out at {@code starts}. Everything is told apart by the organization, so it works on a
 * database other tests share.
 */
final class CheckInBacklog {

    final UUID organization = UUID.randomUUID();
    final List<UUID> schedules = new ArrayList<>();

    CheckInBacklog(NamedParameterJdbcTemplate jdbc, Instant now, Instant starts, int partnerships) {
        Timestamp at = Timestamp.from(now);
        jdbc.update(
                "insert into organization (id, name, created_at, version) values (:id, 'Check-in backlog', :now, 0)",
                new MapSqlParameterSource("id", organization).addValue("now", at));
        LocalDate date = starts.atZone(ZoneOffset.UTC).toLocalDate();
        String time = starts.atZone(ZoneOffset.UTC)
                .toLocalTime()
                .withSecond(0)
                .withNano(0)
                .toString();
        List<SqlParameterSource> people = new ArrayList<>();
        List<SqlParameterSource> pairs = new ArrayList<>();
        for (int i = 0; i < partnerships; i++) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            UUID schedule = UUID.randomUUID();
            schedules.add(schedule);
            people.add(person(a, "a" + i, at));
            people.add(person(b, "b" + i, at));
            pairs.add(new MapSqlParameterSource("partnership", UUID.randomUUID())
                    .addValue("organization", organization)
                    .addValue("a", a)
                    .addValue("b", b)
                    .addValue("pair", a + ":" + b)
                    .addValue("schedule", schedule)
                    .addValue("weekday", date.getDayOfWeek().name())
                    .addValue("time", time)
                    .addValue("checkIn", UUID.randomUUID())
                    .addValue("date", date)
                    .addValue("starts", Timestamp.from(starts))
                    .addValue("now", at));
        }
        jdbc.batchUpdate("""
                insert into person (id, organization_id, name, email, role, status, time_zone, created_at, version)
                values (:id, :organization, :name, :email, 'MEMBER', 'ACTIVE', 'UTC', :now, 0)""", people.toArray(SqlParameterSource[]::new));
        SqlParameterSource[] rows = pairs.toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into partnership (id, organization_id, inviter_id, partner_id, kind, status, cadence,
                                         open_pair, created_at, accepted_at, updated_at, version)
                values (:partnership, :organization, :a, :b, 'PEER', 'ACTIVE', 'WEEKLY', :pair, :now, :now, :now, 1)""", rows);
        jdbc.batchUpdate("""
                insert into checkin_schedule (id, organization_id, partnership_id, proposed_by_id, cadence, weekday,
                                              local_time, time_zone, duration_minutes, status, proposed_at,
                                              accepted_at, accepted_by_id, version)
                values (:schedule, :organization, :partnership, :a, 'WEEKLY', :weekday, :time, 'UTC', 30, 'ACTIVE',
                        :now, :now, :b, 1)""", rows);
        jdbc.batchUpdate("""
                insert into check_in (id, organization_id, schedule_id, partnership_id, occurs_on, starts_at,
                                      duration_minutes, status, version)
                values (:checkIn, :organization, :schedule, :partnership, :date, :starts, 30, 'SCHEDULED', 0)""", rows);
    }

    private MapSqlParameterSource person(UUID id, String name, Timestamp now) {
        return new MapSqlParameterSource("id", id)
                .addValue("organization", organization)
                .addValue("name", "Person " + name)
                .addValue("email", name + "@" + organization + ".example")
                .addValue("now", now);
    }
}
