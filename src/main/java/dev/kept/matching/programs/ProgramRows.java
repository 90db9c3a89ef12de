package dev.kept.matching.programs;

import dev.kept.matching.ProgramRules;
import dev.kept.matching.ProgramRules.RegionPreference;
import dev.kept.matching.ProgramRules.TeamRule;
import dev.kept.matching.Weights;
import dev.kept.partnerships.Cadence;
import dev.kept.shared.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Programs and the profiles of their participants, as rows. Every read is scoped by organization. */
@Component
class ProgramRows {

    private static final String STRENGTH = "S";
    private static final String GROWTH = "G";

    private final JdbcClient jdbc;

    ProgramRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A program as stored. */
    record Program(
            UUID id,
            UUID organizationId,
            String name,
            Instant optInUntil,
            ProgramRules rules,
            Weights weights,
            List<UUID> teamIds,
            List<UUID> coachIds,
            Instant createdAt) {

        boolean openAt(Instant now) {
            return optInUntil == null || now.isBefore(optInUntil);
        }

        Program with(List<UUID> teams, List<UUID> coaches) {
            return new Program(id, organizationId, name, optInUntil, rules, weights, teams, coaches, createdAt);
        }
    }

    /** A participant's profile as stored. */
    record Profile(
            UUID personId,
            List<String> strengths,
            List<String> growthAreas,
            Set<UUID> respects,
            String timeZone,
            Cadence preferredCadence,
            Instant joinedAt,
            Instant updatedAt) {}

    void insert(Program program, UUID createdBy) {
        settings(jdbc.sql("""
                        insert into matching_program
                            (id, organization_id, name, created_by, opt_in_until, avoid_previous_partners, team_rule,
                             region_preference, largest_level_gap, weight_growth, weight_respect, weight_other_team,
                             weight_region, weight_level, weight_working_hours, weight_cadence, created_at)
                        values (:id, :organization, :name, :createdBy, :optInUntil, :avoid, :team, :region, :gap,
                                :growth, :respect, :otherTeam, :regionWeight, :level, :hours, :cadence, :now)"""), program)
                .param("createdBy", createdBy)
                .param("now", timestamp(program.createdAt()))
                .update();
        insertTeams(program);
        replaceCoaches(program.id(), program.coachIds());
    }

    void update(Program program) {
        settings(jdbc.sql("""
                        update matching_program
                        set name = :name, opt_in_until = :optInUntil, avoid_previous_partners = :avoid,
                            team_rule = :team, region_preference = :region, largest_level_gap = :gap,
                            weight_growth = :growth, weight_respect = :respect, weight_other_team = :otherTeam,
                            weight_region = :regionWeight, weight_level = :level, weight_working_hours = :hours,
                            weight_cadence = :cadence
                        where id = :id and organization_id = :organization"""), program).update();
        jdbc.sql("delete from matching_program_team where program_id = :program")
                .param("program", program.id())
                .update();
        insertTeams(program);
        replaceCoaches(program.id(), program.coachIds());
    }

    // The parameters a new program and a changed one share: what the admin sets.
    private static JdbcClient.StatementSpec settings(JdbcClient.StatementSpec statement, Program program) {
        ProgramRules rules = program.rules();
        Weights weights = program.weights();
        return statement
                .param("id", program.id())
                .param("organization", program.organizationId())
                .param("name", program.name())
                .param("optInUntil", timestamp(program.optInUntil()))
                .param("avoid", rules.avoidPreviousPartners())
                .param("team", rules.team().name())
                .param("region", rules.region().name())
                .param("gap", rules.largestLevelGap())
                .param("growth", weights.growthMetByStrength())
                .param("respect", weights.mutualRespect())
                .param("otherTeam", weights.otherTeam())
                .param("regionWeight", weights.regionPreference())
                .param("level", weights.levelCloseness())
                .param("hours", weights.workingHoursOverlap())
                .param("cadence", weights.sameCadence());
    }

    private void insertTeams(Program program) {
        for (UUID team : program.teamIds()) {
            jdbc.sql("""
                            insert into matching_program_team (program_id, team_id) values (:program, :team)
                            on conflict do nothing""").param("program", program.id()).param("team", team).update();
        }
    }

    void replaceCoaches(UUID programId, Collection<UUID> coachIds) {
        jdbc.sql("delete from matching_program_coach where program_id = :program")
                .param("program", programId)
                .update();
        for (UUID coach : coachIds) {
            jdbc.sql("""
                            insert into matching_program_coach (program_id, person_id) values (:program, :person)
                            on conflict do nothing""").param("program", programId).param("person", coach).update();
        }
    }

    Optional<Program> find(UUID organizationId, UUID programId) {
        return withTeamsAndCoaches(
                        jdbc.sql("select * from matching_program where organization_id = :organization and id = :id")
                                .param("organization", organizationId)
                                .param("id", programId)
                                .query(ProgramRows::program)
                                .list())
                .stream()
                .findFirst();
    }

    /**
     * A page of an organization's programs, newest first: those after {@code before} (a time and an
     * id), at most {@code rows}.
     */
    List<Program> page(UUID organizationId, Cursor before, int rows) {
        return withTeamsAndCoaches(jdbc.sql("""
                        select * from matching_program where organization_id = :organization
                           and (created_at < :before or (created_at = :before and id < :beforeId))
                         order by created_at desc, id desc
                         limit :rows""")
                .param("organization", organizationId)
                .param("before", Timestamp.from(Instant.parse(before.position())))
                .param("beforeId", before.id())
                .param("rows", rows)
                .query(ProgramRows::program)
                .list());
    }

    /** The names of these programs of an organization, by id. */
    Map<UUID, String> names(UUID organizationId, Collection<UUID> programIds) {
        Map<UUID, String> names = new HashMap<>();
        if (programIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from matching_program where organization_id = :organization and id in (:ids)")
                .param("organization", organizationId)
                .param("ids", programIds)
                .query((rs, row) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        return names;
    }

    // each program with its teams and coaches, read for all of them in two statements
    private List<Program> withTeamsAndCoaches(List<Program> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        List<UUID> ids = bare.stream().map(Program::id).toList();
        Map<UUID, List<UUID>> teams = grouped(
                "select program_id, team_id as member_id from matching_program_team where program_id in (:ids)"
                        + " order by program_id, team_id",
                ids);
        Map<UUID, List<UUID>> coaches = grouped(
                "select program_id, person_id as member_id from matching_program_coach where program_id in (:ids)"
                        + " order by program_id, person_id",
                ids);
        return bare.stream()
                .map(program -> program.with(
                        teams.getOrDefault(program.id(), List.of()), coaches.getOrDefault(program.id(), List.of())))
                .toList();
    }

    private Map<UUID, List<UUID>> grouped(String sql, Collection<UUID> programIds) {
        Map<UUID, List<UUID>> grouped = new HashMap<>();
        jdbc.sql(sql)
                .param("ids", programIds)
                .query((rs, row) -> grouped.computeIfAbsent(
                                rs.getObject("program_id", UUID.class), key -> new ArrayList<>())
                        .add(rs.getObject("member_id", UUID.class)))
                .list();
        return grouped;
    }

    private static Program program(ResultSet rs, int row) throws SQLException {
        return new Program(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                instant(rs.getTimestamp("opt_in_until")),
                new ProgramRules(
                        rs.getBoolean("avoid_previous_partners"),
                        TeamRule.valueOf(rs.getString("team_rule")),
                        RegionPreference.valueOf(rs.getString("region_preference")),
                        rs.getObject("largest_level_gap", Integer.class)),
                new Weights(
                        rs.getDouble("weight_growth"),
                        rs.getDouble("weight_respect"),
                        rs.getDouble("weight_other_team"),
                        rs.getDouble("weight_region"),
                        rs.getDouble("weight_level"),
                        rs.getDouble("weight_working_hours"),
                        rs.getDouble("weight_cadence")),
                List.of(),
                List.of(),
                instant(rs.getTimestamp("created_at")));
    }

    /**
     * Takes the program's row lock until the transaction ends, so that two runs of one program at
     * the same moment happen one after the other and the second sees whom the first matched.
     */
    void lockForRun(UUID programId) {
        jdbc.sql("update matching_program set name = name where id = :id")
                .param("id", programId)
                .update();
    }

    /** How many have opted in to each of these programs (absent: none). */
    Map<UUID, Long> participantCounts(Collection<UUID> programIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (programIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select program_id, count(*) as participants from matching_participant
                         where program_id in (:ids) group by program_id""")
                .param("ids", programIds)
                .query((rs, row) -> counts.put(rs.getObject("program_id", UUID.class), rs.getLong("participants")))
                .list();
        return counts;
    }

    /** Which of these programs a person has opted in to. */
    Set<UUID> joinedBy(UUID personId, Collection<UUID> programIds) {
        if (programIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select program_id from matching_participant
                         where person_id = :person and program_id in (:ids)""")
                .param("person", personId)
                .param("ids", programIds)
                .query(UUID.class)
                .list());
    }

    /** Saves a profile; answers whether the person was new to the program. */
    boolean save(UUID organizationId, UUID programId, Profile profile, Instant now) {
        int updated = jdbc.sql("""
                        update matching_participant set time_zone = :zone, preferred_cadence = :cadence, updated_at = :now
                         where program_id = :program and person_id = :person""")
                .param("zone", profile.timeZone())
                .param(
                        "cadence",
                        profile.preferredCadence() == null
                                ? null
                                : profile.preferredCadence().name())
                .param("now", timestamp(now))
                .param("program", programId)
                .param("person", profile.personId())
                .update();
        boolean joined = updated == 0
                && jdbc.sql("""
                                        insert into matching_participant
                                            (program_id, person_id, organization_id, time_zone, preferred_cadence,
                                             joined_at, updated_at)
                                        values (:program, :person, :organization, :zone, :cadence, :now, :now)
                                        on conflict do nothing""")
                                .param("program", programId)
                                .param("person", profile.personId())
                                .param("organization", organizationId)
                                .param("zone", profile.timeZone())
                                .param(
                                        "cadence",
                                        profile.preferredCadence() == null
                                                ? null
                                                : profile.preferredCadence().name())
                                .param("now", timestamp(now))
                                .update()
                        == 1;
        deleteDetails(programId, profile.personId());
        insertTags(programId, profile.personId(), STRENGTH, profile.strengths());
        insertTags(programId, profile.personId(), GROWTH, profile.growthAreas());
        for (UUID respected : profile.respects()) {
            jdbc.sql("""
                            insert into matching_respect (program_id, person_id, respected_id)
                            values (:program, :person, :respected) on conflict do nothing""")
                    .param("program", programId)
                    .param("person", profile.personId())
                    .param("respected", respected)
                    .update();
        }
        return joined;
    }

    private void insertTags(UUID programId, UUID personId, String kind, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("""
                            insert into matching_participant_tag (program_id, person_id, kind, tag)
                            values (:program, :person, :kind, :tag) on conflict do nothing""")
                    .param("program", programId)
                    .param("person", personId)
                    .param("kind", kind)
                    .param("tag", tag)
                    .update();
        }
    }

    private void deleteDetails(UUID programId, UUID personId) {
        for (String table : List.of("matching_participant_tag", "matching_respect")) {
            jdbc.sql("delete from " + table + " where program_id = :program and person_id = :person")
                    .param("program", programId)
                    .param("person", personId)
                    .update();
        }
    }

    /** The programs a person takes part in. */
    List<UUID> programsOf(UUID personId) {
        return jdbc.sql("select program_id from matching_participant where person_id = :person")
                .param("person", personId)
                .query(UUID.class)
                .list();
    }

    boolean remove(UUID programId, UUID personId) {
        deleteDetails(programId, personId);
        return jdbc.sql("delete from matching_participant where program_id = :program and person_id = :person")
                        .param("program", programId)
                        .param("person", personId)
                        .update()
                > 0;
    }

    Optional<Profile> profile(UUID programId, UUID personId) {
        return profiles(programId, personId).stream().findFirst();
    }

    /** Every profile of a program, in the order people joined. */
    List<Profile> profiles(UUID programId) {
        return profiles(programId, null);
    }

    private List<Profile> profiles(UUID programId, UUID onlyPerson) {
        String person = onlyPerson == null ? "" : " and person_id = :person";
        Map<UUID, List<String>> strengths = new HashMap<>();
        Map<UUID, List<String>> growth = new HashMap<>();
        Map<UUID, Set<UUID>> respects = new HashMap<>();
        jdbc.sql("select person_id, kind, tag from matching_participant_tag where program_id = :program" + person
                        + " order by tag")
                .param("program", programId)
                .param("person", onlyPerson)
                .query((rs, row) -> {
                    UUID id = rs.getObject("person_id", UUID.class);
                    (STRENGTH.equals(rs.getString("kind")) ? strengths : growth)
                            .computeIfAbsent(id, key -> new ArrayList<>())
                            .add(rs.getString("tag"));
                    return id;
                })
                .list();
        jdbc.sql("select person_id, respected_id from matching_respect where program_id = :program" + person
                        + " order by respected_id")
                .param("program", programId)
                .param("person", onlyPerson)
                .query((rs, row) -> respects.computeIfAbsent(
                                rs.getObject("person_id", UUID.class), key -> new LinkedHashSet<>())
                        .add(rs.getObject("respected_id", UUID.class)))
                .list();
        return jdbc.sql("select * from matching_participant where program_id = :program" + person
                        + " order by joined_at, person_id")
                .param("program", programId)
                .param("person", onlyPerson)
                .query((rs, row) -> {
                    UUID id = rs.getObject("person_id", UUID.class);
                    String cadence = rs.getString("preferred_cadence");
                    return new Profile(
                            id,
                            strengths.getOrDefault(id, List.of()),
                            growth.getOrDefault(id, List.of()),
                            respects.getOrDefault(id, Set.of()),
                            rs.getString("time_zone"),
                            cadence == null ? null : Cadence.valueOf(cadence),
                            instant(rs.getTimestamp("joined_at")),
                            instant(rs.getTimestamp("updated_at")));
                })
                .list();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
