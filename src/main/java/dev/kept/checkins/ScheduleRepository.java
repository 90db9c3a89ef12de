package dev.kept.checkins;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ScheduleRepository extends ListCrudRepository<Schedule, UUID> {

    Optional<Schedule> findFirstByOrganizationIdAndPartnershipIdAndStatus(
            UUID organizationId, UUID partnershipId, ScheduleStatus status);

    List<Schedule> findByStatus(ScheduleStatus status);

    List<Schedule> findByOrganizationIdAndPartnershipIdAndStatusIn(
            UUID organizationId, UUID partnershipId, Collection<ScheduleStatus> statuses);
}
