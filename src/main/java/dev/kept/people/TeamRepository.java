package dev.kept.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface TeamRepository extends ListCrudRepository<Team, UUID> {

    Optional<Team> findByIdAndOrganizationId(UUID id, UUID organizationId);

    Optional<Team> findByOrganizationIdAndName(UUID organizationId, String name);

    List<Team> findByOrganizationIdOrderByName(UUID organizationId);
}
