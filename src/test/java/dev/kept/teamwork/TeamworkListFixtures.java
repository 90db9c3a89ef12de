package dev.kept.teamwork;

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
        return flag(organizationId, "COMMITMENT", commitmentId, raisedBy, ownerId, status, at);
    }

    /** A flag raised at {@code at} on a target of a type, with its owner at the time. */
    UUID flag(
            UUID organizationId,
            String targetType,
            UUID targetId,
            UUID raisedBy,
            UUID ownerId,
            String status,
            Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into jeopardy_flag (id, organization_id, target_type, target_id, raised_by, noticed,
                                                   question, status, created_at, updated_at, version)
                        values (:id, :organization, :type, :target, :raiser,
                                'The last update was on 3 March and it is due Friday.', 'What would help?',
                                :status, :at, :at, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("type", targetType)
                .param("target", targetId)
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
        return offer(organizationId, offeredBy, toPersonId, null, null, status, at);
    }

    /** An offer of help made at {@code at} from one person to another, with a goal or commitment (or none). */
    UUID offer(
            UUID organizationId,
            UUID offeredBy,
            UUID toPersonId,
            String targetType,
            UUID targetId,
            String status,
            Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into help_offer (id, organization_id, offered_by, to_person_id, kind, what, status,
                                                target_type, target_id, created_at, updated_at, version)
                        values (:id, :organization, :by, :to, 'TIME', 'Two afternoons of review', :status,
                                :type, :target, :at, :at, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("by", offeredBy)
                .param("to", toPersonId)
                .param("type", targetType)
                .param("target", targetId)
                .param("status", status)
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }

    /** An open commitment of an owner that the whole organization sees, with an accepted co-owner (or none). */
    UUID commitment(UUID organizationId, UUID ownerId, UUID coOwnerId, Instant at) {
        UUID id = insert("""
                insert into commitment (id, organization_id, owner_id, what, done_when, due, why, visibility,
                                        status, percent, created_at, updated_at, last_progress_at, version,
                                        renegotiated)
                values (:id, :organization, :owner, 'Publish the onboarding checklist',
                        'The checklist is on the wiki', :due, 'New engineers start faster',
                        'ORGANIZATION', 'OPEN', 40, :at, :at, :at, 0, 0)""", organizationId, at, "owner", ownerId);
        if (coOwnerId != null) {
            jdbc.sql("""
                            insert into co_owner (commitment_id, person_id, status, invited_at, accepted_at)
                            values (:c, :p, 'ACCEPTED', :at, :at)""")
                    .params(java.util.Map.of("c", id, "p", coOwnerId, "at", Timestamp.from(at)))
                    .update();
        }
        return id;
    }

    /** A goal of a team (null: of the organization), set by a person. */
    UUID goal(UUID organizationId, UUID teamId, UUID createdBy, Instant at) {
        return insert("""
                insert into goal (id, organization_id, team_id, title, why, done_when, due,
                                  created_by, created_at, updated_at, version)
                values (:id, :organization, :team, 'Customers stay', 'Retention', 'Nine in ten are active',
                        :due, :by, :at, :at, 0)""", organizationId, at, "team", teamId, "by", createdBy);
    }

    /** An open expectation from one person to another. */
    UUID expectation(UUID organizationId, UUID requesterId, UUID toPersonId, Instant at) {
        return insert("""
                insert into expectation (id, organization_id, requester_id, to_person_id, what, done_when, due,
                                         status, created_at, updated_at, version)
                values (:id, :organization, :requester, :to, 'Review the launch plan', 'Comments are in',
                        :due, 'OPEN', :at, :at, 0)""", organizationId, at, "requester", requesterId, "to", toPersonId);
    }

    /** Inserts a row of an organization made at {@code at} and due in 2031, with a new id and these named values. */
    private UUID insert(String sql, UUID organizationId, Instant at, Object... namesAndValues) {
        UUID id = UUID.randomUUID();
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("id", id)
                .param("organization", organizationId)
                .param("due", java.time.LocalDate.of(2031, 1, 10))
                .param("at", Timestamp.from(at));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            statement = statement.param((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        statement.update();
        return id;
    }

    /**
     * Reads a list of 5 items (with {@code smallToken}) and one of 50 (with {@code largeToken}), each
     * item on a target of its own: both answer in one page, every item names its target, and the
     * larger list runs as many SQL statements as the smaller.
     */
    static void expectTargetsNamedInEqualStatements(
            dev.kept.ApiFixtures api,
            dev.kept.StatementCounter counter,
            String path,
            String smallToken,
            String largeToken) {
        tools.jackson.databind.JsonNode[] answers = new tools.jackson.databind.JsonNode[2];
        long small = counter.statementsOf(
                key -> answers[0] = api.getCounted(smallToken, path, key).json());
        long large = counter.statementsOf(
                key -> answers[1] = api.getCounted(largeToken, path, key).json());
        org.assertj.core.api.Assertions.assertThat(answers[0].get("items").size())
                .isEqualTo(5);
        org.assertj.core.api.Assertions.assertThat(answers[1].get("items").size())
                .isEqualTo(50);
        org.assertj.core.api.Assertions.assertThat(answers[1].get("next").isNull())
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(
                        answers[1].get("items").valueStream().map(item -> item.get("targetTitle")))
                .as("each item names its own target, read with the page's others")
                .allMatch(title -> title != null && !title.isNull());
        org.assertj.core.api.Assertions.assertThat(large).isEqualTo(small);
    }
}
