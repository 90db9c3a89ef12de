package dev.kept.people;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A tenant: everything a person does in Kept belongs to one organization. */
@Table("organization")
public class Organization {

    @Id
    private final UUID id;

    private final String name;
    private final Instant createdAt;

    @Version
    private Long version;

    @PersistenceCreator
    Organization(UUID id, String name, Instant createdAt, Long version) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Organization found(String name, Instant now) {
        return new Organization(UUID.randomUUID(), name, now, null);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
