package dev.kept.commitments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A person the owner invited to own the outcome with them; they accept before it is "ours". */
@Table("co_owner")
record CoOwner(UUID personId, Status status, Instant invitedAt, Instant acceptedAt) {

    /** Invited, or accepted. */
    enum Status {
        INVITED,
        ACCEPTED
    }

    boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
