package dev.kept.advice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An advice request: the question, its areas, who was invited to answer (people with a matching
 * strength in other teams), and the answers (only when one request is read; the lists give their
 * number).
 */
public record AdviceView(
        UUID id,
        UUID askerId,
        String askerName,
        String question,
        String details,
        List<String> areas,
        boolean open,
        Instant createdAt,
        Instant closedAt,
        List<Invited> invited,
        int answerCount,
        List<Answer> answers) {

    /** Someone invited to answer. */
    public record Invited(UUID personId, String name) {}

    /** One answer; {@code helpful} is the asker's verdict, null until given. */
    public record Answer(UUID id, UUID authorId, String authorName, String text, Boolean helpful, Instant createdAt) {}
}
