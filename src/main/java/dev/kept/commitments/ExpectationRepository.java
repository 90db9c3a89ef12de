package dev.kept.commitments;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ExpectationRepository extends ListCrudRepository<Expectation, UUID> {

    Optional<Expectation> findByIdAndOrganizationId(UUID id, UUID organizationId);
}
