package dev.kept.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each person's {@link Preferences}; a person who never changed them has the defaults. */
@Component
class PreferenceStore {

    private static final String COLUMNS =
            "person_id, checkin_reminder_hours, email_checkin_reminders, email_due_reminders,"
                    + " email_overdue_reminders, weekly_digest";

    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Preferences of(UUID organizationId, UUID personId) {
        return jdbc.sql("select " + COLUMNS
                        + " from person_preference where organization_id = :organization and person_id = :person")
                .param("organization", organizationId)
                .param("person", personId)
                .query((rs, row) -> new Preferences(
                        rs.getInt("checkin_reminder_hours"),
                        rs.getBoolean("email_checkin_reminders"),
                        rs.getBoolean("email_due_reminders"),
                        rs.getBoolean("email_overdue_reminders"),
                        rs.getBoolean("weekly_digest")))
                .optional()
                .orElse(Preferences.DEFAULTS);
    }

    void save(UUID organizationId, UUID personId, Preferences preferences, Instant now) {
        int updated = jdbc.sql("""
                        update person_preference
                           set checkin_reminder_hours = :hours, email_checkin_reminders = :checkIns,
                               email_due_reminders = :due, email_overdue_reminders = :overdue,
                               weekly_digest = :digest, updated_at = :now, version = version + 1
                         where person_id = :person and organization_id = :organization""")
                .params(parameters(organizationId, personId, preferences, now))
                .update();
        if (updated == 0) {
            jdbc.sql("insert into person_preference (" + COLUMNS + ", organization_id, updated_at, version)"
                            + " values (:person, :hours, :checkIns, :due, :overdue, :digest, :organization, :now, 0)")
                    .params(parameters(organizationId, personId, preferences, now))
                    .update();
        }
    }

    private static Map<String, Object> parameters(
            UUID organizationId, UUID personId, Preferences preferences, Instant now) {
        return Map.of(
                "organization", organizationId,
                "person", personId,
                "hours", preferences.checkInReminderHours(),
                "checkIns", preferences.emailCheckInReminders(),
                "due", preferences.emailDueReminders(),
                "overdue", preferences.emailOverdueReminders(),
                "digest", preferences.weeklyDigest(),
                "now", Timestamp.from(now));
    }
}
