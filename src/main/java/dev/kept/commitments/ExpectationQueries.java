package dev.kept.commitments;

import dev.kept.people.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The list reads of expectations, in SQL: one statement for a page, with the names it shows,
 * whatever the page's length. The thread stays out of a list; one expectation has it.
 */
@Component
class ExpectationQueries {

    /** Which expectations a list holds: all the caller's, those asked of them (or their team), or asked by them. */
    enum Side {
        ALL,
        ASKED_OF_ME,
        ASKED_BY_ME
    }

    private final JdbcClient jdbc;

    ExpectationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code rows} expectations the caller may read, newest first, after a position (created
     * at, id; null: from the newest). {@code team} is the caller's team when they are a member who
     * sees what their team is asked (null otherwise).
     */
    List<ExpectationView> page(Caller caller, UUID team, Side side, Instant afterAt, UUID afterId, int rows) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("organization", caller.organizationId());
        parameters.put("me", caller.personId());
        parameters.put("rows", rows);
        String asked = team == null
                ? "e.to_person_id = :me"
                : "(e.to_person_id = :me or (e.to_team_id = :team and e.requester_id <> :me))";
        if (team != null) {
            parameters.put("team", team);
        }
        String whose = switch (side) {
            case ALL -> "(e.requester_id = :me or " + asked + ")";
            case ASKED_OF_ME -> asked;
            case ASKED_BY_ME -> "e.requester_id = :me";
        };
        StringBuilder sql = new StringBuilder("""
                select e.id, e.requester_id, requester.name as requester_name, e.to_person_id,
                       to_person.name as to_person_name, e.to_team_id, to_team.name as to_team_name, e.what,
                       e.done_when, e.due, e.why, e.goal_id, e.status, e.decline_reason, e.commitment_id,
                       e.accepted_by, accepted.name as accepted_by_name, e.accepted_at, e.created_at, e.version
                  from expectation e
                  left join person requester on requester.id = e.requester_id
                  left join person to_person on to_person.id = e.to_person_id
                  left join team to_team on to_team.id = e.to_team_id
                  left join person accepted on accepted.id = e.accepted_by
                 where e.organization_id = :organization and """).append(" ").append(whose);
        if (afterAt != null) {
            sql.append(" and (e.created_at < :afterAt or (e.created_at = :afterAt and e.id > :afterId))");
            parameters.put("afterAt", Timestamp.from(afterAt));
            parameters.put("afterId", afterId);
        }
        sql.append(" order by e.created_at desc, e.id limit :rows");
        return jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, row) -> view(rs, caller))
                .list();
    }

    private static ExpectationView view(ResultSet rs, Caller caller) throws SQLException {
        UUID requesterId = rs.getObject("requester_id", UUID.class);
        UUID toTeamId = rs.getObject("to_team_id", UUID.class);
        UUID acceptedBy = rs.getObject("accepted_by", UUID.class);
        UUID toPersonId = rs.getObject("to_person_id", UUID.class);
        String what = rs.getString("what");
        String doneWhen = rs.getString("done_when");
        LocalDate due = rs.getObject("due", LocalDate.class);
        String why = rs.getString("why");
        boolean requester = requesterId.equals(caller.personId());
        return new ExpectationView(
                rs.getObject("id", UUID.class),
                requesterId,
                nameOr(rs.getString("requester_name")),
                toPersonId,
                toPersonId == null ? null : nameOr(rs.getString("to_person_name")),
                toTeamId,
                toTeamId == null ? null : teamOr(rs.getString("to_team_name")),
                what,
                doneWhen,
                due,
                why,
                rs.getObject("goal_id", UUID.class),
                ExpectationStatus.valueOf(rs.getString("status")),
                rs.getString("decline_reason"),
                rs.getObject("commitment_id", UUID.class),
                acceptedBy,
                acceptedBy == null ? null : nameOr(rs.getString("accepted_by_name")),
                instant(rs, "accepted_at"),
                instant(rs, "created_at"),
                ClarityCheck.assess(what, doneWhen, due, why, null),
                !requester,
                requester,
                List.of(),
                rs.getLong("version"));
    }

    private static String nameOr(String name) {
        return name == null ? "someone" : name;
    }

    private static String teamOr(String name) {
        return name == null ? "a team" : name;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** These expectations of an organization, as other modules name them, in one statement. */
    List<Expectations.Titled> titledAmong(UUID organizationId, java.util.Collection<UUID> ids) {
        return jdbc.sql("""
                        select id, what, requester_id, to_person_id, to_team_id from expectation
                         where organization_id = :organization and id in (:ids)""")
                .param("organization", organizationId)
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> new Expectations.Titled(
                        rs.getObject("id", UUID.class),
                        rs.getString("what"),
                        rs.getObject("requester_id", UUID.class),
                        rs.getObject("to_person_id", UUID.class),
                        rs.getObject("to_team_id", UUID.class)))
                .list();
    }
}
