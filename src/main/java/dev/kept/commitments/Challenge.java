package dev.kept.commitments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partner's challenge on a shared commitment, and the owner's answers: a thread only its
 * author and the commitment's owner ever see.
 */
@Table("challenge")
class Challenge extends AbstractAggregateRoot<Challenge> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID commitmentId;
    private final UUID ownerId;
    private final UUID authorId;
    private final ChallengeKind kind;
    private final String message;
    private Boolean helpful;
    private final Instant createdAt;
    private Instant answeredAt;

    @MappedCollection(idColumn = "challenge_id", keyColumn = "position")
    private final List<ChallengeAnswer> answers;

    @Version
    private Long version;

    @PersistenceCreator
    Challenge(
            UUID id,
            UUID organizationId,
            UUID commitmentId,
            UUID ownerId,
            UUID authorId,
            ChallengeKind kind,
            String message,
            Boolean helpful,
            Instant createdAt,
            Instant answeredAt,
            List<ChallengeAnswer> answers,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.commitmentId = commitmentId;
        this.ownerId = ownerId;
        this.authorId = authorId;
        this.kind = kind;
        this.message = message;
        this.helpful = helpful;
        this.createdAt = createdAt;
        this.answeredAt = answeredAt;
        this.answers = answers == null ? new ArrayList<>() : new ArrayList<>(answers);
        this.version = version;
    }

    static Challenge post(
            Commitment commitment, UUID authorId, String authorName, ChallengeKind kind, String message, Instant now) {
        Challenge challenge = new Challenge(
                UUID.randomUUID(),
                commitment.getOrganizationId(),
                commitment.getId(),
                commitment.getOwnerId(),
                authorId,
                kind,
                message,
                null,
                now,
                null,
                List.of(),
                null);
        challenge.registerEvent(new ChallengePosted(
                challenge.organizationId,
                challenge.id,
                challenge.commitmentId,
                challenge.ownerId,
                authorId,
                authorName));
        return challenge;
    }

    /** The owner answers; {@code helpful}, when given, says whether the challenge helped. */
    void answer(String ownerName, String text, Boolean wasHelpful, Instant now) {
        answers.add(new ChallengeAnswer(ownerId, text, now));
        if (wasHelpful != null) {
            this.helpful = wasHelpful;
        }
        this.answeredAt = now;
        registerEvent(new ChallengeAnswered(organizationId, id, commitmentId, authorId, ownerName, answers.size()));
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getCommitmentId() {
        return commitmentId;
    }

    UUID getOwnerId() {
        return ownerId;
    }

    UUID getAuthorId() {
        return authorId;
    }

    ChallengeKind getKind() {
        return kind;
    }

    String getMessage() {
        return message;
    }

    Boolean getHelpful() {
        return helpful;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    List<ChallengeAnswer> getAnswers() {
        return Collections.unmodifiableList(answers);
    }
}
