package dev.kept.matching.programs;

import static dev.kept.matching.programs.ProgramRows.instant;
import static dev.kept.matching.programs.ProgramRows.timestamp;

import dev.kept.matching.Pair;
import dev.kept.shared.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs of programs and the proposals they made, as rows. Every read is scoped by organization. */
@Component
class ProposalRows {

    static final String ACCEPTED = "ACCEPTED";
    static final String DECLINED = "DECLINED";

    private final JdbcClient jdbc;

    ProposalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Run(UUID id, UUID programId, double totalScore, Instant createdAt) {}

    /** Someone a run left unmatched, at their place in the run. */
    record Unmatched(UUID personId, int position) {}

    /** A coach offered in a run: the proposal, its state and the coach. */
    record CoachOffer(UUID proposalId, ProposalStatus status, UUID coachId) {}

    /** Someone in a proposal, with their answer (null while they have not answered). */
    record Member(UUID personId, String answer) {}

    record Proposal(
            UUID id,
            UUID programId,
            UUID runId,
            int position,
            ProposalKind kind,
            ProposalStatus status,
            List<Member> members,
            List<Pair> pairs,
            Instant createdAt) {

        List<UUID> memberIds() {
            return members.stream().map(Member::personId).toList();
        }

        boolean involves(UUID personId) {
            return memberIds().contains(personId);
        }

        String answerOf(UUID personId) {
            for (Member member : members) {
                if (member.personId().equals(personId)) {
                    return member.answer();
                }
            }
            return null;
        }
    }

    void insertRun(UUID organizationId, Run run, UUID runBy, List<UUID> unmatched) {
        jdbc.sql("""
                        insert into matching_run (id, organization_id, program_id, run_by, total_score, created_at)
                        values (:id, :organization, :program, :runBy, :total, :now)""")
                .param("id", run.id())
                .param("organization", organizationId)
                .param("program", run.programId())
                .param("runBy", runBy)
                .param("total", run.totalScore())
                .param("now", timestamp(run.createdAt()))
                .update();
        for (int i = 0; i < unmatched.size(); i++) {
            jdbc.sql("""
                            insert into matching_run_unmatched (run_id, person_id, position)
                            values (:run, :person, :position)""")
                    .param("run", run.id())
                    .param("person", unmatched.get(i))
                    .param("position", i)
                    .update();
        }
    }

    void insertProposal(UUID organizationId, Proposal proposal, int position) {
        jdbc.sql("""
                        insert into match_proposal
                            (id, organization_id, program_id, run_id, position, kind, status, created_at, version)
                        values (:id, :organization, :program, :run, :position, :kind, :status, :now, 0)""")
                .param("id", proposal.id())
                .param("organization", organizationId)
                .param("program", proposal.programId())
                .param("run", proposal.runId())
                .param("position", position)
                .param("kind", proposal.kind().name())
                .param("status", proposal.status().name())
                .param("now", timestamp(proposal.createdAt()))
                .update();
        for (int i = 0; i < proposal.members().size(); i++) {
            Member member = proposal.members().get(i);
            jdbc.sql("""
                            insert into match_proposal_member (proposal_id, person_id, position, answer, answered_at)
                            values (:proposal, :person, :position, :answer, :answeredAt)""")
                    .param("proposal", proposal.id())
                    .param("person", member.personId())
                    .param("position", i)
                    .param("answer", member.answer())
                    .param("answeredAt", member.answer() == null ? null : timestamp(proposal.createdAt()))
                    .update();
        }
        for (int i = 0; i < proposal.pairs().size(); i++) {
            Pair pair = proposal.pairs().get(i);
            jdbc.sql("""
                            insert into match_proposal_pair (proposal_id, position, a_id, b_id, score, reasons)
                            values (:proposal, :position, :a, :b, :score, :reasons)""")
                    .param("proposal", proposal.id())
                    .param("position", i)
                    .param("a", pair.a())
                    .param("b", pair.b())
                    .param("score", pair.score())
                    .param(
                            "reasons",
                            String.join(
                                    "\n",
                                    pair.reasons().stream()
                                            .map(reason -> reason.replace('\n', ' '))
                                            .toList()))
                    .update();
        }
    }

    Optional<Run> findRun(UUID organizationId, UUID programId, UUID runId) {
        return jdbc.sql("select * from matching_run where organization_id = :organization"
                        + " and program_id = :program and id = :run")
                .param("organization", organizationId)
                .param("program", programId)
                .param("run", runId)
                .query((rs, row) ->
                        new Run(runId, programId, rs.getDouble("total_score"), instant(rs.getTimestamp("created_at"))))
                .optional();
    }

    /**
     * A page of the runs of a program with how many pairs, trios and unmatched each made, newest
     * first: those after {@code before} (its time and id), at most {@code rows}.
     */
    List<Views.RunSummary> summaries(UUID organizationId, UUID programId, Cursor before, int rows) {
        return jdbc.sql("""
                        select r.id, r.total_score, r.created_at,
                               (select count(*) from match_proposal p
                                 where p.run_id = r.id and p.kind = 'PAIR') as pairs,
                               (select count(*) from match_proposal p
                                 where p.run_id = r.id and p.kind = 'TRIO') as trios,
                               (select count(*) from matching_run_unmatched u where u.run_id = r.id) as unmatched
                          from matching_run r
                         where r.organization_id = :organization and r.program_id = :program
                           and (r.created_at < :before or (r.created_at = :before and r.id < :beforeId))
                         order by r.created_at desc, r.id desc
                         limit :rows""")
                .param("organization", organizationId)
                .param("program", programId)
                .param("before", Timestamp.from(Instant.parse(before.position())))
                .param("beforeId", before.id())
                .param("rows", rows)
                .query((rs, row) -> new Views.RunSummary(
                        rs.getObject("id", UUID.class),
                        rs.getInt("pairs"),
                        rs.getInt("trios"),
                        rs.getInt("unmatched"),
                        rs.getDouble("total_score"),
                        instant(rs.getTimestamp("created_at"))))
                .list();
    }

    /** How many pairs, trios, unmatched people and coach offers a run made, and their states. */
    Views.RunCounts counts(UUID runId) {
        Map<ProposalKind, Long> kinds = new EnumMap<>(ProposalKind.class);
        Map<ProposalStatus, Long> states = new EnumMap<>(ProposalStatus.class);
        jdbc.sql("""
                        select kind, status, count(*) as proposals from match_proposal
                         where run_id = :run group by kind, status""")
                .param("run", runId)
                .query((rs, row) -> {
                    long count = rs.getLong("proposals");
                    kinds.merge(ProposalKind.valueOf(rs.getString("kind")), count, Long::sum);
                    states.merge(ProposalStatus.valueOf(rs.getString("status")), count, Long::sum);
                    return count;
                })
                .list();
        long unmatched = jdbc.sql("select count(*) from matching_run_unmatched where run_id = :run")
                .param("run", runId)
                .query(Long.class)
                .single();
        return new Views.RunCounts(
                kinds.getOrDefault(ProposalKind.PAIR, 0L),
                kinds.getOrDefault(ProposalKind.TRIO, 0L),
                unmatched,
                kinds.getOrDefault(ProposalKind.COACH, 0L),
                states.getOrDefault(ProposalStatus.PENDING, 0L),
                states.getOrDefault(ProposalStatus.ACCEPTED, 0L),
                states.getOrDefault(ProposalStatus.DECLINED, 0L),
                states.getOrDefault(ProposalStatus.WITHDRAWN, 0L));
    }

    /**
     * A page of a run's proposals of one kind in the order the run made them: those after {@code
     * after} (a position and an id), at most {@code rows}.
     */
    List<Proposal> ofRun(UUID organizationId, UUID runId, ProposalKind kind, Cursor after, int rows) {
        return proposals(
                """
                        p.organization_id = :organization and p.run_id = :run and p.kind = :kind
                           and (p.position > :position or (p.position = :position and p.id > :afterId))
                         order by p.position, p.id
                         limit :rows""",
                Map.of(
                        "organization",
                        organizationId,
                        "run",
                        runId,
                        "kind",
                        kind.name(),
                        "position",
                        Integer.parseInt(after.position()),
                        "afterId",
                        after.id(),
                        "rows",
                        rows));
    }

    /** A page of the people a run left unmatched, in the run's order, after {@code after}. */
    List<Unmatched> unmatched(UUID runId, Cursor after, int rows) {
        return jdbc.sql("""
                        select person_id, position from matching_run_unmatched
                         where run_id = :run
                           and (position > :position or (position = :position and person_id > :afterId))
                         order by position, person_id
                         limit :rows""")
                .param("run", runId)
                .param("position", Integer.parseInt(after.position()))
                .param("afterId", after.id())
                .param("rows", rows)
                .query((rs, row) -> new Unmatched(rs.getObject("person_id", UUID.class), rs.getInt("position")))
                .list();
    }

    /** The coach offered in a run to each of these people who was offered one. */
    Map<UUID, CoachOffer> coachOffers(UUID runId, Collection<UUID> personIds) {
        Map<UUID, CoachOffer> offers = new HashMap<>();
        if (personIds.isEmpty()) {
            return offers;
        }
        jdbc.sql("""
                        select p.id, p.status, coached.person_id as person_id, coach.person_id as coach_id
                          from match_proposal p
                          join match_proposal_member coached on coached.proposal_id = p.id and coached.position = 0
                          join match_proposal_member coach on coach.proposal_id = p.id and coach.position = 1
                         where p.run_id = :run and p.kind = 'COACH' and coached.person_id in (:people)""")
                .param("run", runId)
                .param("people", personIds)
                .query((rs, row) -> offers.put(
                        rs.getObject("person_id", UUID.class),
                        new CoachOffer(
                                rs.getObject("id", UUID.class),
                                ProposalStatus.valueOf(rs.getString("status")),
                                rs.getObject("coach_id", UUID.class))))
                .list();
        return offers;
    }

    Optional<Proposal> find(UUID organizationId, UUID proposalId) {
        return proposals(
                        "p.organization_id = :organization and p.id = :id",
                        Map.of("organization", organizationId, "id", proposalId))
                .stream()
                .findFirst();
    }

    /**
     * A page of the proposals a person is in, newest first: those after {@code before} (a time and
     * an id), at most {@code rows}.
     */
    List<Proposal> of(UUID organizationId, UUID personId, Cursor before, int rows) {
        return proposals(
                """
                        p.organization_id = :organization
                           and exists (select 1 from match_proposal_member m
                                        where m.proposal_id = p.id and m.person_id = :person)
                           and (p.created_at < :before or (p.created_at = :before and p.id < :beforeId))
                         order by p.created_at desc, p.id desc
                         limit :rows""",
                Map.of(
                        "organization", organizationId,
                        "person", personId,
                        "before", Timestamp.from(Instant.parse(before.position())),
                        "beforeId", before.id(),
                        "rows", rows));
    }

    /** Every proposal still waiting for answers that the person is in (few: one per program at most). */
    List<Proposal> pendingOf(UUID organizationId, UUID personId) {
        return proposals("""
                        p.organization_id = :organization and p.status = 'PENDING'
                           and exists (select 1 from match_proposal_member m
                                        where m.proposal_id = p.id and m.person_id = :person)
                         order by p.created_at, p.id""", Map.of("organization", organizationId, "person", personId));
    }

    // the proposals a where clause (with its order and limit) selects, with their members and pairs
    private List<Proposal> proposals(String where, Map<String, ?> parameters) {
        Map<UUID, Proposal> proposals = new LinkedHashMap<>();
        jdbc.sql("select p.* from match_proposal p where " + where)
                .params(parameters)
                .query(ProposalRows::proposal)
                .list()
                .forEach(proposal -> proposals.put(proposal.id(), proposal));
        if (proposals.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Member>> members = new HashMap<>();
        jdbc.sql("""
                        select m.proposal_id, m.person_id, m.answer from match_proposal_member m
                         where m.proposal_id in (:ids) order by m.proposal_id, m.position""")
                .param("ids", proposals.keySet())
                .query((rs, row) -> members.computeIfAbsent(
                                rs.getObject("proposal_id", UUID.class), key -> new ArrayList<>())
                        .add(new Member(rs.getObject("person_id", UUID.class), rs.getString("answer"))))
                .list();
        Map<UUID, List<Pair>> pairs = new HashMap<>();
        jdbc.sql("""
                        select proposal_id, a_id, b_id, score, reasons from match_proposal_pair
                         where proposal_id in (:ids) order by proposal_id, position""")
                .param("ids", proposals.keySet())
                .query((rs, row) -> pairs.computeIfAbsent(
                                rs.getObject("proposal_id", UUID.class), key -> new ArrayList<>())
                        .add(new Pair(
                                rs.getObject("a_id", UUID.class),
                                rs.getObject("b_id", UUID.class),
                                rs.getDouble("score"),
                                reasons(rs.getString("reasons")))))
                .list();
        return proposals.values().stream()
                .map(p -> new Proposal(
                        p.id(),
                        p.programId(),
                        p.runId(),
                        p.position(),
                        p.kind(),
                        p.status(),
                        members.getOrDefault(p.id(), List.of()),
                        pairs.getOrDefault(p.id(), List.of()),
                        p.createdAt()))
                .toList();
    }

    private static List<String> reasons(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static Proposal proposal(ResultSet rs, int row) throws SQLException {
        return new Proposal(
                rs.getObject("id", UUID.class),
                rs.getObject("program_id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getInt("position"),
                ProposalKind.valueOf(rs.getString("kind")),
                ProposalStatus.valueOf(rs.getString("status")),
                List.of(),
                List.of(),
                instant(rs.getTimestamp("created_at")));
    }

    /** The people of a program in a proposal that is pending or accepted: not matched again. */
    Set<UUID> taken(UUID programId) {
        return new HashSet<>(
                jdbc.sql("""
                        select distinct m.person_id from match_proposal_member m
                          join match_proposal p on p.id = m.proposal_id
                         where p.program_id = :program and p.status in ('PENDING', 'ACCEPTED')""").param("program", programId).query(UUID.class).list());
    }

    /**
     * The pairs never to be proposed again in a program: each person who declined a proposal with
     * each other person of it.
     */
    Set<Set<UUID>> declinedPairs(UUID programId) {
        Set<Set<UUID>> pairs = new HashSet<>();
        jdbc.sql("""
                        select decliner.person_id as decliner, other.person_id as other
                          from match_proposal p
                          join match_proposal_member decliner on decliner.proposal_id = p.id
                          join match_proposal_member other on other.proposal_id = p.id
                         where p.program_id = :program and decliner.answer = 'DECLINED'
                           and other.person_id <> decliner.person_id""")
                .param("program", programId)
                .query((rs, row) -> Set.of(rs.getObject("decliner", UUID.class), rs.getObject("other", UUID.class)))
                .list()
                .forEach(pairs::add);
        return pairs;
    }

    /** How many pending or accepted coach offers each coach of a program has. */
    Map<UUID, Integer> coachLoad(UUID programId) {
        Map<UUID, Integer> load = new HashMap<>();
        jdbc.sql("""
                        select m.person_id, count(*) as offers from match_proposal p
                          join match_proposal_member m on m.proposal_id = p.id and m.position = 1
                         where p.program_id = :program and p.kind = 'COACH' and p.status in ('PENDING', 'ACCEPTED')
                         group by m.person_id""")
                .param("program", programId)
                .query((rs, row) -> load.put(rs.getObject("person_id", UUID.class), rs.getInt("offers")))
                .list();
        return load;
    }

    /**
     * Takes the proposal's row lock while it is pending, so that two answers at the same moment
     * are decided one after the other; false when it is no longer pending.
     */
    boolean lockPending(UUID proposalId) {
        return jdbc.sql("update match_proposal set version = version + 1 where id = :id and status = 'PENDING'")
                        .param("id", proposalId)
                        .update()
                == 1;
    }

    void answer(UUID proposalId, UUID personId, String answer, Instant now) {
        jdbc.sql("""
                        update match_proposal_member set answer = :answer, answered_at = :now
                         where proposal_id = :proposal and person_id = :person""")
                .param("answer", answer)
                .param("now", timestamp(now))
                .param("proposal", proposalId)
                .param("person", personId)
                .update();
    }

    void close(UUID proposalId, ProposalStatus status, Instant now) {
        jdbc.sql("update match_proposal set status = :status, decided_at = :now where id = :id")
                .param("status", status.name())
                .param("now", timestamp(now))
                .param("id", proposalId)
                .update();
    }
}
