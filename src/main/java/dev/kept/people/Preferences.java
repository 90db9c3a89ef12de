package dev.kept.people;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A person's reminder settings: how many hours before a check-in they are reminded, which
 * reminders also come by e-mail (they always appear in the app), and whether they get a weekly
 * digest by e-mail.
 */
public record Preferences(
        @NotNull @Min(1) @Max(168) Integer checkInReminderHours,
        @NotNull Boolean emailCheckInReminders,
        @NotNull Boolean emailDueReminders,
        @NotNull Boolean emailOverdueReminders,
        @NotNull Boolean weeklyDigest) {

    /** What everyone starts with: reminded a day ahead, reminders by e-mail, no digest. */
    public static final Preferences DEFAULTS = new Preferences(24, true, true, true, false);
}
