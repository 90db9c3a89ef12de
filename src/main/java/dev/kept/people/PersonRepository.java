package dev.kept.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, UUID> {

    @Query("select * from person where organization_id = :organizationId and email = :email")
    Optional<Person> findByOrganizationIdAndEmail(UUID organizationId, String email);

    List<Person> findByOrganizationIdOrderByName(UUID organizationId);

    @Query("select * from person where email = :email and status = :status")
    List<Person> findByEmailAndStatus(String email, String status);

    @Query("select count(*) from person where organization_id = :organizationId and role = 'ADMIN'"
            + " and status <> 'DEACTIVATED'")
    long countAdminsStillHere(UUID organizationId);

    @Query("""
            select p.* from person p
              join person_preference pp on pp.person_id = p.id and pp.organization_id = p.organization_id
             where pp.weekly_digest = true and p.status = 'ACTIVE' and p.id > :after
             order by p.id
             limit :limit""")
    List<Person> findDigestReaders(UUID after, int limit);
}
