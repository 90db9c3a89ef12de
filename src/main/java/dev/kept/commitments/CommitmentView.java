package dev.kept.commitments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kept.security.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A commitment as a viewer sees it, with its clarity and whether it is overdue or at risk. Lists
 * leave out the progress timeline; a single commitment carries it. Only the owner sees which
 * partnerships it is shared with ({@code sharedWith}, empty for all); a partner sees what the owner
 * asked them to challenge them on ({@code challengeMeOn}). {@code goalId} is the goal it serves.
 */
public record CommitmentView(
        UUID id,
        UUID ownerId,
        String ownerName,
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String challengeMeOn) {

    /** One entry of the progress timeline. */
    public record ProgressView(
            UUID authorId, String authorName, int percent, Confidence confidence, String note, Instant at) {}

    @JsonIgnore
    public boolean isOpen() {
        return status == CommitmentStatus.OPEN;
    }
}
