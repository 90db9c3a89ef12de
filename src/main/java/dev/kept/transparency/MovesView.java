package dev.kept.transparency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The six everyday moves in one ISO week ({@code week} like {@code 2026-W48}, from Monday
 * {@code from} to Sunday {@code to} in the viewer's time zone): for a person, which they made and how
 * often; for a team, how often its members made each. No ranking of people, ever.
 */
public record MovesView(
        String week,
        LocalDate from,
        LocalDate to,
        UUID personId,
        UUID teamId,
        String teamName,
        List<Move> moves,
        int kindsMade,
        int total) {

    /** One move: what it is, how to make it, how many times it was made this week. */
    public record Move(String kind, String label, String how, String link, int count) {

        public boolean made() {
            return count > 0;
        }
    }
}
