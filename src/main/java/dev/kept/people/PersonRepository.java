package dev.kept.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, UUID> {

    Optional<Person> findByIdAndOrganizationId(UUID id, UUID organizationId);

    Optional<Person> findByOrganizationIdAndEmail(UUID organizationId, String email);

    List<Person> findByOrganizationIdOrderByName(UUID organizationId);

    List<Person> findByEmailAndStatus(String email, PersonStatus status);

    long countByOrganizationIdAndRole(UUID organizationId, Role role);
}
