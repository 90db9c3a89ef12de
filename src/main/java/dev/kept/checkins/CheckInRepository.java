package dev.kept.checkins;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CheckInRepository extends ListCrudRepository<CheckIn, UUID> {

    Optional<CheckIn> findByIdAndOrganizationId(UUID id, UUID organizationId);

    @Query("""
            select * from check_in
             where organization_id = :organizationId and partnership_id in (:partnershipIds)
               and status <> 'CANCELLED' and starts_at >= :from and starts_at < :to
             order by starts_at, id""")
    List<CheckIn> findBetween(UUID organizationId, Collection<UUID> partnershipIds, Instant from, Instant to);

    @Query("""
            select * from check_in
             where organization_id = :organizationId and partnership_id = :partnershipId
               and status <> 'CANCELLED'
             order by starts_at, id""")
    List<CheckIn> findOfPartnership(UUID organizationId, UUID partnershipId);

    @Query("""
            select * from check_in
             where schedule_id = :scheduleId and status in ('SCHEDULED', 'MOVED') and starts_at > :after""")
    List<CheckIn> findUpcomingOfSchedule(UUID scheduleId, Instant after);

    @Query("select max(occurs_on) from check_in where schedule_id = :scheduleId")
    Optional<java.time.LocalDate> lastDateOf(UUID scheduleId);
}
