package dev.kept.partnerships;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PartnershipRepository extends ListCrudRepository<Partnership, UUID> {

    Optional<Partnership> findByIdAndOrganizationId(UUID id, UUID organizationId);

    Optional<Partnership> findByOrganizationIdAndOpenPair(UUID organizationId, String openPair);

    @Query(value = """
            select * from partnership
             where organization_id = :organizationId and (inviter_id = :personId or partner_id = :personId)
             order by created_at desc, id""", rowMapperClass = PartnershipRows.class)
    List<Partnership> findOf(UUID organizationId, UUID personId);

    /** A page of the partnerships a person may know of, newest first, from before a position. */
    @Query("""
            select * from partnership
             where organization_id = :organizationId and (inviter_id = :personId or partner_id = :personId)
               and not (silenced and partner_id = :personId)
               and (created_at < :before or (created_at = :before and id < :beforeId))
             order by created_at desc, id desc
             limit :rows""")
    List<Partnership> pageOf(UUID organizationId, UUID personId, Instant before, UUID beforeId, int rows);

    List<Partnership> findByOrganizationId(UUID organizationId);

    List<Partnership> findByOrganizationIdAndStatusIn(UUID organizationId, Collection<PartnershipStatus> statuses);
}
