package dev.kept.pulse;

import dev.kept.shared.JobBatches;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the rounds of active pulses as their cadence comes round (days in UTC). A round opens on
 * the day it is due (or, after a pause in the job, the day it runs), stays open
 * {@value #OPEN_DAYS} days, and is announced by {@link PulseRoundOpened}, written with the round.
 * A batch of due pulses is read in one query and written in two batched statements; a round's
 * unique day makes it once per pulse and day even when two instances run at once.
 */
@Component
class PulseRounds {

    /** How long a round stays open: a weekly pulse's round closes as the next one opens. */
    static final int OPEN_DAYS = 7;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate inserts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JobBatches batches;
    private final Clock clock;

    PulseRounds(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate inserts,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JobBatches batches,
            Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.events = events;
        this.transactions = transactions;
        this.batches = batches;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kept.pulse.open-every:PT15M}",
            initialDelayString = "${kept.pulse.open-first:PT1M}")
    @SchedulerLock(name = "pulse-rounds", lockAtMostFor = "PT10M")
    void onSchedule() {
        open();
    }

    /** Opens every round now due, a batch at a time, each batch in its own transaction; answers how many. */
    int open() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int opened = 0;
        while (true) {
            Batch batch = transactions.execute(status -> openBatch(today, null));
            opened += batch.opened();
            if (batch.read() < batches.size() || batch.opened() == 0) {
                return opened;
            }
            batches.rest();
        }
    }

    /** Opens the round of this one pulse if it is due, in the caller's transaction (a pulse set up to start today). */
    void openDue(LocalDate today, UUID pulseId) {
        openBatch(today, pulseId);
    }

    private record Due(UUID pulseId, UUID organizationId, String title, Cadence cadence, LocalDate nextRoundOn) {}

    private record Batch(int read, int opened) {}

    private Batch openBatch(LocalDate today, UUID onlyPulse) {
        List<Due> due = jdbc.sql("""
                        select id, organization_id, title, cadence, next_round_on from pulse
                         where status = 'ACTIVE' and next_round_on <= :today"""
                        + (onlyPulse == null ? "" : " and id = :pulse")
                        + " order by next_round_on, id limit :limit")
                .param("today", today)
                .params(onlyPulse == null ? Map.of() : Map.of("pulse", onlyPulse))
                .param("limit", batches.size())
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("title"),
                        Cadence.valueOf(rs.getString("cadence")),
                        rs.getObject("next_round_on", LocalDate.class)))
                .list();
        if (due.isEmpty()) {
            return new Batch(0, 0);
        }
        Map<UUID, List<UUID>> teams = new HashMap<>();
        jdbc.sql("select pulse_id, team_id from pulse_team where pulse_id in (:pulses)")
                .param("pulses", due.stream().map(Due::pulseId).toList())
                .query(rs -> {
                    teams.computeIfAbsent(rs.getObject("pulse_id", UUID.class), pulse -> new ArrayList<>())
                            .add(rs.getObject("team_id", UUID.class));
                });
        List<UUID> roundIds = due.stream().map(d -> UUID.randomUUID()).toList();
        LocalDate closesOn = today.plusDays(OPEN_DAYS);
        int[] inserted = inserts.batchUpdate(
                """
                insert into pulse_round (id, pulse_id, organization_id, opens_on, closes_on)
                values (:id, :pulse, :organization, :opensOn, :closesOn)
                on conflict do nothing""",
                java.util.stream.IntStream.range(0, due.size())
                        .mapToObj(i -> new MapSqlParameterSource("id", roundIds.get(i))
                                .addValue("pulse", due.get(i).pulseId())
                                .addValue("organization", due.get(i).organizationId())
                                .addValue("opensOn", today)
                                .addValue("closesOn", closesOn))
                        .toArray(SqlParameterSource[]::new));
        inserts.batchUpdate(
                """
                update pulse set next_round_on = :next, version = version + 1
                 where id = :pulse and next_round_on = :was""",
                due.stream()
                        .map(d -> new MapSqlParameterSource("pulse", d.pulseId())
                                .addValue("was", d.nextRoundOn())
                                .addValue("next", nextAfter(d, today)))
                        .toArray(SqlParameterSource[]::new));
        int opened = 0;
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("The database did not tell which rounds it opened");
            }
            if (inserted[i] == 1) {
                Due d = due.get(i);
                events.publishEvent(new PulseRoundOpened(
                        d.organizationId(),
                        d.pulseId(),
                        roundIds.get(i),
                        d.title(),
                        List.copyOf(teams.getOrDefault(d.pulseId(), List.of())),
                        closesOn));
                opened++;
            }
        }
        return new Batch(due.size(), opened);
    }

    /** The first day after today the cadence comes round on, counted from the day this round was due. */
    private static LocalDate nextAfter(Due due, LocalDate today) {
        LocalDate next = due.cadence().after(due.nextRoundOn());
        while (!next.isAfter(today)) {
            next = due.cadence().after(next);
        }
        return next;
    }
}
