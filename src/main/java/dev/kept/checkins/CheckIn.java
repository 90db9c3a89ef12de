package dev.kept.checkins;

import dev.kept.shared.ConflictException;
import dev.kept.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One occurrence of a schedule: when it starts, and what the partners recorded about it. */
@Table("check_in")
class CheckIn {

    /** How far ahead a check-in can be moved. */
    static final Duration FURTHEST_MOVE = Duration.ofDays(366);

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID scheduleId;
    private final UUID partnershipId;
    private final LocalDate occursOn;
    private Instant startsAt;
    private final int durationMinutes;
    private CheckInStatus status;
    private Instant movedFrom;
    private UUID recordedById;
    private Instant recordedAt;

    @Version
    private Long version;

    @PersistenceCreator
    CheckIn(
            UUID id,
            UUID organizationId,
            UUID scheduleId,
            UUID partnershipId,
            LocalDate occursOn,
            Instant startsAt,
            int durationMinutes,
            CheckInStatus status,
            Instant movedFrom,
            UUID recordedById,
            Instant recordedAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.scheduleId = scheduleId;
        this.partnershipId = partnershipId;
        this.occursOn = occursOn;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.status = status;
        this.movedFrom = movedFrom;
        this.recordedById = recordedById;
        this.recordedAt = recordedAt;
        this.version = version;
    }

    static CheckIn of(Schedule schedule, LocalDate date, Instant startsAt) {
        return new CheckIn(
                UUID.randomUUID(),
                schedule.getOrganizationId(),
                schedule.getId(),
                schedule.getPartnershipId(),
                date,
                startsAt,
                schedule.getDurationMinutes(),
                CheckInStatus.SCHEDULED,
                null,
                null,
                null,
                null);
    }

    /** Records attendance: held (once it has started), skipped, or moved to a later time. */
    void record(Attendance attendance, UUID by, Instant now) {
        if (status == CheckInStatus.CANCELLED) {
            throw new ConflictException("This check-in was cancelled with its schedule.");
        }
        switch (attendance.status()) {
            case HELD -> {
                if (now.isBefore(startsAt)) {
                    throw new RuleViolationException(
                            "NOT_YET", "status", "A check-in can be marked held once it has started.");
                }
                status = CheckInStatus.HELD;
            }
            case SKIPPED -> status = CheckInStatus.SKIPPED;
            case MOVED -> move(attendance.movedTo(), now);
        }
        recordedById = by;
        recordedAt = now;
    }

    private void move(Instant to, Instant now) {
        if (to == null) {
            throw new RuleViolationException("MOVED_TO", "movedTo", "Say when the check-in moves to (movedTo).");
        }
        if (!to.isAfter(now)) {
            throw new RuleViolationException("MOVED_TO", "movedTo", "A check-in can only be moved to a time to come.");
        }
        if (to.isAfter(now.plus(FURTHEST_MOVE))) {
            throw new RuleViolationException("MOVED_TO", "movedTo", "A check-in can be moved at most a year ahead.");
        }
        if (status == CheckInStatus.HELD) {
            throw new ConflictException("This check-in was held; it cannot be moved.");
        }
        if (movedFrom == null) {
            movedFrom = startsAt;
        }
        startsAt = to;
        status = CheckInStatus.MOVED;
    }

    void cancel() {
        status = CheckInStatus.CANCELLED;
    }

    Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getScheduleId() {
        return scheduleId;
    }

    UUID getPartnershipId() {
        return partnershipId;
    }

    LocalDate getOccursOn() {
        return occursOn;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    int getDurationMinutes() {
        return durationMinutes;
    }

    CheckInStatus getStatus() {
        return status;
    }

    Instant getMovedFrom() {
        return movedFrom;
    }
}
