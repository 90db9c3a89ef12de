package dev.kept.commitments;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface CommitmentRepository extends ListCrudRepository<Commitment, UUID> {

    Optional<Commitment> findByIdAndOrganizationId(UUID id, UUID organizationId);
}
