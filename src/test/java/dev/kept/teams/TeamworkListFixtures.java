package dev.kept.teams;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk flags and offers of help for the list tests, written straight to the tables (the API would
 * be too slow for ten-times-larger fixtures).
 */
final class TeamworkListFixtures {

    private final JdbcClient jdbc;

    TeamworkListFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A flag raised at {@code at} on a commitment, with its owner at the time. */
    UUID flag(UUID organizationId, UUID commitmentId, UUID raisedBy, UUID ownerId, String status, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into jeopardy_flag (id, organization_id, target_type, target_id, raised_by, noticed,
                                                   question, status, created_at, updated_at, version)
                        values (:id, :organization, 'COMMITMENT', :target, :raiser,
                                'The last update was on 3 March and it is due Friday.', 'What would help?',
                                :status, :at, :at, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("target", commitmentId)
                .param("raiser", raisedBy)
                .param("status", status)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("insert into jeopardy_flag_owner (flag_id, person_id) values (:flag, :person)")
                .param("flag", id)
                .param("person", ownerId)
                .update();
        return id;
    }

    /** An offer of help made at {@code at} from one person to another. */
    UUID offer(UUID organizationId, UUID offeredBy, UUID toPersonId, String status, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into help_offer (id, organization_id, offered_by, to_person_id, kind, what, status,
                                                created_at, updated_at, version)
                        values (:id, :organization, :by, :to, 'TIME', 'Two afternoons of review', :status, :at, :at, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("by", offeredBy)
                .param("to", toPersonId)
                .param("status", status)
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }
}
