package dev.kept.goals;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface GoalRepository extends ListCrudRepository<Goal, UUID> {

    @Query(
            value = "select * from goal where id = :id and organization_id = :organizationId",
            rowMapperClass = GoalRows.class)
    Optional<Goal> findByIdAndOrganizationId(UUID id, UUID organizationId);

    List<Goal> findByOrganizationId(UUID organizationId);

    /** These goals of the organization (the others are left out), in no particular order. */
    @Query(
            value = "select * from goal where organization_id = :organizationId and id in (:ids)",
            rowMapperClass = GoalRows.class)
    List<Goal> findAmong(UUID organizationId, Collection<UUID> ids);

    /**
     * The organization's goals, the team's and those it co-owns, and {@code current}: organization
     * goals first, then by due date, at most {@code limit}. No team or no current goal: a zero id.
     */
    @Query(value = """
            select * from goal g
             where g.organization_id = :organizationId
               and (g.team_id is null or g.team_id = :teamId or g.id = :current
                    or g.id in (select o.goal_id from goal_owner_team o
                                 where o.organization_id = :organizationId and o.team_id = :teamId))
             order by case when g.team_id is null then 0 else 1 end, g.due, g.id
             limit :limit""", rowMapperClass = GoalRows.class)
    List<Goal> findChoices(UUID organizationId, UUID teamId, UUID current, int limit);
}
