package dev.kept.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, UUID> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    Optional<ApiToken> findByIdAndOrganizationIdAndPersonId(UUID id, UUID organizationId, UUID personId);

    List<ApiToken> findByOrganizationIdAndPersonIdOrderByCreatedAtDesc(UUID organizationId, UUID personId);

    @Modifying
    @Query("update api_token set last_used_at = :now where id = :id")
    void touch(UUID id, Instant now);
}
