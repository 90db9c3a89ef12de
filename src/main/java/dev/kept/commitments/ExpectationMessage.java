package dev.kept.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One entry of an expectation's thread: a question or an answer, or a counter-proposal of date or
 * definition of done, with the requester's decision on it.
 */
@Table("expectation_message")
record ExpectationMessage(
        UUID authorId,
        Kind kind,
        String text,
        LocalDate proposedDue,
        String proposedDoneWhen,
        CounterStatus counterStatus,
        Instant decidedAt,
        Instant createdAt) {

    /** What an entry of the thread is. */
    enum Kind {
        QUESTION,
        ANSWER,
        COUNTER
    }

    /** Where a counter-proposal stands. */
    enum CounterStatus {
        PENDING,
        ACCEPTED,
        DECLINED
    }

    ExpectationMessage decided(CounterStatus decision, Instant now) {
        return new ExpectationMessage(authorId, kind, text, proposedDue, proposedDoneWhen, decision, now, createdAt);
    }
}
