package dev.kept.security;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A personal API token: only its hash is kept; the token itself is shown once, at creation. It
 * works until it expires (never, when its organization allows that) or is revoked, for reading
 * only or for everything its person may do.
 */
@Table("api_token")
class ApiToken {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID personId;
    private final String name;
    private final String tokenHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final TokenScope scope;
    private Instant lastUsedAt;
    private Instant revokedAt;

    @Version
    private Long version;

    @PersistenceCreator
    ApiToken(
            UUID id,
            UUID organizationId,
            UUID personId,
            String name,
            String tokenHash,
            Instant createdAt,
            Instant expiresAt,
            TokenScope scope,
            Instant lastUsedAt,
            Instant revokedAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.personId = personId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.scope = scope;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
        this.version = version;
    }

    static ApiToken issue(
            UUID organizationId,
            UUID personId,
            String name,
            String tokenHash,
            Instant now,
            Instant expiresAt,
            TokenScope scope) {
        return new ApiToken(
                UUID.randomUUID(), organizationId, personId, name, tokenHash, now, expiresAt, scope, null, null, null);
    }

    boolean isActive() {
        return revokedAt == null;
    }

    boolean hasExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    boolean worksAt(Instant now) {
        return isActive() && !hasExpiredAt(now);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
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

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public TokenScope getScope() {
        return scope;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
