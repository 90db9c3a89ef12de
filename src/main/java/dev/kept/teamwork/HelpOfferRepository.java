package dev.kept.teamwork;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface HelpOfferRepository extends ListCrudRepository<HelpOffer, UUID> {

    Optional<HelpOffer> findByIdAndOrganizationId(UUID id, UUID organizationId);

    /** The offers a person made or that were made to them or their teams; waiting first, newest first. */
    @Query("""
            select * from help_offer
             where organization_id = :organization
               and (offered_by = :person or to_person_id = :person or to_team_id in (:teams))
             order by case when status = 'PENDING' then 0 else 1 end, created_at desc, id
             limit :rows""")
    List<HelpOffer> findInvolving(
            @Param("organization") UUID organizationId,
            @Param("person") UUID personId,
            @Param("teams") Collection<UUID> teamIds,
            @Param("rows") int rows);

    /** The same list after the offer of rank {@code rank} (0 waiting), made at {@code at}, id {@code id}. */
    @Query("""
            select * from help_offer
             where organization_id = :organization
               and (offered_by = :person or to_person_id = :person or to_team_id in (:teams))
               and (case when status = 'PENDING' then 0 else 1 end > :rank
                    or (case when status = 'PENDING' then 0 else 1 end = :rank
                        and (created_at < :at or (created_at = :at and id > :id))))
             order by case when status = 'PENDING' then 0 else 1 end, created_at desc, id
             limit :rows""")
    List<HelpOffer> findInvolvingAfter(
            @Param("organization") UUID organizationId,
            @Param("person") UUID personId,
            @Param("teams") Collection<UUID> teamIds,
            @Param("rank") int rank,
            @Param("at") java.sql.Timestamp at,
            @Param("id") UUID id,
            @Param("rows") int rows);

    @Query("""
            select * from help_offer
             where organization_id = :organization and target_type = :type and target_id in (:ids)
               and status = 'ACCEPTED'
             order by answered_at desc, id
             limit :most""")
    List<HelpOffer> findAcceptedOn(
            @Param("organization") UUID organizationId,
            @Param("type") String type,
            @Param("ids") Collection<UUID> targetIds,
            @Param("most") int most);
}
