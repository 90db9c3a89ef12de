package dev.kept.people;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A team (a function) of an organization, with an optional lead. */
@Table("team")
public class Team {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private String name;
    private UUID leadId;
    private final Instant createdAt;

    @Version
    private Long version;

    @PersistenceCreator
    Team(UUID id, UUID organizationId, String name, UUID leadId, Instant createdAt, Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.leadId = leadId;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Team form(UUID organizationId, String name, UUID leadId, Instant now) {
        return new Team(UUID.randomUUID(), organizationId, name, leadId, now, null);
    }

    void rename(String name) {
        this.name = name;
    }

    void ledBy(UUID leadId) {
        this.leadId = leadId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
