package dev.kept.people;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A person's reminder settings: how many hours before a check-in they are reminded, which
 * reminders also come by e-mail (they always appear in the app), whether they get a weekly digest
 * by e-mail, and whether they are e-mailed when a round of a pulse they are asked opens (it always
 * appears in the app).
 */
public record Preferences(
        @NotNull @Min(1) @Max(168) Integer checkInReminderHours,
        @NotNull Boolean emailCheckInReminders,
        @NotNull Boolean emailDueReminders,
        @NotNull Boolean emailOverdueReminders,
        @NotNull Boolean weeklyDigest,
        @NotNull Boolean emailPulseRounds) {

    /** What everyone starts with: reminded a day ahead, reminders and pulse rounds by e-mail, no digest. */
    public static final Preferences DEFAULTS = new Preferences(24, true, true, true, false, true);
}
