package dev.kept.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An expectation as the requester or the side asked sees it: the terms with their clarity, the
 * thread, and, once accepted, the commitment it became.
 */
public record ExpectationView(
        UUID id,
        UUID requesterId,
        String requesterName,
        UUID toPersonId,
        String toPersonName,
        UUID toTeamId,
        String toTeamName,
        String what,
        String doneWhen,
        LocalDate due,
        String why,
        UUID goalId,
        ExpectationStatus status,
        String declineReason,
        UUID commitmentId,
        UUID acceptedBy,
        String acceptedByName,
        Instant acceptedAt,
        Instant createdAt,
        ClarityReport clarity,
        boolean asked,
        boolean requester,
        List<MessageView> thread,
        long version) {

    /** One entry of the thread, numbered from 1. */
    public record MessageView(
            int number,
            UUID authorId,
            String authorName,
            String kind,
            String text,
            LocalDate proposedDue,
            String proposedDoneWhen,
            String counterStatus,
            Instant createdAt) {}
}
