package dev.kept.pulse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pulse as its settings show it. {@code questionsFixed}: a round has opened, so its questions no
 * longer change (trends compare the same questions).
 */
public record PulseView(
        UUID id,
        String title,
        List<Question> questions,
        List<TeamRef> teams,
        Cadence cadence,
        int minGroup,
        LocalDate startsOn,
        LocalDate nextRoundOn,
        PulseStatus status,
        boolean questionsFixed) {

    /** A question, numbered from 1. */
    public record Question(UUID id, int position, String text) {}

    /** A team a pulse goes to. */
    public record TeamRef(UUID id, String name) {}
}
