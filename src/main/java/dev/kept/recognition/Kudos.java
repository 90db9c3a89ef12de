package dev.kept.recognition;

import dev.kept.access.AccessPolicy;
import dev.kept.commitments.Commitments;
import dev.kept.goals.Goals;
import dev.kept.moves.EverydayMove;
import dev.kept.moves.MoveRows;
import dev.kept.moves.MoveSource;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import dev.kept.shared.Cursor;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.StorableTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recognition module's entry: thank a person or a team, optionally for a goal or a commitment
 * they helped with, and read the feed of thanks. Every member of the organization sees every
 * thanks, except that a thanks for a commitment is seen only by those who may see that commitment
 * (the access policy decides), its giver and the person thanked. A guest sees none and cannot be
 * thanked. There are no points and no totals: a thanks is a message, not a score.
 */
@Service
public class Kudos implements MoveSource {

    // later than any thanks: where the newest-first feed starts
    private static final Cursor NEWEST = new Cursor("9999-12-31T00:00:00Z", new UUID(-1L, -1L));

    private static final String SELECT = """
            select k.id, k.giver_id, giver.name as giver_name, k.to_person_id, thanked.name as to_person_name,
                   k.to_team_id, team.name as to_team_name, k.message, k.for_type, k.for_id,
                   goal.title as goal_title, k.across_teams, k.created_at
              from kudos k
              join person giver on giver.id = k.giver_id
              left join person thanked on thanked.id = k.to_person_id
              left join team team on team.id = k.to_team_id
              left join goal goal on k.for_type = 'GOAL' and goal.id = k.for_id
             where k.organization_id = :organization
            """;

    private final JdbcClient jdbc;
    private final People people;
    private final Teams orgTeams;
    private final Goals goals;
    private final Commitments commitments;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Kudos(
            JdbcClient jdbc,
            People people,
            Teams orgTeams,
            Goals goals,
            Commitments commitments,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.orgTeams = orgTeams;
        this.goals = goals;
        this.commitments = commitments;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Thanks a person or a team (exactly one; never oneself; members only). A goal or commitment it
     * is for must be one the giver sees. The person thanked, or the team's members, are told.
     */
    @Transactional
    public KudosView give(Caller caller, KudosDraft draft) {
        Person giver = member(caller);
        if ((draft.toPersonId() == null) == (draft.toTeamId() == null)) {
            throw new RuleViolationException(
                    "ONE_RECIPIENT",
                    draft.toPersonId() == null ? "toPersonId" : "toTeamId",
                    "Thank either one person or one team.");
        }
        UUID recipientTeam;
        List<UUID> recipients;
        String teamName = null;
        if (draft.toPersonId() != null) {
            if (draft.toPersonId().equals(giver.getId())) {
                throw new RuleViolationException("SELF", "toPersonId", "You cannot thank yourself.");
            }
            Person thanked = people.personIn(caller.organizationId(), draft.toPersonId())
                    .filter(person -> !person.isGuest())
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_PERSON", "toPersonId", "There is no such member in this organization."));
            recipientTeam = thanked.getTeamId();
            recipients = List.of(thanked.getId());
        } else {
            Team team = orgTeams.teams(caller).stream()
                    .filter(t -> t.getId().equals(draft.toTeamId()))
                    .findFirst()
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_TEAM", "toTeamId", "There is no such team in this organization."));
            recipientTeam = team.getId();
            teamName = team.getName();
            recipients = orgTeams.teamMemberIds(caller.organizationId(), Set.of(team.getId()), true).stream()
                    .filter(id -> !id.equals(giver.getId()))
                    .toList();
        }
        requireVisibleTarget(caller, draft.forType(), draft.forId());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into kudos (id, organization_id, giver_id, to_person_id, to_team_id, message,
                                           for_type, for_id, across_teams, created_at)
                        values (:id, :organization, :giver, :toPerson, :toTeam, :message,
                                :forType, :forId, :across, :now)""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("giver", giver.getId())
                .param("toPerson", draft.toPersonId())
                .param("toTeam", draft.toTeamId())
                .param("message", draft.message().strip())
                .param(
                        "forType",
                        draft.forType() == null ? null : draft.forType().name())
                .param("forId", draft.forId())
                .param("across", !Objects.equals(giver.getTeamId(), recipientTeam))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(
                new KudosGiven(caller.organizationId(), id, giver.getId(), giver.getName(), recipients, teamName));
        return get(caller, id);
    }

    /** One thanks, if the caller may see it (404 otherwise). */
    @Transactional(readOnly = true)
    public KudosView get(Caller caller, UUID id) {
        member(caller);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        return query(caller, " and k.id = :id", parameters, 1).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Thanks"));
    }

    /**
     * A page of the thanks the caller may see, newest first, with {@code teamId} only those given
     * to that team, to one of its members or by one of them. The cursor carries the time and id of
     * the last thanks of the page before; one that does not parse answers 400.
     */
    @Transactional(readOnly = true)
    public Page<KudosView> feed(Caller caller, UUID teamId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Kudos::storableInstant, NEWEST);
        member(caller);
        StringBuilder where = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        if (teamId != null) {
            orgTeams.team(caller, teamId);
            where.append(" ").append("""
                     and (k.to_team_id = :team
                          or exists (select 1 from person m where m.id = k.to_person_id and m.team_id = :team)
                          or giver.team_id = :team)""");
            parameters.put("team", teamId);
        }
        where.append(" and (k.created_at < :before or (k.created_at = :before and k.id < :beforeId))");
        parameters.put("before", Timestamp.from(Instant.parse(after.position())));
        parameters.put("beforeId", after.id());
        return Page.of(
                query(caller, where.toString(), parameters, limit + 1),
                limit,
                last -> new Cursor(last.createdAt().toString(), last.id()));
    }

    /**
     * The thanks the caller may see that are for these goals or commitments, newest first, at most
     * {@code most}: what a goal's map shows. A guest sees none.
     */
    @Transactional(readOnly = true)
    public List<KudosView> forTargets(Caller caller, ThanksFor kind, Collection<UUID> ids, int most) {
        if (ids.isEmpty() || !policy.canSeeGoals(caller)) {
            return List.of();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("kind", kind.name());
        parameters.put("targets", ids);
        return query(
                caller,
                kind == ThanksFor.GOAL ? null : policy.visibleTo(caller, "c"),
                " and k.for_type = :kind and k.for_id in (:targets)",
                parameters,
                most);
    }

    /** The same moves made by these people only (null: by anyone), read in SQL. */
    @Override
    @Transactional(readOnly = true)
    public List<EverydayMove> moves(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        return MoveRows.between(
                jdbc,
                EverydayMove.Kind.THANK,
                "kudos",
                "giver_id",
                "across_teams = true",
                organizationId,
                from,
                to,
                personIds);
    }

    /** Whether the caller may thank and read thanks: a member, not a guest (404 otherwise). */
    @Transactional(readOnly = true)
    public boolean canThank(Caller caller) {
        return policy.canSeeGoals(caller);
    }

    private List<KudosView> query(Caller caller, String where, Map<String, Object> parameters, int limit) {
        return query(caller, policy.visibleTo(caller, "c"), where, parameters, limit);
    }

    /**
     * The thanks matching {@code where}, newest first; {@code scope} decides which thanks for a
     * commitment show: null when {@code where} admits none (thanks for goals only), so that the
     * statement carries no commitment rule to plan.
     */
    private List<KudosView> query(
            Caller caller, AccessPolicy.SqlScope scope, String where, Map<String, Object> parameters, int limit) {
        // a thanks for a commitment shows where the commitment shows, and to its giver and the person thanked
        String sql = SELECT
                + (scope == null ? "" : """
                           and (k.for_type is null or k.for_type <> 'COMMITMENT'
                                or k.giver_id = :me or k.to_person_id = :me
                                or exists (select 1 from commitment c where c.id = k.for_id""" + " and " + scope.predicate() + "))")
                + where + " order by k.created_at desc, k.id desc limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("organization", caller.organizationId())
                .param("limit", limit)
                .params(parameters);
        if (scope != null) {
            statement = statement.param("me", caller.personId()).params(scope.parameters());
        }
        return statement
                .query((rs, row) -> {
                    String forType = rs.getString("for_type");
                    return new KudosView(
                            rs.getObject("id", UUID.class),
                            rs.getObject("giver_id", UUID.class),
                            rs.getString("giver_name"),
                            rs.getObject("to_person_id", UUID.class),
                            rs.getString("to_person_name"),
                            rs.getObject("to_team_id", UUID.class),
                            rs.getString("to_team_name"),
                            rs.getString("message"),
                            forType == null ? null : ThanksFor.valueOf(forType),
                            rs.getObject("for_id", UUID.class),
                            rs.getString("goal_title"),
                            rs.getBoolean("across_teams"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    private void requireVisibleTarget(Caller caller, ThanksFor kind, UUID id) {
        if (kind == null && id == null) {
            return;
        }
        if (kind == null || id == null) {
            throw new RuleViolationException(
                    "THANKS_FOR",
                    kind == null ? "forType" : "forId",
                    "Name both what the thanks is for (GOAL or COMMITMENT) and its id, or neither.");
        }
        try {
            if (kind == ThanksFor.GOAL) {
                goals.get(caller, id);
            } else {
                commitments.get(caller, id);
            }
        } catch (NotFoundException unseen) {
            throw new RuleViolationException(
                    kind == ThanksFor.GOAL ? "UNKNOWN_GOAL" : "UNKNOWN_COMMITMENT",
                    "forId",
                    kind == ThanksFor.GOAL
                            ? "There is no such goal in this organization."
                            : "There is no such commitment that you can see.");
        }
    }

    private static Instant storableInstant(String text) {
        Instant instant = Instant.parse(text);
        if (!StorableTime.contains(instant)) {
            throw new IllegalArgumentException("not a time the database keeps: " + text);
        }
        return instant;
    }

    private Person member(Caller caller) {
        Person me = people.me(caller);
        if (me.isGuest()) {
            throw new NotFoundException("Thanks");
        }
        return me;
    }
}
