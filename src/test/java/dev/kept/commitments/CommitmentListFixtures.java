package dev.kept.commitments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk rows for the list tests, written straight to the tables (the API would be too slow for
 * ten-times-larger fixtures): people, commitments, milestones, shares, co-owners and goals.
 */
final class CommitmentListFixtures {

    private final JdbcClient jdbc;

    CommitmentListFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member of the organization (in the team, if one is given), who cannot sign in. */
    UUID person(UUID organizationId, UUID teamId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into person (id, organization_id, name, email, team_id, role, status, time_zone,
                                            created_at, version)
                        values (:id, :organization, :name, :email, :team, 'MEMBER', 'ACTIVE', 'UTC', :now, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("name", "Person " + id.toString().substring(0, 8))
                .param("email", id + "@example.org")
                .param("team", teamId)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    /** Puts a person in a team. */
    void inTeam(UUID personId, UUID teamId) {
        jdbc.sql("update person set team_id = :team where id = :id")
                .param("team", teamId)
                .param("id", personId)
                .update();
    }

    /** An open commitment of this owner, due on that day, with one milestone. */
    UUID open(UUID organizationId, UUID ownerId, String visibility, LocalDate due) {
        return commitment(organizationId, ownerId, visibility, due, "OPEN", null);
    }

    UUID closed(UUID organizationId, UUID ownerId, String visibility, LocalDate due) {
        return commitment(organizationId, ownerId, visibility, due, "CLOSED", null);
    }

    UUID serving(UUID organizationId, UUID ownerId, String visibility, LocalDate due, UUID goalId) {
        return commitment(organizationId, ownerId, visibility, due, "OPEN", goalId);
    }

    /** {@code count} open commitments of this owner, due one a day from {@code firstDue}. */
    List<UUID> open(UUID organizationId, UUID ownerId, String visibility, LocalDate firstDue, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(open(organizationId, ownerId, visibility, firstDue.plusDays(i)));
        }
        return ids;
    }

    UUID commitment(UUID organizationId, UUID ownerId, String visibility, LocalDate due, String status, UUID goalId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into commitment (id, organization_id, owner_id, what, done_when, due, why, visibility,
                                                status, percent, outcome, created_at, updated_at, last_progress_at,
                                                closed_at, version, renegotiated, goal_id)
                        values (:id, :organization, :owner, 'Publish the onboarding checklist for new engineers',
                                'The checklist is published on the wiki', :due, 'New engineers start faster',
                                :visibility, :status, 40, :outcome, :now, :now, :now, :closedAt, 0, 0, :goal)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("owner", ownerId)
                .param("due", due)
                .param("visibility", visibility)
                .param("status", status)
                .param("outcome", status.equals("CLOSED") ? "KEPT" : null)
                .param("now", now)
                .param("closedAt", status.equals("CLOSED") ? now : null)
                .param("goal", goalId)
                .update();
        jdbc.sql("""
                        insert into milestone (commitment_id, position, title, due, done_at, created_at)
                        values (:id, 1, 'Draft reviewed', :due, null, :now)""").param("id", id).param("due", due).param("now", now).update();
        return id;
    }

    void share(UUID commitmentId, UUID partnershipId) {
        jdbc.sql("insert into commitment_share (commitment_id, partnership_id) values (:c, :p)")
                .param("c", commitmentId)
                .param("p", partnershipId)
                .update();
    }

    void coOwner(UUID commitmentId, UUID personId) {
        jdbc.sql("""
                        insert into co_owner (commitment_id, person_id, status, invited_at, accepted_at)
                        values (:c, :p, 'ACCEPTED', :now, :now)""")
                .param("c", commitmentId)
                .param("p", personId)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    UUID goal(UUID organizationId, UUID createdBy, String title) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into goal (id, organization_id, title, why, done_when, due, created_by, created_at,
                                          updated_at, version)
                        values (:id, :organization, :title, 'Because it matters', 'When it is done', :due, :by,
                                :now, :now, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("title", title)
                .param("due", LocalDate.now().plusYears(1))
                .param("by", createdBy)
                .param("now", now)
                .update();
        return id;
    }

    /** An open expectation the requester asked of a person (or, with a null person, of a team). */
    UUID expectation(UUID organizationId, UUID requesterId, UUID toPersonId, UUID toTeamId, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into expectation (id, organization_id, requester_id, to_person_id, to_team_id, what,
                                                 done_when, due, why, status, created_at, updated_at, version)
                        values (:id, :organization, :requester, :person, :team, 'Review the onboarding guide',
                                'Comments are in the document', :due, 'New people start faster', 'OPEN', :at, :at, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("requester", requesterId)
                .param("person", toPersonId)
                .param("team", toTeamId)
                .param("due", LocalDate.now().plusDays(20))
                .param("at", Timestamp.from(createdAt))
                .update();
        return id;
    }

    /** A challenge by a partner on a commitment, made at that instant. */
    UUID challenge(UUID organizationId, UUID commitmentId, UUID ownerId, UUID authorId, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into challenge (id, organization_id, commitment_id, owner_id, author_id, kind, message,
                                               created_at, version)
                        values (:id, :organization, :commitment, :owner, :author, 'QUESTION',
                                'What will you drop to make room for this?', :at, 0)""")
                .param("id", id)
                .param("organization", organizationId)
                .param("commitment", commitmentId)
                .param("owner", ownerId)
                .param("author", authorId)
                .param("at", Timestamp.from(createdAt))
                .update();
        return id;
    }
}
