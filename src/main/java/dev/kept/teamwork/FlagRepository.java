package dev.kept.teamwork;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface FlagRepository extends ListCrudRepository<JeopardyFlag, UUID> {

    Optional<JeopardyFlag> findByIdAndOrganizationId(UUID id, UUID organizationId);

    @Query("""
            select * from jeopardy_flag
             where organization_id = :organizationId and target_type = :targetType and target_id in (:targetIds)
             order by case when status = 'OPEN' then 0 else 1 end, created_at desc, id
             limit :most""")
    List<JeopardyFlag> findOnTargets(UUID organizationId, String targetType, Collection<UUID> targetIds, int most);
}
