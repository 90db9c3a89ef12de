package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.JobStatements;
import dev.kept.JobStatements.Tally;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.shared.JobBatches;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The weekly digest reads its readers a batch at a time: on Monday morning each reader gets one
 * digest, a second run sends none, and the hourly runs the rest of the week run one query per
 * batch of readers, however many there are.
 */
@KeptApiTest
class DigestBacklogTests {

    // Monday 23 November 2026, 09:00 UTC
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final int LARGE = Integer.getInteger("jobs.digests", 600);
    private static final int SMALL = LARGE / 10;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    MutableClock clock;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    JobBatches batches;

    @Test
    void sendsEachReaderOneDigestAndRunsOutsideMondayMorningCostOneQueryABatch() {
        JobStatements counter = JobStatements.on(dataSource);
        // Tuesday 12:00 UTC: Monday nowhere
        clock.freezeAt(MONDAY.plus(Duration.ofHours(27)));
        long others = readers();
        Tally idleSmall = counter.count(digest::send);
        UUID small = readers(SMALL);
        Tally idle = counter.count(digest::send);
        UUID large = readers(LARGE);
        Tally idleLarge = counter.count(() -> assertThat(digest.send()).isZero());

        assertThat(idleSmall.statements()).isEqualTo(batchesOf(others));
        assertThat(idle.statements()).isEqualTo(batchesOf(others + SMALL));
        assertThat(idleLarge.statements()).isEqualTo(batchesOf(others + SMALL + LARGE));

        clock.freezeAt(MONDAY);
        Tally monday = counter.count(digest::send);
        System.out.printf("weekly digest: %d statements for %d readers or more%n", monday.statements(), SMALL + LARGE);
        assertThat(digests(small)).isEqualTo(SMALL);
        assertThat(digests(large)).isEqualTo(LARGE);
        clock.advance(Duration.ofHours(1));
        assertThat(digest.send()).as("a second run sends nothing").isZero();
        assertThat(digests(large)).isEqualTo(LARGE);
    }

    private long batchesOf(long readers) {
        // the last batch comes back short (perhaps empty)
        return readers / batches.size() + 1;
    }

    private long readers() {
        return jdbc.getJdbcTemplate().queryForObject("""
                        select count(*) from person p join person_preference pp on pp.person_id = p.id
                         where pp.weekly_digest = true and p.status = 'ACTIVE'""", Long.class);
    }

    private long digests(UUID organization) {
        return jdbc.getJdbcTemplate()
                .queryForObject(
                        "select count(*) from outgoing_mail where organization_id = ? and dedup_key like 'digest:%'",
                        Long.class, organization);
    }

    /** An organization of its own with this many people (in UTC) who asked for the digest; answers its id. */
    private UUID readers(int count) {
        UUID organization = UUID.randomUUID();
        Timestamp now = Timestamp.from(MONDAY);
        jdbc.update(
                "insert into organization (id, name, created_at, version) values (:id, 'Readers', :now, 0)",
                new MapSqlParameterSource("id", organization).addValue("now", now));
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new MapSqlParameterSource("id", UUID.randomUUID())
                    .addValue("organization", organization)
                    .addValue("name", "Reader " + i)
                    .addValue("email", "reader" + i + "@" + organization + ".example")
                    .addValue("now", now));
        }
        SqlParameterSource[] people = rows.toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into person (id, organization_id, name, email, role, status, time_zone, created_at, version)
                values (:id, :organization, :name, :email, 'MEMBER', 'ACTIVE', 'UTC', :now, 0)""", people);
        jdbc.batchUpdate("""
                insert into person_preference (person_id, organization_id, checkin_reminder_hours,
                                               email_checkin_reminders, email_due_reminders,
                                               email_overdue_reminders, weekly_digest, updated_at, version)
                values (:id, :organization, 24, true, true, true, true, :now, 0)""", people);
        return organization;
    }
}
