package dev.kept.commitments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** What worked and what to change next time, by the owner or the other side, once it is closed. */
@Table("reflection")
record Reflection(UUID authorId, String worked, String changeNext, Instant createdAt) {}
