package dev.kept.goals;

import dev.kept.goals.Negotiation.Answer;
import dev.kept.goals.Negotiation.Party;
import dev.kept.goals.Negotiation.Role;
import dev.kept.goals.Negotiation.Status;
import dev.kept.goals.Negotiation.Step;
import dev.kept.goals.Negotiation.StepKind;
import dev.kept.goals.Negotiation.Terms;
import dev.kept.moves.EverydayMove;
import dev.kept.shared.Cursor;
import dev.kept.shared.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes negotiations with explicit SQL: the proposal row (its version guards against two
 * answers at once), its teams, the terms of each round with the contributions, and the steps,
 * which are only ever appended.
 */
@Repository
class NegotiationStore {

    private final JdbcClient jdbc;

    NegotiationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Negotiation> find(UUID organizationId, UUID goalId, UUID id) {
        return jdbc.sql("select id from goal_proposal where id = :id and organization_id = :org and goal_id = :goal")
                .param("id", id)
                .param("org", organizationId)
                .param("goal", goalId)
                .query(UUID.class)
                .optional()
                .map(this::load);
    }

    /**
     * The negotiations of a goal, newest first, with the teams in each (to decide who sees them):
     * the page after {@code cursor} (null: the first), at most {@code limit}, each table read once
     * for the whole page.
     */
    Page<Negotiation> ofGoal(UUID organizationId, UUID goalId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, null);
        record Row(UUID id, Instant createdAt) {}
        String keyset = after == null ? "" : " and (created_at < :at or (created_at = :at and id > :id))";
        JdbcClient.StatementSpec statement = jdbc.sql("select id, created_at from goal_proposal"
                        + " where organization_id = :org and goal_id = :goal" + keyset
                        + " order by created_at desc, id limit :rows")
                .param("org", organizationId)
                .param("goal", goalId)
                .param("rows", limit + 1);
        if (after != null) {
            statement = statement
                    .param("at", Timestamp.from(Instant.parse(after.position())))
                    .param("id", after.id());
        }
        Page<Row> page = Page.of(
                statement
                        .query((rs, n) ->
                                new Row(rs.getObject("id", UUID.class), instant(rs.getTimestamp("created_at"))))
                        .list(),
                limit,
                last -> new Cursor(last.createdAt().toString(), last.id()));
        Map<UUID, Negotiation> loaded =
                loadAll(page.items().stream().map(Row::id).toList());
        return new Page<>(page.items().stream().map(row -> loaded.get(row.id())).toList(), page.next());
    }

    /** These negotiations, each table read once for all of them. */
    private Map<UUID, Negotiation> loadAll(List<UUID> ids) {
        Map<UUID, Negotiation> loaded = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return loaded;
        }
        Map<UUID, Map<UUID, Party>> parties = new java.util.HashMap<>();
        jdbc.sql("select * from goal_proposal_team where proposal_id in (:ids) order by proposal_id, position")
                .param("ids", ids)
                .query(rs -> {
                    parties.computeIfAbsent(rs.getObject("proposal_id", UUID.class), k -> new LinkedHashMap<>())
                            .put(
                                    rs.getObject("team_id", UUID.class),
                                    new Party(
                                            rs.getObject("team_id", UUID.class),
                                            Role.valueOf(rs.getString("role")),
                                            Answer.valueOf(rs.getString("answer")),
                                            (Integer) rs.getObject("accepted_round"),
                                            rs.getString("reason")));
                });
        Map<UUID, Map<Integer, Map<UUID, String>>> contributions = new java.util.HashMap<>();
        jdbc.sql("select proposal_id, round, team_id, contribution from goal_proposal_contribution"
                        + " where proposal_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    contributions
                            .computeIfAbsent(rs.getObject("proposal_id", UUID.class), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getInt("round"), r -> new LinkedHashMap<>())
                            .put(rs.getObject("team_id", UUID.class), rs.getString("contribution"));
                });
        Map<UUID, List<Terms>> rounds = new java.util.HashMap<>();
        jdbc.sql("select * from goal_proposal_terms where proposal_id in (:ids) order by proposal_id, round")
                .param("ids", ids)
                .query(rs -> {
                    UUID proposal = rs.getObject("proposal_id", UUID.class);
                    Map<UUID, Party> its = parties.getOrDefault(proposal, Map.of());
                    rounds.computeIfAbsent(proposal, k -> new ArrayList<>())
                            .add(new Terms(
                                    rs.getString("title"),
                                    rs.getString("why"),
                                    rs.getString("done_when"),
                                    rs.getObject("due", LocalDate.class),
                                    inPartyOrder(
                                            contributions
                                                    .getOrDefault(proposal, Map.of())
                                                    .getOrDefault(rs.getInt("round"), Map.of()),
                                            its),
                                    rs.getObject("team_id", UUID.class),
                                    rs.getObject("person_id", UUID.class),
                                    rs.getString("note"),
                                    instant(rs.getTimestamp("created_at"))));
                });
        Map<UUID, List<Step>> steps = new java.util.HashMap<>();
        jdbc.sql("select * from goal_proposal_step where proposal_id in (:ids) order by proposal_id, seq")
                .param("ids", ids)
                .query(rs -> {
                    steps.computeIfAbsent(rs.getObject("proposal_id", UUID.class), k -> new ArrayList<>())
                            .add(new Step(
                                    StepKind.valueOf(rs.getString("kind")),
                                    rs.getObject("team_id", UUID.class),
                                    rs.getObject("person_id", UUID.class),
                                    rs.getInt("round"),
                                    rs.getString("reason"),
                                    instant(rs.getTimestamp("at"))));
                });
        jdbc.sql("select * from goal_proposal where id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    loaded.put(
                            id,
                            new Negotiation(
                                    id,
                                    rs.getObject("organization_id", UUID.class),
                                    rs.getObject("goal_id", UUID.class),
                                    rs.getObject("proposing_team_id", UUID.class),
                                    rs.getObject("created_by", UUID.class),
                                    instant(rs.getTimestamp("created_at")),
                                    Status.valueOf(rs.getString("status")),
                                    instant(rs.getTimestamp("closed_at")),
                                    rs.getLong("version"),
                                    parties.getOrDefault(id, new LinkedHashMap<>()),
                                    rounds.getOrDefault(id, new ArrayList<>()),
                                    steps.getOrDefault(id, new ArrayList<>())));
                });
        return loaded;
    }

    boolean hasOpen(UUID organizationId, UUID goalId) {
        return jdbc.sql(
                                "select count(*) from goal_proposal where organization_id = :org and goal_id = :goal and status = 'OPEN'")
                        .param("org", organizationId)
                        .param("goal", goalId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Negotiation load(UUID id) {
        Map<UUID, Party> parties = new LinkedHashMap<>();
        jdbc.sql("select * from goal_proposal_team where proposal_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new Party(
                        rs.getObject("team_id", UUID.class),
                        Role.valueOf(rs.getString("role")),
                        Answer.valueOf(rs.getString("answer")),
                        (Integer) rs.getObject("accepted_round"),
                        rs.getString("reason")))
                .list()
                .forEach(party -> parties.put(party.teamId, party));
        Map<Integer, Map<UUID, String>> contributions = new LinkedHashMap<>();
        jdbc.sql("select round, team_id, contribution from goal_proposal_contribution where proposal_id = :id")
                .param("id", id)
                .query(rs -> {
                    contributions
                            .computeIfAbsent(rs.getInt("round"), r -> new LinkedHashMap<>())
                            .put(rs.getObject("team_id", UUID.class), rs.getString("contribution"));
                });
        List<Terms> rounds =
                new ArrayList<>(jdbc.sql("select * from goal_proposal_terms where proposal_id = :id order by round")
                        .param("id", id)
                        .query((rs, n) -> new Terms(
                                rs.getString("title"),
                                rs.getString("why"),
                                rs.getString("done_when"),
                                rs.getObject("due", LocalDate.class),
                                inPartyOrder(contributions.getOrDefault(rs.getInt("round"), Map.of()), parties),
                                rs.getObject("team_id", UUID.class),
                                rs.getObject("person_id", UUID.class),
                                rs.getString("note"),
                                instant(rs.getTimestamp("created_at"))))
                        .list());
        List<Step> steps =
                new ArrayList<>(jdbc.sql("select * from goal_proposal_step where proposal_id = :id order by seq")
                        .param("id", id)
                        .query((rs, n) -> new Step(
                                StepKind.valueOf(rs.getString("kind")),
                                rs.getObject("team_id", UUID.class),
                                rs.getObject("person_id", UUID.class),
                                rs.getInt("round"),
                                rs.getString("reason"),
                                instant(rs.getTimestamp("at"))))
                        .list());
        return jdbc.sql("select * from goal_proposal where id = :id")
                .param("id", id)
                .query((rs, n) -> new Negotiation(
                        id,
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("goal_id", UUID.class),
                        rs.getObject("proposing_team_id", UUID.class),
                        rs.getObject("created_by", UUID.class),
                        instant(rs.getTimestamp("created_at")),
                        Status.valueOf(rs.getString("status")),
                        instant(rs.getTimestamp("closed_at")),
                        rs.getLong("version"),
                        parties,
                        rounds,
                        steps))
                .single();
    }

    /** Writes what changed; a negotiation changed by someone else since it was read throws. */
    void save(Negotiation negotiation) {
        if (negotiation.isNew()) {
            jdbc.sql("""
                            insert into goal_proposal (id, organization_id, goal_id, proposing_team_id, status, round,
                                                       created_by, created_at, closed_at, version)
                            values (:id, :org, :goal, :team, :status, :round, :by, :at, :closed, 0)
                            """)
                    .param("id", negotiation.id)
                    .param("org", negotiation.organizationId)
                    .param("goal", negotiation.goalId)
                    .param("team", negotiation.proposingTeamId)
                    .param("status", negotiation.status.name())
                    .param("round", negotiation.round())
                    .param("by", negotiation.createdBy)
                    .param("at", timestamp(negotiation.createdAt))
                    .param("closed", timestamp(negotiation.closedAt))
                    .update();
            int position = 0;
            for (Party party : negotiation.parties.values()) {
                jdbc.sql("""
                                insert into goal_proposal_team (proposal_id, team_id, position, role, answer)
                                values (:id, :team, :position, :role, 'PENDING')
                                """)
                        .param("id", negotiation.id)
                        .param("team", party.teamId)
                        .param("position", position++)
                        .param("role", party.role.name())
                        .update();
            }
        } else {
            int changed = jdbc.sql("""
                            update goal_proposal set status = :status, round = :round, closed_at = :closed,
                                   version = version + 1
                            where id = :id and version = :version
                            """)
                    .param("status", negotiation.status.name())
                    .param("round", negotiation.round())
                    .param("closed", timestamp(negotiation.closedAt))
                    .param("id", negotiation.id)
                    .param("version", negotiation.version)
                    .update();
            if (changed == 0) {
                throw new OptimisticLockingFailureException("goal proposal " + negotiation.id);
            }
        }
        for (Party party : negotiation.parties.values()) {
            jdbc.sql("""
                            update goal_proposal_team set answer = :answer, accepted_round = :round, reason = :reason
                            where proposal_id = :id and team_id = :team
                            """)
                    .param("answer", party.answer.name())
                    .param("round", party.acceptedRound)
                    .param("reason", party.reason)
                    .param("id", negotiation.id)
                    .param("team", party.teamId)
                    .update();
        }
        int storedRounds = jdbc.sql("select count(*) from goal_proposal_terms where proposal_id = :id")
                .param("id", negotiation.id)
                .query(Integer.class)
                .single();
        for (int round = storedRounds + 1; round <= negotiation.round(); round++) {
            insertTerms(negotiation.id, round, negotiation.rounds.get(round - 1));
        }
        for (int seq = negotiation.storedSteps; seq < negotiation.steps.size(); seq++) {
            Step step = negotiation.steps.get(seq);
            jdbc.sql("""
                            insert into goal_proposal_step (proposal_id, seq, kind, team_id, person_id, round, reason, at)
                            values (:id, :seq, :kind, :team, :person, :round, :reason, :at)
                            """)
                    .param("id", negotiation.id)
                    .param("seq", seq)
                    .param("kind", step.kind().name())
                    .param("team", step.teamId())
                    .param("person", step.personId())
                    .param("round", step.round())
                    .param("reason", step.reason())
                    .param("at", timestamp(step.at()))
                    .update();
        }
    }

    private void insertTerms(UUID id, int round, Terms terms) {
        jdbc.sql("""
                        insert into goal_proposal_terms (proposal_id, round, team_id, person_id, title, why, done_when,
                                                         due, note, created_at)
                        values (:id, :round, :team, :person, :title, :why, :doneWhen, :due, :note, :at)
                        """)
                .param("id", id)
                .param("round", round)
                .param("team", terms.teamId())
                .param("person", terms.personId())
                .param("title", terms.title())
                .param("why", terms.why())
                .param("doneWhen", terms.doneWhen())
                .param("due", terms.due())
                .param("note", terms.note())
                .param("at", timestamp(terms.at()))
                .update();
        terms.contributions()
                .forEach((team, contribution) -> jdbc.sql("""
                        insert into goal_proposal_contribution (proposal_id, round, team_id, contribution)
                        values (:id, :round, :team, :contribution)
                        """)
                        .param("id", id)
                        .param("round", round)
                        .param("team", team)
                        .param("contribution", contribution)
                        .update());
    }

    /** The teams that own a goal (its own team and its co-owners), each with what it contributes. */
    Map<UUID, String> owners(UUID organizationId, UUID goalId) {
        Map<UUID, String> owners = new LinkedHashMap<>();
        jdbc.sql("""
                        select team_id, contribution from goal_owner_team
                        where organization_id = :org and goal_id = :goal order by position
                        """).param("org", organizationId).param("goal", goalId).query(rs -> {
            owners.put(rs.getObject("team_id", UUID.class), rs.getString("contribution"));
        });
        return owners;
    }

    /** The teams that own each of these goals as agreed, each with what it contributes, in one statement. */
    Map<UUID, Map<UUID, String>> ownersOf(UUID organizationId, java.util.Collection<UUID> goalIds) {
        Map<UUID, Map<UUID, String>> owners = new java.util.HashMap<>();
        if (goalIds.isEmpty()) {
            return owners;
        }
        jdbc.sql("""
                        select goal_id, team_id, contribution from goal_owner_team
                        where organization_id = :org and goal_id in (:goals) order by goal_id, position
                        """)
                .param("org", organizationId)
                .param("goals", List.copyOf(goalIds))
                .query(rs -> {
                    owners.computeIfAbsent(rs.getObject("goal_id", UUID.class), g -> new LinkedHashMap<>())
                            .put(rs.getObject("team_id", UUID.class), rs.getString("contribution"));
                });
        return owners;
    }

    /** Makes the agreed teams the goal's owners, with the agreed contributions. */
    void makeOwners(UUID organizationId, UUID goalId, Map<UUID, String> contributions, Instant now) {
        jdbc.sql("delete from goal_owner_team where organization_id = :org and goal_id = :goal")
                .param("org", organizationId)
                .param("goal", goalId)
                .update();
        int position = 0;
        for (Map.Entry<UUID, String> owner : contributions.entrySet()) {
            jdbc.sql("""
                            insert into goal_owner_team (goal_id, team_id, organization_id, position, contribution, since)
                            values (:goal, :team, :org, :position, :contribution, :since)
                            """)
                    .param("goal", goalId)
                    .param("team", owner.getKey())
                    .param("org", organizationId)
                    .param("position", position++)
                    .param("contribution", owner.getValue())
                    .param("since", timestamp(now))
                    .update();
        }
    }

    /** The people a team's lead allows to negotiate for it. */
    List<UUID> negotiators(UUID organizationId, UUID teamId) {
        return jdbc.sql(
                        "select person_id from team_negotiator where organization_id = :org and team_id = :team order by allowed_at, person_id")
                .param("org", organizationId)
                .param("team", teamId)
                .query(UUID.class)
                .list();
    }

    void replaceNegotiators(UUID organizationId, UUID teamId, Collection<UUID> people, UUID by, Instant now) {
        jdbc.sql("delete from team_negotiator where organization_id = :org and team_id = :team")
                .param("org", organizationId)
                .param("team", teamId)
                .update();
        people.forEach(person -> jdbc.sql("""
                        insert into team_negotiator (team_id, person_id, organization_id, allowed_by, allowed_at)
                        values (:team, :person, :org, :by, :at)
                        """)
                .param("team", teamId)
                .param("person", person)
                .param("org", organizationId)
                .param("by", by)
                .param("at", timestamp(now))
                .update());
    }

    /** The negotiation steps (proposing, countering, accepting) people took in [from, to). */
    List<EverydayMove> movesBetween(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        JdbcClient.StatementSpec statement = jdbc.sql(
                        """
                        select s.* from goal_proposal_step s join goal_proposal p on p.id = s.proposal_id
                        where p.organization_id = :org and s.at >= :from and s.at < :to
                          and s.kind in ('PROPOSED', 'COUNTERED', 'ACCEPTED')""" + (personIds == null ? "" : " and s.person_id in (:people)") + " order by s.at")
                .param("org", organizationId)
                .param("from", timestamp(from))
                .param("to", timestamp(to));
        if (personIds != null) {
            statement = statement.param("people", List.copyOf(personIds));
        }
        return statement
                .query((rs, n) -> new EverydayMove(
                        EverydayMove.Kind.CO_OWN_GOAL,
                        rs.getObject("person_id", UUID.class),
                        instant(rs.getTimestamp("at")),
                        rs.getObject("proposal_id", UUID.class)))
                .list();
    }

    private static Map<UUID, String> inPartyOrder(Map<UUID, String> contributions, Map<UUID, Party> parties) {
        Map<UUID, String> ordered = new LinkedHashMap<>();
        parties.keySet().stream()
                .filter(contributions::containsKey)
                .forEach(team -> ordered.put(team, contributions.get(team)));
        return ordered;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
