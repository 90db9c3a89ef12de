package dev.kept.teamwork;

import java.time.Instant;

/**
 * The position of a row in a list sorted by a rank (0 first) then newest first, as a cursor's
 * position text: {@code rank~instant}.
 */
record Ranked(int rank, Instant at) {

    Ranked {
        if (rank < 0 || rank > 1 || at == null) {
            throw new IllegalArgumentException("Not a position of this list");
        }
    }

    static Ranked parse(String text) {
        int tilde = text.indexOf('~');
        if (tilde < 1) {
            throw new IllegalArgumentException("Not a position of this list");
        }
        return new Ranked(Integer.parseInt(text.substring(0, tilde)), Instant.parse(text.substring(tilde + 1)));
    }

    String text() {
        return rank + "~" + at;
    }
}
