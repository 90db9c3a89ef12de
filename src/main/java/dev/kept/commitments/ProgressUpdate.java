package dev.kept.commitments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/** One report of progress on a commitment: how far, how confident, and a note. */
@Table("progress_update")
public class ProgressUpdate {

    private final UUID organizationId;
    private final UUID authorId;
    private final int percent;
    private final Confidence confidence;
    private final String note;
    private final Integer control;
    private final String needs;
    private final Instant createdAt;

    @PersistenceCreator
    ProgressUpdate(
            UUID organizationId,
            UUID authorId,
            int percent,
            Confidence confidence,
            String note,
            Integer control,
            String needs,
            Instant createdAt) {
        this.organizationId = organizationId;
        this.authorId = authorId;
        this.percent = percent;
        this.confidence = confidence;
        this.note = note;
        this.control = control;
        this.needs = needs;
        this.createdAt = createdAt;
    }

    /** How much in control the owner felt, 1 to 5, if they said. */
    public Integer getControl() {
        return control;
    }

    /** What the owner said they need, if anything. */
    public String getNeeds() {
        return needs;
    }

    public UUID getAuthorId() {
        return authorId;
    }

    public int getPercent() {
        return percent;
    }

    public Confidence getConfidence() {
        return confidence;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    UUID getOrganizationId() {
        return organizationId;
    }
}
