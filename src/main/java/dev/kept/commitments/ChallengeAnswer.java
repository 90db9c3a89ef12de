package dev.kept.commitments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** The owner's answer to a challenge, one of the thread. */
@Table("challenge_answer")
record ChallengeAnswer(UUID authorId, String message, Instant createdAt) {}
