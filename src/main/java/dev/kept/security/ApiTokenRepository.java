package dev.kept.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, UUID> {

    Optional<ApiToken> findByIdAndOrganizationIdAndPersonId(UUID id, UUID organizationId, UUID personId);

    /** A person's tokens that were not revoked, newest first, from just after (before) the given one. */
    @Query("""
            select * from api_token
             where organization_id = :organizationId and person_id = :personId and revoked_at is null
               and (created_at < :createdAt or (created_at = :createdAt and id < :id))
             order by created_at desc, id desc
             limit :limit""")
    List<ApiToken> pageOf(UUID organizationId, UUID personId, Instant createdAt, UUID id, int limit);

    /** Records a use, unless one was recorded since {@code before}: at most one write a minute per token. */
    @Modifying
    @Query("""
            update api_token set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at < :before)""")
    int touch(UUID id, Instant now, Instant before);

    /** Gives every working token of the organization that never expires this expiry instead. */
    @Modifying
    @Query("""
            update api_token set expires_at = :expiresAt, version = version + 1
            where organization_id = :organizationId and expires_at is null and revoked_at is null""")
    int expireNeverExpiring(UUID organizationId, Instant expiresAt);

    /** Revokes every working token of a person at once. */
    @Modifying
    @Query("""
            update api_token set revoked_at = :now, version = version + 1
            where organization_id = :organizationId and person_id = :personId and revoked_at is null""")
    int revokeAllOf(UUID organizationId, UUID personId, Instant now);
}
