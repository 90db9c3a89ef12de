package dev.kept.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A goal of an organization ({@code teamId} null) or of one of its teams: what (title), why, how
 * anyone can tell it is reached (done when) and by when. It may sit beneath one parent goal.
 */
@Table("goal")
public class Goal extends AbstractAggregateRoot<Goal> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private UUID teamId;
    private UUID parentId;
    private String title;
    private String why;
    private String doneWhen;
    private LocalDate due;
    private final UUID createdBy;
    private final Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    @PersistenceCreator
    Goal(
            UUID id,
            UUID organizationId,
            UUID teamId,
            UUID parentId,
            String title,
            String why,
            String doneWhen,
            LocalDate due,
            UUID createdBy,
            Instant createdAt,
            Instant updatedAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.teamId = teamId;
        this.parentId = parentId;
        this.title = title;
        this.why = why;
        this.doneWhen = doneWhen;
        this.due = due;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Goal set(UUID organizationId, UUID setBy, Terms terms, Instant now) {
        Goal goal = new Goal(
                UUID.randomUUID(),
                organizationId,
                terms.teamId(),
                terms.parentId(),
                terms.title(),
                terms.why(),
                terms.doneWhen(),
                terms.due(),
                setBy,
                now,
                now,
                null);
        goal.registerEvent(new GoalSet(organizationId, goal.id, terms.teamId(), setBy));
        return goal;
    }

    /** Changes the terms, the owning team or the parent; the caller has checked the rules. */
    void revise(Terms terms, UUID changedBy, Instant now) {
        this.title = terms.title();
        this.why = terms.why();
        this.doneWhen = terms.doneWhen();
        this.due = terms.due();
        this.teamId = terms.teamId();
        this.parentId = terms.parentId();
        this.updatedAt = now;
        registerEvent(new GoalRevised(organizationId, id, changedBy, version == null ? 0 : version + 1));
    }

    /** What a goal is set or revised with. */
    record Terms(String title, String why, String doneWhen, LocalDate due, UUID teamId, UUID parentId) {}

    public UUID getId() {
        return id;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    /** The owning team, or null for an organization goal. */
    public UUID getTeamId() {
        return teamId;
    }

    public UUID getParentId() {
        return parentId;
    }

    public String getTitle() {
        return title;
    }

    public String getWhy() {
        return why;
    }

    public String getDoneWhen() {
        return doneWhen;
    }

    public LocalDate getDue() {
        return due;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
