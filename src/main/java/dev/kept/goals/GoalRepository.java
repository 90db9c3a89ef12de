package dev.kept.goals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface GoalRepository extends ListCrudRepository<Goal, UUID> {

    Optional<Goal> findByIdAndOrganizationId(UUID id, UUID organizationId);

    List<Goal> findByOrganizationId(UUID organizationId);
}
