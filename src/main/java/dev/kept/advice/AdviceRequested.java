package dev.kept.advice;

import java.util.List;
import java.util.UUID;

/**
 * Published when someone asks for advice: {@code invitedIds} are the people with a matching
 * strength in other teams. It carries no question: notifications name the asker only.
 */
public record AdviceRequested(UUID organizationId, UUID requestId, String askerName, List<UUID> invitedIds) {}
