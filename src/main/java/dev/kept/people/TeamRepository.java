package dev.kept.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface TeamRepository extends ListCrudRepository<Team, UUID> {

    @Query(
            value = "select * from team where id = :id and organization_id = :organizationId",
            rowMapperClass = TeamRows.class)
    Optional<Team> findByIdAndOrganizationId(UUID id, UUID organizationId);

    Optional<Team> findByOrganizationIdAndName(UUID organizationId, String name);

    @Query(
            value = "select * from team where organization_id = :organizationId order by name",
            rowMapperClass = TeamRows.class)
    List<Team> findByOrganizationIdOrderByName(UUID organizationId);
}
