package dev.kept.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface OrganizationRepository extends ListCrudRepository<Organization, UUID> {}

interface PersonRepository extends ListCrudRepository<Person, UUID> {

    Optional<Person> findByIdAndOrganizationId(UUID id, UUID organizationId);

    Optional<Person> findByOrganizationIdAndEmail(UUID organizationId, String email);

    List<Person> findByOrganizationIdOrderByName(UUID organizationId);

    List<Person> findByEmailAndStatus(String email, PersonStatus status);

    long countByOrganizationIdAndRole(UUID organizationId, Role role);
}

interface TeamRepository extends ListCrudRepository<Team, UUID> {

    Optional<Team> findByIdAndOrganizationId(UUID id, UUID organizationId);

    Optional<Team> findByOrganizationIdAndName(UUID organizationId, String name);

    List<Team> findByOrganizationIdOrderByName(UUID organizationId);
}

interface InvitationRepository extends ListCrudRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByOrganizationIdAndPersonId(UUID organizationId, UUID personId);
}
