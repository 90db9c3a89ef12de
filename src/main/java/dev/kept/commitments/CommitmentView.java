package dev.kept.commitments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kept.access.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A commitment as a viewer sees it, with its clarity and whether it is overdue or at risk. Lists
 * leave out the progress timeline; a single commitment carries its latest {@link
 * Commitments#TIMELINE_MOST} reports, newest first. Only the owner sees which
 * partnerships it is shared with ({@code sharedWith}, empty for all); a partner sees what the owner
 * asked them to challenge them on ({@code challengeMeOn}). {@code goalId} is the goal it serves.
 * {@code ownerLeft}: the owner was deactivated while it is still open (it stays under their name).
 */
public record CommitmentView(
        UUID id,
        UUID ownerId,
        String ownerName,
        boolean ownerLeft,
        String what,
        String doneWhen,
        LocalDate due,
        String why,
        UUID goalId,
        Visibility visibility,
        CommitmentStatus status,
        int percent,
        Confidence confidence,
        Outcome outcome,
        String reflection,
        boolean overdue,
        boolean atRisk,
        Instant createdAt,
        Instant updatedAt,
        Instant lastProgressAt,
        Instant closedAt,
        long version,
        ClarityReport clarity,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProgressView> progress,
        @JsonInclude(JsonInclude.Include.NON_NULL) Set<UUID> sharedWith,
        @JsonInclude(JsonInclude.Include.NON_NULL) String challengeMeOn,
        List<RiskView> riskReasons,
        int renegotiated,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MilestoneView> milestones,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RenegotiationView> renegotiations,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConfirmationView confirmation,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReflectionView> reflections,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID madeToId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String madeToName,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant alignedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant ownedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CoOwnerView> coOwners) {

    /** Someone invited to co-own the outcome, and whether they accepted. */
    public record CoOwnerView(UUID personId, String name, boolean accepted, Instant acceptedAt) {}

    /** Whether it reads as "ours": someone accepted to co-own it. */
    @JsonIgnore
    public boolean isOurs() {
        return coOwners != null && coOwners.stream().anyMatch(CoOwnerView::accepted);
    }

    /** Why it is at risk: a code and its explanation. */
    public record RiskView(RiskReason code, String text) {

        static List<RiskView> of(List<RiskReason> reasons) {
            return reasons.stream().map(r -> new RiskView(r, r.text())).toList();
        }
    }

    /** A planned step, numbered from 1. */
    public record MilestoneView(int number, String title, LocalDate due, boolean done, Instant doneAt) {}

    /** A proposal to change the terms, and its fate. */
    public record RenegotiationView(
            int number,
            UUID proposedBy,
            String proposedByName,
            String reason,
            LocalDate oldDue,
            LocalDate newDue,
            String oldDoneWhen,
            String newDoneWhen,
            String status,
            UUID decidedBy,
            String decidedByName,
            Instant decidedAt,
            Instant createdAt) {}

    /** The other side's word on the assessment. */
    public record ConfirmationView(boolean agreed, String comment, UUID by, String byName, Instant at) {}

    /** A reflection on the closed commitment. */
    public record ReflectionView(UUID authorId, String authorName, String worked, String changeNext, Instant at) {}

    /** One entry of the progress timeline. */
    public record ProgressView(
            UUID authorId,
            String authorName,
            int percent,
            Confidence confidence,
            String note,
            Integer control,
            String needs,
            Instant at) {}

    @JsonIgnore
    public boolean isOpen() {
        return status == CommitmentStatus.OPEN;
    }
}
