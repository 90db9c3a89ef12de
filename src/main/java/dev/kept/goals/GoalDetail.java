package dev.kept.goals;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kept.commitments.CommitmentView;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One goal with its parent, the goals directly beneath it, and the commitments serving it or a
 * goal beneath it: those the viewer may see ({@code commitments}), and how many others there are
 * ({@code hiddenCommitments}), counted and never shown. {@code coOwners} lists every team that
 * owns a co-owned goal (its own team included) with what each contributes; empty when one team owns it.
 */
public record GoalDetail(
        @JsonUnwrapped GoalView goal,
        List<Owner> coOwners,
        GoalView parent,
        List<GoalView> children,
        List<CommitmentView> commitments,
        long hiddenCommitments,
        @JsonIgnore Map<UUID, String> titles) {

    /** A team that co-owns the goal and what it contributes, as agreed. */
    public record Owner(UUID teamId, String teamName, String contribution) {}

    /** The title of this goal or of one beneath it, to say which goal a commitment serves. */
    public String titleOf(UUID goalId) {
        return titles.get(goalId);
    }
}
