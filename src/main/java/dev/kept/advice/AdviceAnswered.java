package dev.kept.advice;

import java.util.UUID;

/** Published when someone answers an advice request; the asker is told who answered, not what. */
public record AdviceAnswered(UUID organizationId, UUID requestId, UUID answerId, UUID askerId, String authorName) {}
