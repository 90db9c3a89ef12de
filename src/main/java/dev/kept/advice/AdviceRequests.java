package dev.kept.advice;

import dev.kept.moves.EverydayMove;
import dev.kept.moves.MoveRows;
import dev.kept.moves.MoveSource;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Strengths;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advice requests: a member asks a question tagged with areas of expertise, and the members of
 * other teams whose strengths match an area (never the asker, never a guest; a member without a
 * team counts as another team) are invited and told. Every member of the organization sees every
 * request, open or closed, and may answer it, except its asker; the asker says whether each answer
 * helped and closes the request. A guest sees none (404).
 */
@Service
public class AdviceRequests implements MoveSource {

    static final int MOST_AREAS = 5;
    private static final String SELECT = """
            select r.id, r.asker_id, asker.name as asker_name, r.question, r.details, r.created_at, r.closed_at
              from advice_request r join person asker on asker.id = r.asker_id
             where r.organization_id = :organization""";

    private final JdbcClient jdbc;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdviceRequests(JdbcClient jdbc, People people, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** Asks for advice; answers the request with the people invited to answer it. */
    @Transactional
    public AdviceView ask(Caller caller, AdviceDraft draft) {
        Person asker = member(caller);
        List<String> areas = Strengths.normalize(draft.areas(), 1, MOST_AREAS, "areas");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into advice_request (id, organization_id, asker_id, question, details, created_at)
                        values (:id, :organization, :asker, :question, :details, :now)""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("asker", asker.getId())
                .param("question", draft.question().strip())
                .param("details", draft.details() == null ? "" : draft.details().strip())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        for (String area : areas) {
            jdbc.sql("insert into advice_area (advice_request_id, area) values (:id, :area) on conflict do nothing")
                    .param("id", id)
                    .param("area", area)
                    .update();
        }
        List<UUID> invited = people.withStrengths(caller.organizationId(), areas).stream()
                .filter(person -> !person.getId().equals(asker.getId()))
                .filter(person -> asker.getTeamId() == null || !Objects.equals(asker.getTeamId(), person.getTeamId()))
                .map(Person::getId)
                .toList();
        for (UUID person : invited) {
            jdbc.sql("""
                            insert into advice_invitation (advice_request_id, person_id) values (:id, :person)
                            on conflict do nothing""").param("id", id).param("person", person).update();
        }
        events.publishEvent(new AdviceRequested(caller.organizationId(), id, asker.getName(), invited));
        return get(caller, id);
    }

    /**
     * The requests of the caller's organization, newest first (at most 100): with {@code invited},
     * only those the caller was invited to answer; with {@code mine}, only the caller's own.
     */
    @Transactional(readOnly = true)
    public Page<AdviceView> list(Caller caller, boolean invited, boolean mine, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, null);
        member(caller);
        StringBuilder sql = new StringBuilder(SELECT);
        if (invited) {
            sql.append(" and exists (select 1 from advice_invitation i where i.advice_request_id = r.id"
                    + " and i.person_id = :me)");
        }
        if (mine) {
            sql.append(" and r.asker_id = :me");
        }
        if (after != null) {
            sql.append(" and (r.created_at < :at or (r.created_at = :at and r.id < :id))");
        }
        sql.append(" order by r.created_at desc, r.id desc limit :rows");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("organization", caller.organizationId())
                .param("me", caller.personId())
                .param("rows", limit + 1);
        if (after != null) {
            statement = statement
                    .param("at", Timestamp.from(Instant.parse(after.position())))
                    .param("id", after.id());
        }
        Page<Row> page = Page.of(
                statement.query(AdviceRequests::row).list(),
                limit,
                last -> new Cursor(last.createdAt().toString(), last.id()));
        return new Page<>(views(page.items(), false), page.next());
    }

    /** One request with its answers, oldest first. */
    @Transactional(readOnly = true)
    public AdviceView get(Caller caller, UUID id) {
        member(caller);
        return views(List.of(request(caller, id)), true).get(0);
    }

    /** Answers a request: any member but its asker, while it is open. */
    @Transactional
    public AdviceView.Answer answer(Caller caller, UUID id, String text) {
        Person author = member(caller);
        Row request = request(caller, id);
        if (request.askerId().equals(author.getId())) {
            throw new ForbiddenException("You asked this question: the answers come from others.");
        }
        if (request.closedAt() != null) {
            throw new ConflictException("This request is closed and takes no more answers.");
        }
        UUID answerId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into advice_answer (id, advice_request_id, author_id, text, created_at)
                        values (:id, :request, :author, :text, :now)""")
                .param("id", answerId)
                .param("request", id)
                .param("author", author.getId())
                .param("text", text.strip())
                .param("now", Timestamp.from(now))
                .update();
        events.publishEvent(
                new AdviceAnswered(caller.organizationId(), id, answerId, request.askerId(), author.getName()));
        return new AdviceView.Answer(answerId, author.getId(), author.getName(), text.strip(), null, now);
    }

    /** The asker says whether an answer helped (403 for anyone else). */
    @Transactional
    public AdviceView.Answer markHelpful(Caller caller, UUID id, UUID answerId, boolean helpful) {
        member(caller);
        Row request = request(caller, id);
        AdviceView.Answer answer = answers(List.of(id)).getOrDefault(id, List.of()).stream()
                .filter(a -> a.id().equals(answerId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Answer"));
        if (!request.askerId().equals(caller.personId())) {
            throw new ForbiddenException("Only the person who asked says whether an answer helped.");
        }
        jdbc.sql("update advice_answer set helpful = :helpful where id = :id and advice_request_id = :request")
                .param("helpful", helpful)
                .param("id", answerId)
                .param("request", id)
                .update();
        return new AdviceView.Answer(
                answer.id(), answer.authorId(), answer.authorName(), answer.text(), helpful, answer.createdAt());
    }

    /** The asker closes their request (403 for anyone else); closing a closed request changes nothing. */
    @Transactional
    public AdviceView close(Caller caller, UUID id) {
        member(caller);
        Row request = request(caller, id);
        if (!request.askerId().equals(caller.personId())) {
            throw new ForbiddenException("Only the person who asked closes the request.");
        }
        jdbc.sql("update advice_request set closed_at = :now where id = :id and closed_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        return get(caller, id);
    }

    /** Whether the caller may ask and read advice requests: a member, not a guest. */
    @Transactional(readOnly = true)
    public boolean canAsk(Caller caller) {
        return !people.me(caller).isGuest();
    }

    /** The same moves made by these people only (null: by anyone), read in SQL. */
    @Override
    @Transactional(readOnly = true)
    public List<EverydayMove> moves(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        return MoveRows.between(
                jdbc,
                EverydayMove.Kind.ASK_ADVICE,
                "advice_request",
                "asker_id",
                null,
                organizationId,
                from,
                to,
                personIds);
    }

    private record Row(
            UUID id,
            UUID askerId,
            String askerName,
            String question,
            String details,
            Instant createdAt,
            Instant closedAt) {}

    private static Row row(java.sql.ResultSet rs, int number) throws java.sql.SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("asker_id", UUID.class),
                rs.getString("asker_name"),
                rs.getString("question"),
                rs.getString("details"),
                rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }

    private Row request(Caller caller, UUID id) {
        return jdbc.sql(SELECT + " and r.id = :id")
                .param("organization", caller.organizationId())
                .param("id", id)
                .query(AdviceRequests::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Advice request"));
    }

    private List<AdviceView> views(List<Row> rows, boolean withAnswers) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<String>> areas = new HashMap<>();
        jdbc.sql("select advice_request_id, area from advice_area where advice_request_id in (:ids) order by area")
                .param("ids", ids)
                .query((rs, n) -> areas.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        Map<UUID, List<AdviceView.Invited>> invited = new HashMap<>();
        jdbc.sql("""
                        select i.advice_request_id, p.id, p.name from advice_invitation i
                          join person p on p.id = i.person_id
                         where i.advice_request_id in (:ids) order by p.name, p.id""")
                .param("ids", ids)
                .query((rs, n) -> invited.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new AdviceView.Invited(rs.getObject(2, UUID.class), rs.getString(3))))
                .list();
        Map<UUID, List<AdviceView.Answer>> answers = withAnswers ? answers(ids) : Map.of();
        Map<UUID, Integer> answerCounts = new HashMap<>();
        if (!withAnswers) {
            // a list shows how many answers each request has, never the answers themselves
            jdbc.sql("select advice_request_id, count(*) from advice_answer where advice_request_id in (:ids)"
                            + " group by advice_request_id")
                    .param("ids", ids)
                    .query((rs, n) -> answerCounts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
                    .list();
        }
        return rows.stream()
                .map(r -> {
                    List<AdviceView.Answer> answered = answers.getOrDefault(r.id(), List.of());
                    return new AdviceView(
                            r.id(),
                            r.askerId(),
                            r.askerName(),
                            r.question(),
                            r.details(),
                            areas.getOrDefault(r.id(), List.of()),
                            r.closedAt() == null,
                            r.createdAt(),
                            r.closedAt(),
                            invited.getOrDefault(r.id(), List.of()),
                            withAnswers ? answered.size() : answerCounts.getOrDefault(r.id(), 0),
                            withAnswers ? answered : List.of());
                })
                .toList();
    }

    private Map<UUID, List<AdviceView.Answer>> answers(Collection<UUID> requestIds) {
        Map<UUID, List<AdviceView.Answer>> answers = new HashMap<>();
        jdbc.sql("""
                        select a.advice_request_id, a.id, a.author_id, p.name, a.text, a.helpful, a.created_at
                          from advice_answer a join person p on p.id = a.author_id
                         where a.advice_request_id in (:ids) order by a.created_at, a.id""")
                .param("ids", requestIds)
                .query((rs, n) -> answers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new AdviceView.Answer(
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getString(4),
                                rs.getString(5),
                                (Boolean) rs.getObject(6),
                                rs.getTimestamp(7).toInstant())))
                .list();
        return answers;
    }

    private Person member(Caller caller) {
        Person me = people.me(caller);
        if (me.isGuest()) {
            throw new NotFoundException("Advice request");
        }
        return me;
    }
}
