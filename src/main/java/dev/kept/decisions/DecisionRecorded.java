package dev.kept.decisions;

import java.util.List;
import java.util.UUID;

/**
 * Published when a decision note is recorded: {@code recipientIds} are the members of the teams it
 * affects (not its author). Notifications name the author and the title, which every member may read.
 */
public record DecisionRecorded(
        UUID organizationId, UUID decisionId, String authorName, String title, List<UUID> recipientIds) {}
