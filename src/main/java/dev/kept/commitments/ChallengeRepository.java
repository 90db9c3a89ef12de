package dev.kept.commitments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ChallengeRepository extends ListCrudRepository<Challenge, UUID> {

    Optional<Challenge> findByIdAndOrganizationId(UUID id, UUID organizationId);

    List<Challenge> findByOrganizationIdAndCommitmentIdOrderByCreatedAt(UUID organizationId, UUID commitmentId);
}
