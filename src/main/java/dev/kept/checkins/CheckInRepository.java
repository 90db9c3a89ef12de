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

    /** A page of [from, to), soonest first, after a row ({@code afterAt} before {@code from}: the first). */
    @Query("""
            select * from check_in
             where organization_id = :organizationId and partnership_id in (:partnershipIds)
               and status <> 'CANCELLED' and starts_at >= :from and starts_at < :to
               and (starts_at > :afterAt or (starts_at = :afterAt and id > :afterId))
             order by starts_at, id limit :rows""")
    List<CheckIn> findPageSoonestFirst(
            UUID organizationId,
            Collection<UUID> partnershipIds,
            Instant from,
            Instant to,
            Instant afterAt,
            UUID afterId,
            int rows);

    /** A page of [from, to), latest first, after a row ({@code afterAt} after {@code to}: the first). */
    @Query("""
            select * from check_in
             where organization_id = :organizationId and partnership_id in (:partnershipIds)
               and status <> 'CANCELLED' and starts_at >= :from and starts_at < :to
               and (starts_at < :afterAt or (starts_at = :afterAt and id < :afterId))
             order by starts_at desc, id desc limit :rows""")
    List<CheckIn> findPageLatestFirst(
            UUID organizationId,
            Collection<UUID> partnershipIds,
            Instant from,
            Instant to,
            Instant afterAt,
            UUID afterId,
            int rows);

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
