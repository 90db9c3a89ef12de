package dev.kept.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each person's {@link Preferences}; a person who never changed them has the defaults. */
@Component
class PreferenceStore {

    /** The most people one statement asks about, so that the list of ids stays bounded. */
    static final int BATCH = 1000;

    private static final String COLUMNS =
            "person_id, checkin_reminder_hours, email_checkin_reminders, email_due_reminders,"
                    + " email_overdue_reminders, weekly_digest, email_pulse_rounds";

    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Preferences of(UUID organizationId, UUID personId) {
        return jdbc.sql("select " + COLUMNS
                        + " from person_preference where organization_id = :organization and person_id = :person")
                .param("organization", organizationId)
                .param("person", personId)
                .query((rs, row) -> preferences(rs))
                .optional()
                .orElse(Preferences.DEFAULTS);
    }

    /** The preferences of each of these people, the defaults for those who never changed them. */
    Map<UUID, Preferences> of(UUID organizationId, Collection<UUID> personIds) {
        List<UUID> ids = new ArrayList<>(personIds);
        Map<UUID, Preferences> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("select " + COLUMNS + " from person_preference"
                            + " where organization_id = :organization and person_id in (:people)")
                    .param("organization", organizationId)
                    .param("people", ids.subList(from, Math.min(from + BATCH, ids.size())))
                    .query(rs -> {
                        found.put(rs.getObject("person_id", UUID.class), preferences(rs));
                    });
        }
        Map<UUID, Preferences> all = new HashMap<>();
        ids.forEach(id -> all.put(id, found.getOrDefault(id, Preferences.DEFAULTS)));
        return all;
    }

    void save(UUID organizationId, UUID personId, Preferences preferences, Instant now) {
        int updated = jdbc.sql("""
                        update person_preference
                           set checkin_reminder_hours = :hours, email_checkin_reminders = :checkIns,
                               email_due_reminders = :due, email_overdue_reminders = :overdue,
                               weekly_digest = :digest, email_pulse_rounds = :pulseRounds,
                               updated_at = :now, version = version + 1
                         where person_id = :person and organization_id = :organization""")
                .params(parameters(organizationId, personId, preferences, now))
                .update();
        if (updated == 0) {
            jdbc.sql("insert into person_preference (" + COLUMNS + ", organization_id, updated_at, version)"
                            + " values (:person, :hours, :checkIns, :due, :overdue, :digest, :pulseRounds,"
                            + " :organization, :now, 0)")
                    .params(parameters(organizationId, personId, preferences, now))
                    .update();
        }
    }

    private static Preferences preferences(ResultSet rs) throws SQLException {
        return new Preferences(
                rs.getInt("checkin_reminder_hours"),
                rs.getBoolean("email_checkin_reminders"),
                rs.getBoolean("email_due_reminders"),
                rs.getBoolean("email_overdue_reminders"),
                rs.getBoolean("weekly_digest"),
                rs.getBoolean("email_pulse_rounds"));
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
                "pulseRounds", preferences.emailPulseRounds(),
                "now", Timestamp.from(now));
    }
}
