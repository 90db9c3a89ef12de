package dev.kept.commitments;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/** A step the owner plans on the way to the outcome: a title, a date, and when it was done. */
@Table("milestone")
record Milestone(String title, LocalDate due, Instant doneAt, Instant createdAt) {

    boolean done() {
        return doneAt != null;
    }

    Milestone markedDone(boolean isDone, Instant now) {
        return new Milestone(title, due, isDone ? (doneAt == null ? now : doneAt) : null, createdAt);
    }
}
