package dev.kept.commitments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ChallengeRepository extends ListCrudRepository<Challenge, UUID> {

    Optional<Challenge> findByIdAndOrganizationId(UUID id, UUID organizationId);

    /** The ids of a page of the challenges on a commitment, oldest first, after a position (created at, id). */
    @Query("""
            select id from challenge
             where organization_id = :organizationId and commitment_id = :commitmentId
               and created_at >= :afterAt and (created_at > :afterAt or (created_at = :afterAt and id > :afterId))
             order by created_at, id
             limit :rows""")
    List<UUID> pageOf(UUID organizationId, UUID commitmentId, Instant afterAt, UUID afterId, int rows);

    /** The same, of one author's challenges only. */
    @Query("""
            select id from challenge
             where organization_id = :organizationId and commitment_id = :commitmentId and author_id = :authorId
               and created_at >= :afterAt and (created_at > :afterAt or (created_at = :afterAt and id > :afterId))
             order by created_at, id
             limit :rows""")
    List<UUID> pageOfAuthor(
            UUID organizationId, UUID commitmentId, UUID authorId, Instant afterAt, UUID afterId, int rows);
}
