package dev.kept.people;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A single-use, expiring link that lets an invited person set their password. */
@Table("invitation")
class Invitation {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID personId;
    private final String tokenHash;
    private final Instant expiresAt;
    private Instant usedAt;
    private Instant revokedAt;
    private final Instant createdAt;

    @Version
    private Long version;

    @PersistenceCreator
    Invitation(
            UUID id,
            UUID organizationId,
            UUID personId,
            String tokenHash,
            Instant expiresAt,
            Instant usedAt,
            Instant revokedAt,
            Instant createdAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.personId = personId;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.usedAt = usedAt;
        this.revokedAt = revokedAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Invitation issue(UUID organizationId, UUID personId, String tokenHash, Instant now, Instant expiresAt) {
        return new Invitation(UUID.randomUUID(), organizationId, personId, tokenHash, expiresAt, null, null, now, null);
    }

    boolean isOpen(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    void revoke(Instant now) {
        if (usedAt == null && revokedAt == null) {
            this.revokedAt = now;
        }
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getPersonId() {
        return personId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
