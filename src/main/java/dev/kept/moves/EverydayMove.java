package dev.kept.moves;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the six everyday moves of mutual accountability, as someone made it in Kept: who, which
 * move, when, and the id of what they made (a help offer, a kudos, ...). Each module that holds
 * such a thing reports the moves made in a period; the teams module counts them per week.
 */
public record EverydayMove(Kind kind, UUID personId, Instant at, UUID sourceId) {

    /** The six moves, in the order PRODUCT.md names them. */
    public enum Kind {
        OFFER_HELP,
        CO_OWN_GOAL,
        EXPLAIN_DECISION,
        ASK_ADVICE,
        MAKE_VISIBLE,
        THANK
    }
}
