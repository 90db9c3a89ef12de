package dev.kept.insights;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closed commitments, partnerships, check-ins and matches written straight into the tables, with
 * the instants the effect study reads (made, closed, held): the API would stamp them with now.
 */
final class EffectStudyFixtures {

    private final JdbcClient jdbc;
    private final UUID organization;
    private final UUID admin;

    EffectStudyFixtures(JdbcClient jdbc, UUID organization, UUID admin) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.admin = admin;
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** A commitment made at {@code made}; closed at {@code closed} with {@code outcome} unless outcome is null (open). */
    UUID commitment(UUID owner, Instant made, Instant closed, String outcome, UUID goal, UUID madeTo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into commitment (id, organization_id, owner_id, what, done_when, due, why, visibility,
                                                status, percent, outcome, created_at, updated_at, closed_at, version,
                                                renegotiated, goal_id, made_to_id)
                        values (:id, :organization, :owner, :what, 'It is done', :due, null, 'PRIVATE',
                                :status, 100, :outcome, :made, :made, :closed, 0, 0, :goal, :madeTo)""")
                .param("id", id)
                .param("organization", organization)
                .param("owner", owner)
                .param("what", "Secret study marker " + id)
                .param("due", LocalDate.of(2025, 12, 31))
                .param("status", outcome == null ? "OPEN" : "CLOSED")
                .param("outcome", outcome)
                .param("made", Timestamp.from(made))
                .param("closed", outcome == null ? null : Timestamp.from(closed))
                .param("goal", goal)
                .param("madeTo", madeTo)
                .update();
        return id;
    }

    void share(UUID commitment, UUID partnership) {
        jdbc.sql("insert into commitment_share (commitment_id, partnership_id) values (:c, :p)")
                .param("c", commitment)
                .param("p", partnership)
                .update();
    }

    /** An active peer partnership of the two with a weekly schedule; its check-ins are added with {@link #checkIn}. */
    UUID partnership(UUID a, UUID b) {
        UUID id = UUID.randomUUID();
        Timestamp then = Timestamp.from(at("2024-12-01T00:00:00Z"));
        jdbc.sql("""
                        insert into partnership (id, organization_id, inviter_id, partner_id, kind, status, cadence,
                                                 open_pair, created_at, accepted_at, updated_at, version)
                        values (:id, :organization, :a, :b, 'PEER', 'ACTIVE', 'WEEKLY', :pair, :then, :then, :then, 1)""")
                .param("id", id)
                .param("organization", organization)
                .param("a", a)
                .param("b", b)
                .param("pair", id.toString())
                .param("then", then)
                .update();
        jdbc.sql("""
                        insert into checkin_schedule (id, organization_id, partnership_id, proposed_by_id, cadence,
                                                      weekday, local_time, time_zone, duration_minutes, status,
                                                      proposed_at, accepted_at, accepted_by_id, version)
                        values (:id, :organization, :id, :a, 'WEEKLY', 'MONDAY', '10:00', 'UTC', 30, 'ACTIVE',
                                :then, :then, :b, 1)""")
                .param("id", id)
                .param("organization", organization)
                .param("a", a)
                .param("b", b)
                .param("then", then)
                .update();
        return id;
    }

    /** An occurrence of the partnership's check-ins at {@code starts}, in this state (HELD, SKIPPED ...). */
    void checkIn(UUID partnership, Instant starts, String status) {
        jdbc.sql("""
                        insert into check_in (id, organization_id, schedule_id, partnership_id, occurs_on, starts_at,
                                              duration_minutes, status, version)
                        values (:id, :organization, :partnership, :partnership, :date, :starts, 30, :status, 0)""")
                .param("id", UUID.randomUUID())
                .param("organization", organization)
                .param("partnership", partnership)
                .param("date", LocalDate.ofInstant(starts, java.time.ZoneOffset.UTC))
                .param("starts", Timestamp.from(starts))
                .param("status", status)
                .update();
    }

    UUID goal() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into goal (id, organization_id, team_id, parent_id, title, why, done_when, due,
                                          created_by, created_at, updated_at, version)
                        values (:id, :organization, null, null, 'Customers succeed', 'They stay', 'Nine in ten',
                                :due, :admin, :now, :now, 0)""")
                .param("id", id)
                .param("organization", organization)
                .param("due", LocalDate.of(2025, 12, 31))
                .param("admin", admin)
                .param("now", now)
                .update();
        return id;
    }

    /** A matching program named Spring pairs with these participants and one run. */
    Program program(List<UUID> participants) {
        return program("Spring pairs", participants);
    }

    /** A matching program with this name and these participants, and one run. */
    Program program(String name, List<UUID> participants) {
        UUID program = UUID.randomUUID();
        Timestamp then = Timestamp.from(at("2025-01-01T00:00:00Z"));
        jdbc.sql("""
                        insert into matching_program (id, organization_id, name, created_by, opt_in_until,
                                                      avoid_previous_partners, team_rule, region_preference,
                                                      largest_level_gap, weight_growth, weight_respect,
                                                      weight_other_team, weight_region, weight_level,
                                                      weight_working_hours, weight_cadence, created_at)
                        values (:id, :organization, :name, :admin, null, false, 'ANY', 'ANY', null,
                                1, 1, 1, 1, 1, 1, 1, :then)""")
                .param("id", program)
                .param("name", name)
                .param("organization", organization)
                .param("admin", admin)
                .param("then", then)
                .update();
        for (UUID person : participants) {
            jdbc.sql("""
                            insert into matching_participant (program_id, person_id, organization_id, time_zone,
                                                              preferred_cadence, joined_at, updated_at)
                            values (:program, :person, :organization, 'UTC', null, :then, :then)""")
                    .param("program", program)
                    .param("person", person)
                    .param("organization", organization)
                    .param("then", then)
                    .update();
        }
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                        insert into matching_run (id, organization_id, program_id, run_by, total_score, created_at)
                        values (:id, :organization, :program, :admin, 1, :then)""")
                .param("id", run)
                .param("organization", organization)
                .param("program", program)
                .param("admin", admin)
                .param("then", then)
                .update();
        return new Program(program, run);
    }

    record Program(UUID id, UUID run) {}

    /** A proposal of the run with these people, in this state, decided at {@code decided} (null: pending). */
    void proposal(Program program, String kind, String status, Instant decided, List<UUID> people) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into match_proposal (id, organization_id, program_id, run_id, position, kind, status,
                                                    created_at, decided_at, version)
                        values (:id, :organization, :program, :run, :position, :kind, :status, :created, :decided, 0)""")
                .param("id", id)
                .param("organization", organization)
                .param("program", program.id())
                .param("run", program.run())
                .param("position", (int) (Math.random() * 1_000_000))
                .param("kind", kind)
                .param("status", status)
                .param("created", Timestamp.from(at("2025-01-01T00:00:00Z")))
                .param("decided", decided == null ? null : Timestamp.from(decided))
                .update();
        for (int i = 0; i < people.size(); i++) {
            jdbc.sql("""
                            insert into match_proposal_member (proposal_id, person_id, position, answer, answered_at)
                            values (:proposal, :person, :position, :answer, :decided)""")
                    .param("proposal", id)
                    .param("person", people.get(i))
                    .param("position", i)
                    .param(
                            "answer",
                            status.equals("PENDING") ? null : status.equals("ACCEPTED") ? "ACCEPTED" : "DECLINED")
                    .param("decided", decided == null ? null : Timestamp.from(decided))
                    .update();
        }
    }

    /**
     * {@code people} owners, each with {@code each} closed commitments in 2025:
     * a third made alone, a third made to the first person, a third shared with their partnership
     * with another, which held two check-ins; for the statement count at two sizes.
     */
    void bulk(NamedParameterJdbcTemplate named, List<UUID> people, int each) {
        List<SqlParameterSource> commitments = new ArrayList<>();
        List<SqlParameterSource> shares = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            UUID owner = people.get(p);
            UUID partnership = partnership(owner, people.get((p + 1) % people.size()));
            checkIn(partnership, at("2025-02-01T10:00:00Z"), "HELD");
            checkIn(partnership, at("2025-02-08T10:00:00Z"), "HELD");
            for (int i = 0; i < each; i++) {
                UUID id = UUID.randomUUID();
                commitments.add(new MapSqlParameterSource("id", id)
                        .addValue("organization", organization)
                        .addValue("owner", owner)
                        .addValue("what", "Bulk " + id)
                        .addValue("due", LocalDate.of(2025, 12, 31))
                        .addValue("outcome", i % 2 == 0 ? "KEPT" : "NOT_KEPT")
                        .addValue("made", Timestamp.from(at("2025-01-01T00:00:00Z")))
                        .addValue(
                                "closed",
                                Timestamp.from(at("2025-01-01T00:00:00Z").plusSeconds(86_400L * (40 + (i * 7L) % 300))))
                        .addValue("madeTo", i % 3 == 1 ? people.get(0) : null));
                if (i % 3 == 2) {
                    shares.add(new MapSqlParameterSource("c", id).addValue("p", partnership));
                }
            }
        }
        named.batchUpdate("""
                insert into commitment (id, organization_id, owner_id, what, done_when, due, why, visibility, status,
                                        percent, outcome, created_at, updated_at, closed_at, version, renegotiated,
                                        goal_id, made_to_id)
                values (:id, :organization, :owner, :what, 'It is done', :due, null, 'PRIVATE', 'CLOSED', 100, :outcome,
                        :made, :made, :closed, 0, 0, null, :madeTo)""", commitments.toArray(SqlParameterSource[]::new));
        named.batchUpdate(
                "insert into commitment_share (commitment_id, partnership_id) values (:c, :p)",
                shares.toArray(SqlParameterSource[]::new));
    }
}
