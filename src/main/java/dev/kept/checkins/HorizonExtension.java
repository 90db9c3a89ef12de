package dev.kept.checkins;

import dev.kept.shared.JobBatches;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every schedule in effect laid out up to the horizon, a batch of schedules at a time: one
 * query reads a batch of schedules in effect (in id order, from a keyset position), one reads the
 * last date each has laid out, and one batched insert adds the check-ins past it, in the batch's own
 * transaction. The unique (schedule, date) keeps a check-in single when an acceptance lays out the
 * same schedule at that moment.
 */
@Component
class HorizonExtension {

    // the nil uuid: the databases order uuids as unsigned bytes, so nothing comes before it
    private static final UUID START = new UUID(0L, 0L);

    private static final String INSERT = """
            insert into check_in (id, organization_id, schedule_id, partnership_id, occurs_on, starts_at,
                                  duration_minutes, status, version)
            values (:id, :organizationId, :scheduleId, :partnershipId, :occursOn, :startsAt,
                    :durationMinutes, 'SCHEDULED', 0)
            on conflict do nothing""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate inserts;
    private final ScheduleRepository schedules;
    private final TransactionTemplate transactions;
    private final CheckInProperties properties;
    private final JobBatches batches;
    private final Clock clock;

    HorizonExtension(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate inserts,
            ScheduleRepository schedules,
            TransactionTemplate transactions,
            CheckInProperties properties,
            JobBatches batches,
            Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.schedules = schedules;
        this.transactions = transactions;
        this.properties = properties;
        this.batches = batches;
        this.clock = clock;
    }

    /** Lays out every schedule in effect up to the horizon; answers how many check-ins it added. */
    int extendAll() {
        Instant now = clock.instant();
        int added = 0;
        UUID after = START;
        while (true) {
            UUID from = after;
            List<UUID> ids = jdbc.sql("""
                            select id from checkin_schedule where status = 'ACTIVE' and id > :after
                             order by id limit :limit""")
                    .param("after", from)
                    .param("limit", batches.size())
                    .query(UUID.class)
                    .list();
            if (!ids.isEmpty()) {
                added += transactions.execute(status -> extend(ids, now));
            }
            if (ids.size() < batches.size()) {
                return added;
            }
            batches.rest();
            after = ids.get(ids.size() - 1);
        }
    }

    private int extend(List<UUID> ids, Instant now) {
        Map<UUID, LocalDate> last = lastDates(ids);
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Schedule schedule : schedules.findAllById(ids)) {
            if (schedule.getStatus() != ScheduleStatus.ACTIVE) {
                continue; // replaced or stopped since its id was read
            }
            Recurrence recurrence = schedule.recurrence();
            LocalDate until =
                    now.plus(properties.horizon()).atZone(recurrence.zone()).toLocalDate();
            LocalDate laidOut = last.get(schedule.getId());
            for (LocalDate date : recurrence.dates(recurrence.firstAfter(schedule.getAcceptedAt()), until)) {
                if (laidOut == null || date.isAfter(laidOut)) {
                    rows.add(new MapSqlParameterSource()
                            .addValue("id", UUID.randomUUID())
                            .addValue("organizationId", schedule.getOrganizationId())
                            .addValue("scheduleId", schedule.getId())
                            .addValue("partnershipId", schedule.getPartnershipId())
                            .addValue("occursOn", date)
                            .addValue("startsAt", Timestamp.from(recurrence.startOn(date)))
                            .addValue("durationMinutes", schedule.getDurationMinutes()));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int added = 0;
        for (int count : inserts.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new))) {
            added += Math.max(count, 0);
        }
        return added;
    }

    private Map<UUID, LocalDate> lastDates(Collection<UUID> ids) {
        Map<UUID, LocalDate> last = new HashMap<>();
        // one backward step of the (schedule, date) index per schedule, not a scan of their check-ins
        jdbc.sql("""
                        select s.id as schedule_id,
                               (select max(c.occurs_on) from check_in c where c.schedule_id = s.id) as last_date
                          from checkin_schedule s where s.id in (:ids)""")
                .param("ids", ids)
                .query((rs, row) ->
                        last.put(rs.getObject("schedule_id", UUID.class), rs.getObject("last_date", LocalDate.class)))
                .list();
        return last;
    }
}
