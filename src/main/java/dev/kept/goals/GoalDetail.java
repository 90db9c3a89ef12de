package dev.kept.goals;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kept.shared.PageAnswer;
import java.util.List;
import java.util.UUID;

/**
 * One goal summarized: its parent, the goals directly beneath it each with the commitments serving
 * it or a goal beneath it counted by state ({@code children}, opened one level at a time: a child's
 * own detail lists its children), the same counts for this goal alone ({@code here}), for the whole
 * tree beneath it ({@code total}) and per owner's team ({@code teams}), and the first page of the
 * commitments serving this goal itself that the viewer may see ({@code commitments}, {@code next}
 * the address of the next page). {@code hiddenCommitments} is how many commitments serving the goal
 * or one beneath it the viewer may not see: counted, never shown. {@code coOwners} lists every team
 * that owns a co-owned goal (its own team included) with what each contributes; empty when one
 * team owns it.
 */
public record GoalDetail(
        @JsonUnwrapped GoalView goal,
        List<Owner> coOwners,
        GoalView parent,
        List<Child> children,
        Tally here,
        Tally total,
        List<TeamTally> teams,
        PageAnswer<ServingCommitment> commitments,
        long hiddenCommitments) {

    /** A team that co-owns the goal and what it contributes, as agreed. */
    public record Owner(UUID teamId, String teamName, String contribution) {}

    /**
     * A goal directly beneath, with how many goals sit directly beneath it in turn and the
     * commitments serving it or any goal beneath it, counted.
     */
    public record Child(@JsonUnwrapped GoalView goal, long goalsBeneath, Tally tally) {}

    /** The commitments serving the goal or one beneath it, owned by one team's members (null: no team). */
    public record TeamTally(UUID teamId, String teamName, Tally tally) {}

    /** The same detail, with the next page of commitments at this address (null: none). */
    public GoalDetail withNextCommitments(String address) {
        return new GoalDetail(
                goal,
                coOwners,
                parent,
                children,
                here,
                total,
                teams,
                new PageAnswer<>(commitments.items(), address),
                hiddenCommitments);
    }
}
