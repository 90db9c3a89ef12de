package dev.kept.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The owner's proposal, before the due date, to change the date or the definition of done, and
 * the other side's decision. Kept whatever the decision: the history of the terms.
 */
@Table("renegotiation")
record Renegotiation(
        UUID proposedBy,
        String reason,
        LocalDate oldDue,
        LocalDate newDue,
        String oldDoneWhen,
        String newDoneWhen,
        Status status,
        UUID decidedBy,
        Instant decidedAt,
        Instant createdAt) {

    /** Where a renegotiation stands. */
    enum Status {
        PENDING,
        ACCEPTED,
        DECLINED
    }

    Renegotiation decided(Status decision, UUID by, Instant now) {
        return new Renegotiation(
                proposedBy, reason, oldDue, newDue, oldDoneWhen, newDoneWhen, decision, by, now, createdAt);
    }
}
