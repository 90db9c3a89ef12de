package dev.kept.commitments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
