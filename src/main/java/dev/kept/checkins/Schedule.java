package dev.kept.checkins;

import dev.kept.partnerships.Cadence;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partnership's recurring check-in as one side proposed it. It takes effect when the other side
 * accepts it, and ends when it is replaced by a newer accepted one or stopped by either side.
 */
@Table("checkin_schedule")
class Schedule extends AbstractAggregateRoot<Schedule> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID partnershipId;
    private final UUID proposedById;
    private final Cadence cadence;
    private final DayOfWeek weekday;
    private final String localTime;
    private final String timeZone;
    private final int durationMinutes;
    private final String location;
    private ScheduleStatus status;
    private final Instant proposedAt;
    private Instant acceptedAt;
    private UUID acceptedById;
    private Instant endedAt;

    @Version
    private Long version;

    @PersistenceCreator
    Schedule(
            UUID id,
            UUID organizationId,
            UUID partnershipId,
            UUID proposedById,
            Cadence cadence,
            DayOfWeek weekday,
            String localTime,
            String timeZone,
            int durationMinutes,
            String location,
            ScheduleStatus status,
            Instant proposedAt,
            Instant acceptedAt,
            UUID acceptedById,
            Instant endedAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.partnershipId = partnershipId;
        this.proposedById = proposedById;
        this.cadence = cadence;
        this.weekday = weekday;
        this.localTime = localTime;
        this.timeZone = timeZone;
        this.durationMinutes = durationMinutes;
        this.location = location;
        this.status = status;
        this.proposedAt = proposedAt;
        this.acceptedAt = acceptedAt;
        this.acceptedById = acceptedById;
        this.endedAt = endedAt;
        this.version = version;
    }

    static Schedule propose(
            UUID organizationId,
            UUID partnershipId,
            UUID by,
            String byName,
            UUID other,
            ScheduleTerms terms,
            Instant now) {
        Schedule schedule = new Schedule(
                UUID.randomUUID(),
                organizationId,
                partnershipId,
                by,
                terms.cadence(),
                terms.weekday(),
                terms.time().withSecond(0).withNano(0).toString(),
                terms.timeZone(),
                terms.durationMinutes(),
                terms.location() == null || terms.location().isBlank()
                        ? null
                        : terms.location().strip(),
                ScheduleStatus.PROPOSED,
                now,
                null,
                null,
                null,
                null);
        schedule.registerEvent(new CheckInScheduleChanged(
                organizationId, partnershipId, schedule.id, CheckInScheduleChanged.Change.PROPOSED, by, byName, other));
        return schedule;
    }

    void accept(UUID by, String byName, Instant now) {
        if (status != ScheduleStatus.PROPOSED) {
            throw new ConflictException("There is no proposed schedule to accept.");
        }
        if (by.equals(proposedById)) {
            throw new ForbiddenException("Your partner accepts the schedule you proposed.");
        }
        status = ScheduleStatus.ACTIVE;
        acceptedAt = now;
        acceptedById = by;
        registerEvent(new CheckInScheduleChanged(
                organizationId, partnershipId, id, CheckInScheduleChanged.Change.ACCEPTED, by, byName, proposedById));
    }

    /** The proposer takes it back, or the other side declines it. */
    void decline(UUID by, String byName, Instant now) {
        if (status != ScheduleStatus.PROPOSED) {
            throw new ConflictException("There is no proposed schedule to decline.");
        }
        boolean withdrawn = by.equals(proposedById);
        status = withdrawn ? ScheduleStatus.WITHDRAWN : ScheduleStatus.DECLINED;
        endedAt = now;
        if (!withdrawn) {
            registerEvent(new CheckInScheduleChanged(
                    organizationId,
                    partnershipId,
                    id,
                    CheckInScheduleChanged.Change.DECLINED,
                    by,
                    byName,
                    proposedById));
        }
    }

    /** Ends a proposal or the schedule in effect without telling anyone: a newer one takes its place. */
    void supersede(Instant now) {
        status = status == ScheduleStatus.ACTIVE ? ScheduleStatus.REPLACED : ScheduleStatus.WITHDRAWN;
        endedAt = now;
    }

    void stop(UUID by, String byName, UUID other, Instant now) {
        if (status != ScheduleStatus.ACTIVE) {
            throw new ConflictException("There is no schedule in effect to stop.");
        }
        status = ScheduleStatus.STOPPED;
        endedAt = now;
        if (by != null) {
            registerEvent(new CheckInScheduleChanged(
                    organizationId, partnershipId, id, CheckInScheduleChanged.Change.STOPPED, by, byName, other));
        }
    }

    ScheduleTerms terms() {
        return new ScheduleTerms(cadence, weekday, LocalTime.parse(localTime), timeZone, durationMinutes, location);
    }

    Recurrence recurrence() {
        return Recurrence.of(terms());
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getPartnershipId() {
        return partnershipId;
    }

    UUID getProposedById() {
        return proposedById;
    }

    ScheduleStatus getStatus() {
        return status;
    }

    Instant getProposedAt() {
        return proposedAt;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    int getDurationMinutes() {
        return durationMinutes;
    }

    String getLocation() {
        return location;
    }

    String getTimeZone() {
        return timeZone;
    }
}
