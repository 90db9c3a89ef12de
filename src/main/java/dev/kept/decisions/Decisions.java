package dev.kept.decisions;

import dev.kept.moves.EverydayMove;
import dev.kept.moves.MoveRows;
import dev.kept.moves.MoveSource;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.TeamField;
import dev.kept.people.Teams;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decision notes: how a decision serves the whole organization, not just one area. Every member of
 * the organization reads them; the members of the teams a decision affects are told, and they and
 * its author may comment (403 for anyone else). A guest sees none (404).
 */
@Service
public class Decisions implements MoveSource {

    private static final String SELECT = """
            select d.id, d.author_id, author.name as author_name, d.title, d.decision, d.serves_organization,
                   d.created_at
              from decision_note d join person author on author.id = d.author_id
             where d.organization_id = :organization""";

    private final JdbcClient jdbc;
    private final People people;
    private final Teams orgTeams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Decisions(JdbcClient jdbc, People people, Teams orgTeams, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.orgTeams = orgTeams;
        this.events = events;
        this.clock = clock;
    }

    /** Records a decision; the members of the teams it affects are told. */
    @Transactional
    public DecisionView record(Caller caller, DecisionDraft draft) {
        Person author = member(caller);
        Set<UUID> affected = new LinkedHashSet<>(draft.teamIds());
        // the named teams only, read in one statement, however many the organization has
        Set<UUID> known =
                orgTeams.teamsIn(caller, affected).stream().map(NamedChoice::id).collect(Collectors.toSet());
        for (UUID teamId : affected) {
            if (!known.contains(teamId)) {
                throw new RuleViolationException(
                        "UNKNOWN_TEAM", "teamIds", "There is no such team in this organization.");
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into decision_note
                            (id, organization_id, author_id, title, decision, serves_organization, created_at)
                        values (:id, :organization, :author, :title, :decision, :serves, :now)""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("author", author.getId())
                .param("title", draft.title().strip())
                .param("decision", draft.decision().strip())
                .param("serves", draft.servesOrganization().strip())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        int position = 0;
        for (String option : draft.options()) {
            jdbc.sql("insert into decision_option (decision_id, position, text) values (:id, :position, :text)")
                    .param("id", id)
                    .param("position", position++)
                    .param("text", option.strip())
                    .update();
        }
        for (UUID teamId : affected) {
            jdbc.sql("insert into decision_team (decision_id, team_id) values (:id, :team) on conflict do nothing")
                    .param("id", id)
                    .param("team", teamId)
                    .update();
        }
        // one statement reading ids only, however many people the affected teams hold
        List<UUID> recipients = orgTeams.teamMemberIds(caller.organizationId(), affected, true).stream()
                .filter(recipient -> !recipient.equals(author.getId()))
                .toList();
        events.publishEvent(new DecisionRecorded(
                caller.organizationId(), id, author.getName(), draft.title().strip(), recipients));
        return get(caller, id);
    }

    /**
     * The decisions of the caller's organization, newest first, or those affecting one team: the
     * page after {@code cursor} (null: the first), at most {@code limit}; a forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<DecisionView> list(Caller caller, UUID teamId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, null);
        Person me = member(caller);
        String sql = SELECT;
        if (teamId != null) {
            orgTeams.team(caller, teamId);
            sql += " and exists (select 1 from decision_team t where t.decision_id = d.id and t.team_id = :team)";
        }
        if (after != null) {
            sql += " and (d.created_at < :at or (d.created_at = :at and d.id < :id))";
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql + " order by d.created_at desc, d.id desc limit :rows")
                .param("organization", caller.organizationId())
                .param("rows", limit + 1);
        if (teamId != null) {
            statement = statement.param("team", teamId);
        }
        if (after != null) {
            statement = statement
                    .param("at", Timestamp.from(Instant.parse(after.position())))
                    .param("id", after.id());
        }
        Page<Row> page = Page.of(
                statement.query(Decisions::row).list(),
                limit,
                last -> new Cursor(last.createdAt().toString(), last.id()));
        return new Page<>(views(caller, me, page.items(), false), page.next());
    }

    /** One decision with its comments, oldest first. */
    @Transactional(readOnly = true)
    public DecisionView get(Caller caller, UUID id) {
        Person me = member(caller);
        return views(caller, me, List.of(note(caller, id)), true).get(0);
    }

    /** Comments on a decision: its author or a member of a team it affects (403 otherwise). */
    @Transactional
    public DecisionView.Comment comment(Caller caller, UUID id, String text) {
        Person me = member(caller);
        Row note = note(caller, id);
        if (!mayComment(me, note, affectedTeams(List.of(id)).getOrDefault(id, List.of()))) {
            throw new ForbiddenException(
                    "Only the members of the teams this decision affects, and its author, comment.");
        }
        UUID commentId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into decision_comment (id, decision_id, author_id, text, created_at)
                        values (:id, :decision, :author, :text, :now)""")
                .param("id", commentId)
                .param("decision", id)
                .param("author", me.getId())
                .param("text", text.strip())
                .param("now", Timestamp.from(now))
                .update();
        return new DecisionView.Comment(commentId, me.getId(), me.getName(), text.strip(), now);
    }

    /**
     * The teams the form of a decision names: those ticked and the one typed in its search field
     * {@code teamName} (see {@link Teams#teamField}); as many as the organization has.
     */
    @Transactional(readOnly = true)
    public TeamField teamField(Caller caller, List<UUID> ticked, String typed) {
        member(caller);
        return orgTeams.teamField(caller, ticked, typed, "teamName", Integer.MAX_VALUE);
    }

    /** The first teams the list's search field offers before anything is typed, the caller's own first. */
    @Transactional(readOnly = true)
    public List<NamedChoice> firstTeamChoices(Caller caller) {
        member(caller);
        return orgTeams.teamChoices(caller, "", NamedChoice.MOST);
    }

    /** The team the list is narrowed to, by the name typed in its search field or by id (see {@link Teams#teamFilter}). */
    @Transactional(readOnly = true)
    public Teams.TeamFilter teamFilter(Caller caller, UUID teamId, String teamName) {
        member(caller);
        return orgTeams.teamFilter(caller, teamId, teamName);
    }

    /** The same moves made by these people only (null: by anyone), read in SQL. */
    @Override
    @Transactional(readOnly = true)
    public List<EverydayMove> moves(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        return MoveRows.between(
                jdbc,
                EverydayMove.Kind.EXPLAIN_DECISION,
                "decision_note",
                "author_id",
                null,
                organizationId,
                from,
                to,
                personIds);
    }

    private record Row(
            UUID id,
            UUID authorId,
            String authorName,
            String title,
            String decision,
            String servesOrganization,
            Instant createdAt) {}

    private static Row row(java.sql.ResultSet rs, int number) throws java.sql.SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getString("title"),
                rs.getString("decision"),
                rs.getString("serves_organization"),
                rs.getTimestamp("created_at").toInstant());
    }

    private Row note(Caller caller, UUID id) {
        return jdbc.sql(SELECT + " and d.id = :id")
                .param("organization", caller.organizationId())
                .param("id", id)
                .query(Decisions::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Decision"));
    }

    private static boolean mayComment(Person me, Row note, List<DecisionView.AffectedTeam> teams) {
        return note.authorId().equals(me.getId())
                || (me.getTeamId() != null && teams.stream().anyMatch(t -> t.id().equals(me.getTeamId())));
    }

    private List<DecisionView> views(Caller caller, Person me, List<Row> rows, boolean withComments) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<String>> options = new HashMap<>();
        jdbc.sql("select decision_id, text from decision_option where decision_id in (:ids) order by position")
                .param("ids", ids)
                .query((rs, n) -> options.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        Map<UUID, List<DecisionView.AffectedTeam>> teams = affectedTeams(ids);
        Map<UUID, List<DecisionView.Comment>> comments = new HashMap<>();
        Map<UUID, Integer> commentCounts = new HashMap<>();
        if (!withComments) {
            // a list shows how many comments each decision has, never the threads themselves
            jdbc.sql(
                            "select decision_id, count(*) from decision_comment where decision_id in (:ids) group by decision_id")
                    .param("ids", ids)
                    .query((rs, n) -> commentCounts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
                    .list();
        } else {
            jdbc.sql("""
                        select c.decision_id, c.id, c.author_id, p.name, c.text, c.created_at
                          from decision_comment c join person p on p.id = c.author_id
                         where c.decision_id in (:ids) order by c.created_at, c.id""")
                    .param("ids", ids)
                    .query((rs, n) -> comments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new DecisionView.Comment(
                                    rs.getObject(2, UUID.class),
                                    rs.getObject(3, UUID.class),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getTimestamp(6).toInstant())))
                    .list();
        }
        return rows.stream()
                .map(r -> {
                    List<DecisionView.AffectedTeam> affected = teams.getOrDefault(r.id(), List.of());
                    List<DecisionView.Comment> thread = comments.getOrDefault(r.id(), List.of());
                    return new DecisionView(
                            r.id(),
                            r.authorId(),
                            r.authorName(),
                            r.title(),
                            r.decision(),
                            options.getOrDefault(r.id(), List.of()),
                            r.servesOrganization(),
                            affected,
                            r.createdAt(),
                            withComments ? thread.size() : commentCounts.getOrDefault(r.id(), 0),
                            withComments ? thread : List.of(),
                            mayComment(me, r, affected));
                })
                .toList();
    }

    private Map<UUID, List<DecisionView.AffectedTeam>> affectedTeams(List<UUID> ids) {
        Map<UUID, List<DecisionView.AffectedTeam>> teams = new HashMap<>();
        jdbc.sql("""
                        select dt.decision_id, t.id, t.name from decision_team dt join team t on t.id = dt.team_id
                         where dt.decision_id in (:ids) order by t.name""")
                .param("ids", ids)
                .query((rs, n) -> teams.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new DecisionView.AffectedTeam(rs.getObject(2, UUID.class), rs.getString(3))))
                .list();
        return teams;
    }

    private Person member(Caller caller) {
        Person me = people.me(caller);
        if (me.isGuest()) {
            throw new NotFoundException("Decision");
        }
        return me;
    }
}
