package dev.kept.matching.programs;

import dev.kept.matching.Pair;
import dev.kept.matching.ProgramRules;
import dev.kept.matching.Weights;
import dev.kept.partnerships.Cadence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the matching API and pages show. */
public final class Views {

    private Views() {}

    /** A person named in a program. */
    public record PersonRef(UUID id, String name) {}

    /**
     * A program as a member of its organization sees it.
     *
     * @param teamIds who may join: members of these teams, or everyone when empty
     * @param openForOptIn whether opting in is still possible (no deadline, or before it)
     * @param participants how many have opted in
     * @param joined whether the viewer has opted in
     * @param mayJoin whether the viewer may opt in (a member of the organization, in one of its teams)
     */
    public record ProgramView(
            UUID id,
            String name,
            List<UUID> teamIds,
            Instant optInUntil,
            boolean openForOptIn,
            ProgramRules rules,
            Weights weights,
            List<PersonRef> coaches,
            long participants,
            boolean joined,
            boolean mayJoin,
            Instant createdAt) {}

    /** A participant's own profile in a program. */
    public record ProfileView(
            UUID programId,
            UUID personId,
            List<String> strengths,
            List<String> growthAreas,
            List<UUID> respects,
            String timeZone,
            Cadence preferredCadence,
            Instant joinedAt,
            Instant updatedAt) {}

    /** One pair of a run, with the proposal made of it. */
    public record PairView(
            UUID a, UUID b, double score, List<String> reasons, UUID proposalId, ProposalStatus status) {}

    /** A pair joined by a third person, with the proposal made of it. */
    public record TrioView(
            Pair pair,
            Pair joinedWithA,
            Pair joinedWithB,
            List<UUID> members,
            UUID proposalId,
            ProposalStatus status) {}

    /** A coach offered to someone the run left unmatched. */
    public record CoachOfferView(UUID personId, UUID coachId, UUID proposalId, ProposalStatus status) {}

    /**
     * One run of a program as its admin sees it: the engine's pairing, what became of each
     * proposal, and the names of everyone in it.
     */
    public record RunView(
            UUID id,
            UUID programId,
            List<PairView> pairs,
            List<TrioView> trios,
            List<UUID> unmatched,
            List<CoachOfferView> coachOffers,
            double totalScore,
            Map<UUID, String> names,
            Instant createdAt) {}

    /** A run in a program's list of runs. */
    public record RunSummary(UUID id, int pairs, int trios, int unmatched, double totalScore, Instant createdAt) {}

    /** Someone in a proposal and their answer so far (null while they have not answered). */
    public record MemberView(UUID personId, String name, boolean coach, String answer) {}

    /** A proposal as one of its people sees it: who else is in it and why they fit. */
    public record ProposalView(
            UUID id,
            UUID programId,
            String programName,
            ProposalKind kind,
            ProposalStatus status,
            List<MemberView> people,
            List<String> reasons,
            String myAnswer,
            Instant createdAt) {}
}
