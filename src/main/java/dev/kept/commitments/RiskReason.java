package dev.kept.commitments;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why an open commitment is at risk: the owner's own confidence, being behind close to the due
 * date, or silence. Computed when read, from the commitment and the day it is read on.
 */
public enum RiskReason {
    CONFIDENCE("The owner's confidence is at risk or off track."),
    BEHIND("Due within a week with less than half of the progress or of the milestones done."),
    SILENT("No update for 14 days.");

    public static final int SOON_DAYS = 7;
    static final Duration SILENCE = Duration.ofDays(14);

    /**
     * The same rule as a SQL condition on a commitment aliased {@code c}: true when it is open and
     * at risk for any reason. Its parameters come from {@link #sqlParameters}. For the reads that
     * count or filter commitments by risk in the database, here and in other modules.
     */
    public static final String SQL = """
            c.status = 'OPEN' and (c.confidence in ('AT_RISK', 'OFF_TRACK')
              or (c.due <= :soon and (c.percent < 50 or 2 * (select count(*) from milestone m
                    where m.commitment_id = c.id and m.done_at is not null)
                  < (select count(*) from milestone m where m.commitment_id = c.id)))
              or coalesce(c.last_progress_at, c.created_at) < :silentSince)""";

    /** The parameters of {@link #SQL} on the day {@code today}, at {@code now}. */
    public static Map<String, Object> sqlParameters(LocalDate today, Instant now) {
        return Map.of("soon", today.plusDays(SOON_DAYS), "silentSince", Timestamp.from(now.minus(SILENCE)));
    }

    private final String text;

    RiskReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    static List<RiskReason> of(
            CommitmentStatus status,
            Confidence confidence,
            LocalDate due,
            int percent,
            int milestones,
            int milestonesDone,
            Instant lastProgressAt,
            Instant createdAt,
            LocalDate today,
            Instant now) {
        List<RiskReason> reasons = new ArrayList<>();
        if (status != CommitmentStatus.OPEN) {
            return reasons;
        }
        if (confidence == Confidence.AT_RISK || confidence == Confidence.OFF_TRACK) {
            reasons.add(CONFIDENCE);
        }
        boolean dueSoon = !due.isAfter(today.plusDays(SOON_DAYS));
        if (dueSoon && (percent < 50 || (milestones > 0 && milestonesDone * 2 < milestones))) {
            reasons.add(BEHIND);
        }
        Instant lastHeard = lastProgressAt == null ? createdAt : lastProgressAt;
        if (lastHeard.isBefore(now.minus(SILENCE))) {
            reasons.add(SILENT);
        }
        return reasons;
    }
}
