package dev.kept.teams;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface FlagRepository extends ListCrudRepository<JeopardyFlag, UUID> {

    Optional<JeopardyFlag> findByIdAndOrganizationId(UUID id, UUID organizationId);

    /** Flags the person raised or that were raised on something they owned; open first, newest first. */
    @Query("""
            select * from jeopardy_flag f
             where f.organization_id = :organizationId
               and (f.raised_by = :personId
                    or exists (select 1 from jeopardy_flag_owner o where o.flag_id = f.id and o.person_id = :personId))
             order by case when f.status = 'OPEN' then 0 else 1 end, f.created_at desc, f.id
             limit 500""")
    List<JeopardyFlag> findInvolving(UUID organizationId, UUID personId);

    @Query("""
            select * from jeopardy_flag
             where organization_id = :organizationId and target_type = :targetType and target_id in (:targetIds)
             order by case when status = 'OPEN' then 0 else 1 end, created_at desc, id""")
    List<JeopardyFlag> findOnTargets(UUID organizationId, String targetType, Collection<UUID> targetIds);
}
