package dev.kept.decisions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A decision note: the decision, the options considered, how it serves the whole organization,
 * the teams it affects, and the comments (only when one note is read; lists give their number).
 */
public record DecisionView(
        UUID id,
        UUID authorId,
        String authorName,
        String title,
        String decision,
        List<String> options,
        String servesOrganization,
        List<AffectedTeam> teams,
        Instant createdAt,
        int commentCount,
        List<Comment> comments,
        boolean canComment) {

    /** A team the decision affects. */
    public record AffectedTeam(UUID id, String name) {}

    /** A comment from a member of an affected team or the author. */
    public record Comment(UUID id, UUID authorId, String authorName, String text, Instant createdAt) {}
}
