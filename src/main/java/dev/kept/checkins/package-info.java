/**
 * Check-ins: a partnership's recurring meeting. One side proposes a schedule (cadence, weekday,
 * local time and time zone), the other accepts it, and its occurrences follow that time zone across
 * daylight-saving changes. Each occurrence has an agenda built from the commitments the two share,
 * shared notes (both partners), private notes (their author), next steps carried to the next one,
 * and attendance, from which a streak and a consistency rate follow. Reminders go out once per
 * person and occurrence, and every person has a secret calendar feed. Only the two partners see a
 * check-in; anyone else gets 404.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Check-ins")
package dev.kept.checkins;
