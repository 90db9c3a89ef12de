package dev.kept.goals;

import dev.kept.ApiFixtures.Account;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Goal trees and the commitments serving them, written straight to the database: large fixtures
 * the API would take too long to build one request at a time.
 */
public final class GoalFixtures {

    private final JdbcClient jdbc;

    public GoalFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A goal of the admin's organization ({@code teamId} null: an organization goal). */
    public UUID goal(Account admin, String title, UUID teamId, UUID parentId, LocalDate due, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into goal (id, organization_id, team_id, parent_id, title, why, done_when, due,
                                          created_by, created_at, updated_at, version)
                        values (:id, :org, :team, :parent, :title, 'Customers stay', 'Nine in ten are active',
                                :due, :by, :at, :at, 0)
                        """)
                .param("id", id)
                .param("org", admin.organizationId())
                .param("team", teamId)
                .param("parent", parentId)
                .param("title", title)
                .param("due", due)
                .param("by", admin.personId())
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }

    /** A tree beneath {@code root}: {@code children} goals, each with {@code grandchildren} beneath it. */
    public List<UUID> tree(
            Account admin, UUID root, UUID teamId, int children, int grandchildren, LocalDate due, Instant at) {
        List<UUID> all = new ArrayList<>();
        for (int c = 0; c < children; c++) {
            UUID child = goal(admin, "Child " + c, teamId, root, due.plusDays(c), at);
            all.add(child);
            for (int g = 0; g < grandchildren; g++) {
                all.add(goal(admin, "Grandchild " + c + "." + g, teamId, child, due.plusDays(g), at));
            }
        }
        return all;
    }

    /**
     * {@code count} commitments of these owners serving the goals in turn: visibilities, states
     * and due dates vary (one in four private, one in five closed and kept, one in seven overdue).
     */
    public void serving(List<Account> owners, List<UUID> goals, int count, LocalDate today, Instant at) {
        String[] visibilities = {"ORGANIZATION", "TEAM", "ORGANIZATION", "PRIVATE"};
        for (int i = 0; i < count; i++) {
            Account owner = owners.get(i % owners.size());
            boolean closed = i % 5 == 4;
            LocalDate due = i % 7 == 6 ? today.minusDays(3) : today.plusDays(5 + i % 30);
            jdbc.sql("""
                            insert into commitment (id, organization_id, owner_id, what, done_when, due, why, visibility,
                                                    status, percent, confidence, outcome, created_at, updated_at,
                                                    closed_at, version, goal_id)
                            values (:id, :org, :owner, :what, 'A reviewer says it is done', :due, 'It matters',
                                    :visibility, :status, :percent, :confidence, :outcome, :at, :at, :closedAt, 0,
                                    :goal)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", owner.organizationId())
                    .param("owner", owner.personId())
                    .param("what", "Serving commitment " + i)
                    .param("due", due)
                    .param("visibility", visibilities[i % visibilities.length])
                    .param("status", closed ? "CLOSED" : "OPEN")
                    .param("percent", closed ? 100 : i % 100)
                    .param("confidence", i % 3 == 0 ? "AT_RISK" : "ON_TRACK")
                    .param("outcome", closed ? "KEPT" : null)
                    .param("at", Timestamp.from(at))
                    .param("closedAt", closed ? Timestamp.from(at) : null)
                    .param("goal", goals.get(i % goals.size()))
                    .update();
        }
    }
}
