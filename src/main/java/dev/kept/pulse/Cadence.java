package dev.kept.pulse;

import java.time.LocalDate;

/** How often a pulse opens a round: every week, every two weeks, or every month on the same day. */
public enum Cadence {
    WEEKLY,
    BIWEEKLY,
    MONTHLY;

    /** The day the round after one opening on {@code day} opens. */
    public LocalDate after(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.plusWeeks(1);
            case BIWEEKLY -> day.plusWeeks(2);
            case MONTHLY -> day.plusMonths(1);
        };
    }
}
