package dev.kept.commitments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ExpectationRepository extends ListCrudRepository<Expectation, UUID> {

    Optional<Expectation> findByIdAndOrganizationId(UUID id, UUID organizationId);

    @Query("""
            select * from expectation
             where organization_id = :organizationId
               and (requester_id = :personId or to_person_id = :personId or to_team_id = :teamId)
             order by created_at desc, id
             limit 200""")
    List<Expectation> findInvolving(UUID organizationId, UUID personId, UUID teamId);
}
