package dev.kept.people;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A tenant: everything a person does in Kept belongs to one organization. Its settings are chosen
 * by its admins: for now, whether its people may create API tokens that never expire (by default
 * they may not).
 */
@Table("organization")
public class Organization {

    @Id
    private final UUID id;

    private final String name;
    private final Instant createdAt;
    private boolean apiTokensMayNeverExpire;

    @Version
    private Long version;

    @PersistenceCreator
    Organization(UUID id, String name, Instant createdAt, boolean apiTokensMayNeverExpire, Long version) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.apiTokensMayNeverExpire = apiTokensMayNeverExpire;
        this.version = version;
    }

    static Organization found(String name, Instant now) {
        return new Organization(UUID.randomUUID(), name, now, false, null);
    }

    /** Allows or stops allowing API tokens that never expire; answers whether that changed anything. */
    boolean allowTokensThatNeverExpire(boolean allowed) {
        boolean changed = apiTokensMayNeverExpire != allowed;
        apiTokensMayNeverExpire = allowed;
        return changed;
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

    /** Whether its people may create API tokens that never expire. */
    public boolean mayApiTokensNeverExpire() {
        return apiTokensMayNeverExpire;
    }
}
