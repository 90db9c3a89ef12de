package dev.kept.matching.programs;

import dev.kept.matching.Pair;
import dev.kept.matching.ProgramRules;
import dev.kept.matching.Weights;
import dev.kept.partnerships.Cadence;
import java.time.Instant;
import java.util.List;
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

    /** One pair of a run, with the names of its two people and the proposal made of it. */
    public record PairView(
            UUID a,
            String aName,
            UUID b,
            String bName,
            double score,
            List<String> reasons,
            UUID proposalId,
            ProposalStatus status) {}

    /**
     * A pair joined by a third person, with the proposal made of it.
     *
     * @param memberNames the names of {@code members}, in the same order
     */
    public record TrioView(
            Pair pair,
            Pair joinedWithA,
            Pair joinedWithB,
            List<UUID> members,
            List<String> memberNames,
            UUID proposalId,
            ProposalStatus status) {}

    /** A coach offered to someone the run left unmatched. */
    public record CoachOfferView(
            UUID personId, UUID coachId, String coachName, UUID proposalId, ProposalStatus status) {}

    /** Someone a run left without a partner, and the coach offered to them (null when none could be). */
    public record UnmatchedView(UUID personId, String name, CoachOfferView coachOffer) {}

    /**
     * How many of each a run made, and what became of its proposals (pairs, trios and coach offers
     * together) so far.
     */
    public record RunCounts(
            long pairs,
            long trios,
            long unmatched,
            long coachOffers,
            long pending,
            long accepted,
            long declined,
            long withdrawn) {}

    /**
     * One run of a program as its admin sees it: how many pairs, trios and unmatched people it
     * made and what became of its proposals, its total score, and the first page of its pairs.
     * The rest are read a page at a time: its pairs, trios and unmatched people.
     *
     * @param pairsNext where the next page of pairs is (null when these are all)
     */
    public record RunView(
            UUID id,
            UUID programId,
            RunCounts counts,
            double totalScore,
            List<PairView> pairs,
            String pairsNext,
            Instant createdAt) {

        RunView withPairsNext(String address) {
            return new RunView(id, programId, counts, totalScore, pairs, address, createdAt);
        }
    }

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
