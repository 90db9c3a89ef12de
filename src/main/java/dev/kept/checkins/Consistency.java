package dev.kept.checkins;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How consistently two partners meet. Only check-ins that are over count: a held one counts as
 * held, a skipped one as missed, and one nobody recorded counts as missed once two days have
 * passed (until then it may still be recorded). The streak is the number of check-ins held in a row
 * up to the latest one; the rate is held out of all counted, in percent (null while none counts).
 */
public record Consistency(int streak, int held, int missed, Integer ratePercent) {

    static final Duration RECORDING_GRACE = Duration.ofDays(2);

    static Consistency of(List<CheckIn> occurrences, Instant now) {
        int held = 0;
        int missed = 0;
        int streak = 0;
        boolean streakOpen = true;
        List<CheckIn> newestFirst = occurrences.stream()
                .filter(c -> c.getStatus() != CheckInStatus.CANCELLED)
                .filter(c -> !c.endsAt().isAfter(now))
                .sorted((a, b) -> b.getStartsAt().compareTo(a.getStartsAt()))
                .toList();
        for (CheckIn occurrence : newestFirst) {
            Boolean wasHeld = switch (occurrence.getStatus()) {
                case HELD -> true;
                case SKIPPED -> false;
                default -> occurrence.endsAt().plus(RECORDING_GRACE).isBefore(now) ? false : null;
            };
            if (wasHeld == null) {
                continue;
            }
            if (wasHeld) {
                held++;
                if (streakOpen) {
                    streak++;
                }
            } else {
                missed++;
                streakOpen = false;
            }
        }
        Integer rate = held + missed == 0 ? null : Math.round(100f * held / (held + missed));
        return new Consistency(streak, held, missed, rate);
    }
}
