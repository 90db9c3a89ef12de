package dev.kept.pulse;

import dev.kept.access.AccessPolicy;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.StorableTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pulse module's entry: an admin sets up a pulse (questions, teams, cadence, the fewest
 * respondents a group needs); its members answer each open round once, anonymously; and the
 * results show per team and for all the pulse's teams, only for groups large enough to stay
 * anonymous (see {@link Anonymity}), and only once a round has closed, so that watching results
 * grow never singles out the last to answer. An admin sees every team's results, a member and a
 * team's lead their own team's. Guests are never asked and see nothing.
 */
@Service
public class Pulses {

    /** The fewest respondents a group may be set to need. */
    public static final int FEWEST_GROUP = 3;

    /** The fewest a new pulse needs, unless its admin sets more (or as few as {@link #FEWEST_GROUP}). */
    public static final int DEFAULT_GROUP = 5;

    /** The most teams a pulse goes to: a report lists each, so its size stays bounded. */
    public static final int MOST_TEAMS = 50;

    /** How many closed rounds a report follows over time. */
    public static final int TREND_ROUNDS = 12;

    /** The questions a new pulse starts with: the everyday behaviours of mutual accountability. */
    public static final List<String> DEFAULT_QUESTIONS = List.of(
            "When a shared expectation was in jeopardy, people asked about it early instead of waiting.",
            "People pointed out problems by describing what they noticed, without judging the person.",
            "People offered help when a colleague or another team was stuck.",
            "People owned their mistakes openly and said what they would do about them.",
            "People put the success of the shared work ahead of their own individual results.");

    private static final Cursor NEWEST = new Cursor("9999-12-31T00:00:00Z", new UUID(-1L, -1L));
    private static final Cursor LATEST_ROUND = new Cursor("9999-12-31", new UUID(-1L, -1L));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final People people;
    private final AccessPolicy policy;
    private final PulseRounds rounds;
    private final Clock clock;

    Pulses(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            People people,
            AccessPolicy policy,
            PulseRounds rounds,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.people = people;
        this.policy = policy;
        this.rounds = rounds;
        this.clock = clock;
    }

    // --- settings (admins) ----------------------------------------------------------------

    /** Sets up a pulse (admins); a pulse starting today opens its first round at once. */
    @Transactional
    public PulseView create(Caller caller, PulseDraft draft) {
        people.requireAdmin(caller);
        LocalDate today = today();
        if (draft.startsOn().isBefore(today)) {
            throw startsInPast();
        }
        List<UUID> teams = teamsOf(caller, draft.teamIds());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into pulse (id, organization_id, title, cadence, min_group, starts_on, next_round_on,
                                           status, created_at, version)
                        values (:id, :organization, :title, :cadence, :minGroup, :startsOn, :startsOn, 'ACTIVE', :now, 0)""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("title", draft.title().strip())
                .param("cadence", draft.cadence().name())
                .param("minGroup", draft.minGroup())
                .param("startsOn", draft.startsOn())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        writeQuestions(id, draft.questions());
        writeTeams(id, teams);
        rounds.openDue(today, id);
        return get(caller, id);
    }

    /**
     * Changes a pulse's title, teams, cadence, fewest respondents and start (admins). Its questions
     * change only until its first round opens; a new start day applies while none has opened.
     */
    @Transactional
    public PulseView update(Caller caller, UUID id, PulseDraft draft) {
        people.requireAdmin(caller);
        PulseView current = get(caller, id);
        LocalDate today = today();
        boolean newStart = !draft.startsOn().equals(current.startsOn());
        if (newStart && draft.startsOn().isBefore(today)) {
            throw startsInPast();
        }
        List<String> questions = draft.questions().stream().map(String::strip).toList();
        List<String> asked =
                current.questions().stream().map(PulseView.Question::text).toList();
        if (current.questionsFixed() && !questions.equals(asked)) {
            throw new RuleViolationException(
                    "QUESTIONS_FIXED",
                    "questions",
                    "The questions no longer change once a round has opened, so that results compare like with"
                            + " like: set up a new pulse to ask others.");
        }
        List<UUID> teams = teamsOf(caller, draft.teamIds());
        LocalDate next = current.questionsFixed() || !newStart ? current.nextRoundOn() : draft.startsOn();
        jdbc.sql("""
                        update pulse set title = :title, cadence = :cadence, min_group = :minGroup, starts_on = :startsOn,
                                         next_round_on = :next, version = version + 1
                         where id = :id and organization_id = :organization""")
                .param("title", draft.title().strip())
                .param("cadence", draft.cadence().name())
                .param("minGroup", draft.minGroup())
                .param("startsOn", draft.startsOn())
                .param("next", next)
                .param("id", id)
                .param("organization", caller.organizationId())
                .update();
        if (!current.questionsFixed()) {
            jdbc.sql("delete from pulse_question where pulse_id = :id")
                    .param("id", id)
                    .update();
            writeQuestions(id, questions);
        }
        jdbc.sql("delete from pulse_team where pulse_id = :id").param("id", id).update();
        writeTeams(id, teams);
        if (current.status() == PulseStatus.ACTIVE) {
            rounds.openDue(today, id);
        }
        return get(caller, id);
    }

    /**
     * Pauses, resumes or closes a pulse (admins). A paused pulse opens no round until resumed; a
     * closed one never again. A round already open stays open to its end.
     */
    @Transactional
    public PulseView changeStatus(Caller caller, UUID id, PulseStatus status) {
        people.requireAdmin(caller);
        PulseView current = get(caller, id);
        if (current.status() == PulseStatus.CLOSED && status != PulseStatus.CLOSED) {
            throw new ConflictException("This pulse is closed: set up a new one to ask again.");
        }
        LocalDate today = today();
        LocalDate next = current.nextRoundOn().isBefore(today) ? today : current.nextRoundOn();
        jdbc.sql("""
                        update pulse set status = :status, next_round_on = :next, version = version + 1
                         where id = :id and organization_id = :organization""")
                .param("status", status.name())
                .param("next", next)
                .param("id", id)
                .param("organization", caller.organizationId())
                .update();
        if (status == PulseStatus.ACTIVE) {
            rounds.openDue(today, id);
        }
        return get(caller, id);
    }

    /** A pulse's settings: for admins, and for the members and leads of the teams it goes to (404 otherwise). */
    @Transactional(readOnly = true)
    public PulseView get(Caller caller, UUID id) {
        Head head = head(caller, id);
        Map<UUID, TeamRow> teams = teams(id);
        if (seenTeams(caller, teams).isEmpty()) {
            throw new NotFoundException("Pulse");
        }
        return new PulseView(
                id,
                head.title(),
                questions(id),
                teams.values().stream()
                        .map(team -> new PulseView.TeamRef(team.id(), team.name()))
                        .toList(),
                head.cadence(),
                head.minGroup(),
                head.startsOn(),
                head.nextRoundOn(),
                head.status(),
                head.fixed());
    }

    /**
     * A page of the pulses the caller sees, newest first: all of the organization's for an admin,
     * those going to the caller's team or a team they lead for a member, none for a guest.
     */
    @Transactional(readOnly = true)
    public Page<PulseSummary> list(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Pulses::storableInstant, NEWEST);
        Person me = member(caller);
        String mine = me.isAdmin() ? "" : """
                 and exists (select 1 from pulse_team pt join team t on t.id = pt.team_id
                              where pt.pulse_id = p.id and (pt.team_id = :team or t.lead_id = :me))""";
        JdbcClient.StatementSpec statement = jdbc.sql(
                        """
                        select p.id, p.title, p.status, p.cadence, p.next_round_on, p.created_at from pulse p
                         where p.organization_id = :organization
                           and (p.created_at < :before or (p.created_at = :before and p.id < :beforeId))""" + mine + " order by p.created_at desc, p.id desc limit :limit")
                .param("organization", caller.organizationId())
                .param("before", Timestamp.from(Instant.parse(after.position())))
                .param("beforeId", after.id())
                .param("limit", limit + 1);
        if (!me.isAdmin()) {
            statement = statement.param("team", me.getTeamId()).param("me", caller.personId());
        }
        List<PulseSummary> rows = statement
                .query((rs, row) -> new PulseSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        PulseStatus.valueOf(rs.getString("status")),
                        Cadence.valueOf(rs.getString("cadence")),
                        rs.getObject("next_round_on", LocalDate.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return Page.of(rows, limit, last -> new Cursor(last.createdAt().toString(), last.id()));
    }

    // --- answering (members) ---------------------------------------------------------------

    /**
     * A page of the open rounds the caller is asked to answer (those of pulses going to their
     * team), newest first, each saying whether they have answered. A guest or someone without a
     * team is asked nothing.
     */
    @Transactional(readOnly = true)
    public Page<AskedRound> asked(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, LocalDate::parse, LATEST_ROUND);
        Person me = member(caller);
        if (me.getTeamId() == null) {
            return Page.empty();
        }
        List<AskedRound> rows = jdbc.sql(ROUNDS_ASKED + """
                           and r.closes_on > :today
                           and (r.opens_on < :before or (r.opens_on = :before and r.id < :beforeId))
                         order by r.opens_on desc, r.id desc limit :limit""")
                .param("organization", caller.organizationId())
                .param("team", me.getTeamId())
                .param("me", caller.personId())
                .param("today", today())
                .param("before", LocalDate.parse(after.position()))
                .param("beforeId", after.id())
                .param("limit", limit + 1)
                .query((rs, row) -> askedRound(rs))
                .list();
        return Page.of(rows, limit, last -> new Cursor(last.opensOn().toString(), last.roundId()));
    }

    /** A round the caller is asked to answer, with its questions, open or not (404 if they are not asked). */
    public record Ballot(AskedRound round, List<PulseView.Question> questions, boolean open) {}

    @Transactional(readOnly = true)
    public Ballot ballot(Caller caller, UUID roundId) {
        Person me = people.me(caller);
        if (me.isGuest() || me.getTeamId() == null) {
            throw new NotFoundException("Pulse round");
        }
        AskedRound round = jdbc.sql(ROUNDS_ASKED + " and r.id = :round")
                .param("organization", caller.organizationId())
                .param("team", me.getTeamId())
                .param("me", caller.personId())
                .param("round", roundId)
                .query((rs, row) -> askedRound(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("Pulse round"));
        LocalDate today = today();
        boolean open = !round.opensOn().isAfter(today) && round.closesOn().isAfter(today);
        return new Ballot(round, questions(round.pulseId()), open);
    }

    /**
     * Answers an open round, once: the receipt that the caller has answered and the answers, which
     * do not name them, are written together. Each question needs a score from 1 to 5.
     */
    @Transactional
    public void answer(Caller caller, UUID roundId, AnswerDraft draft) {
        Ballot ballot = ballot(caller, roundId);
        if (!ballot.open()) {
            throw new RuleViolationException("ROUND_CLOSED", null, "This round is closed: it takes no more answers.");
        }
        if (ballot.round().answered()) {
            throw alreadyAnswered();
        }
        List<PulseView.Question> questions = ballot.questions();
        if (draft.scores().size() != questions.size()) {
            throw new RuleViolationException(
                    "SCORES", "scores", "Answer each of the " + questions.size() + " questions from 1 to 5.");
        }
        int receipts = jdbc.sql("""
                        insert into pulse_receipt (round_id, person_id) values (:round, :me)
                        on conflict do nothing""")
                .param("round", roundId)
                .param("me", caller.personId())
                .update();
        if (receipts == 0) {
            throw alreadyAnswered();
        }
        UUID team = people.me(caller).getTeamId();
        List<SqlParameterSource> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            answers.add(new MapSqlParameterSource("id", UUID.randomUUID())
                    .addValue("round", roundId)
                    .addValue("team", team)
                    .addValue("question", questions.get(i).id())
                    .addValue("score", draft.scores().get(i)));
        }
        Collections.shuffle(answers);
        batches.batchUpdate("""
                insert into pulse_answer (id, round_id, team_id, question_id, score)
                values (:id, :round, :team, :question, :score)""", answers.toArray(SqlParameterSource[]::new));
        if (draft.comment() != null && !draft.comment().isBlank()) {
            jdbc.sql("insert into pulse_comment (id, round_id, team_id, text) values (:id, :round, :team, :text)")
                    .param("id", UUID.randomUUID())
                    .param("round", roundId)
                    .param("team", team)
                    .param("text", draft.comment().strip())
                    .update();
        }
    }

    // --- results ---------------------------------------------------------------------------

    /**
     * A pulse's results as the caller may see them (404 if they see none): one closed round, the
     * latest unless {@code roundId} names another, and the last {@value #TREND_ROUNDS} closed rounds
     * over time. A fixed number of statements, whatever the number of people and answers.
     */
    @Transactional(readOnly = true)
    public PulseReport report(Caller caller, UUID pulseId, UUID roundId) {
        Head head = head(caller, pulseId);
        Map<UUID, TeamRow> teams = teams(pulseId);
        Set<UUID> seen = seenTeams(caller, teams);
        if (seen.isEmpty()) {
            throw new NotFoundException("Pulse");
        }
        List<PulseView.Question> questions = questions(pulseId);
        LocalDate today = today();
        List<PulseReport.Round> closed = new ArrayList<>(jdbc.sql("""
                        select id, opens_on, closes_on from pulse_round
                         where pulse_id = :pulse and closes_on <= :today
                         order by opens_on desc, id desc limit :most""")
                .param("pulse", pulseId)
                .param("today", today)
                .param("most", TREND_ROUNDS)
                .query((rs, row) -> new PulseReport.Round(
                        rs.getObject("id", UUID.class),
                        rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class)))
                .list());
        PulseReport.Round chosen = closed.isEmpty() ? null : closed.get(0);
        if (roundId != null) {
            chosen = closed.stream()
                    .filter(round -> round.id().equals(roundId))
                    .findFirst()
                    .orElseGet(() -> olderRound(pulseId, roundId, today));
        }
        List<PulseReport.Round> counted = new ArrayList<>(closed);
        if (chosen != null && !counted.contains(chosen)) {
            counted.add(chosen);
        }
        Tally tally = Tally.of(
                counted.isEmpty()
                        ? List.of()
                        : jdbc.sql("""
                                        select round_id, team_id, question_id, score, count(*) as answers from pulse_answer
                                         where round_id in (:rounds)
                                         group by round_id, team_id, question_id, score""")
                                .param(
                                        "rounds",
                                        counted.stream()
                                                .map(PulseReport.Round::id)
                                                .toList())
                                .query((rs, row) -> new Tally.Cell(
                                        rs.getObject("round_id", UUID.class),
                                        rs.getObject("team_id", UUID.class),
                                        rs.getObject("question_id", UUID.class),
                                        rs.getInt("score"),
                                        rs.getLong("answers")))
                                .list(),
                new Anonymity(head.minGroup()),
                questions);
        List<TeamRow> visible =
                teams.values().stream().filter(team -> seen.contains(team.id())).toList();
        List<PulseReport.Group> groups = new ArrayList<>();
        if (chosen != null) {
            Map<UUID, List<String>> comments = comments(chosen.id(), tally.shownTeams(chosen.id(), seen));
            for (TeamRow team : visible) {
                groups.add(
                        tally.group(chosen.id(), team.id(), team.name(), comments.getOrDefault(team.id(), List.of())));
            }
            groups.add(tally.group(chosen.id(), null, ALL_TEAMS, List.of()));
        }
        List<PulseReport.Round> oldestFirst = new ArrayList<>(closed);
        Collections.reverse(oldestFirst);
        List<PulseReport.Trend> trends = new ArrayList<>();
        for (TeamRow team : visible) {
            trends.add(tally.trend(oldestFirst, team.id(), team.name()));
        }
        trends.add(tally.trend(oldestFirst, null, ALL_TEAMS));
        return new PulseReport(pulseId, head.title(), head.minGroup(), questions, closed, chosen, groups, trends);
    }

    /** What the results call all the pulse's teams together. */
    public static final String ALL_TEAMS = "All teams";

    private PulseReport.Round olderRound(UUID pulseId, UUID roundId, LocalDate today) {
        return jdbc.sql("""
                        select id, opens_on, closes_on from pulse_round
                         where id = :round and pulse_id = :pulse and closes_on <= :today""")
                .param("round", roundId)
                .param("pulse", pulseId)
                .param("today", today)
                .query((rs, row) -> new PulseReport.Round(
                        rs.getObject("id", UUID.class),
                        rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class)))
                .optional()
                .orElseThrow(() -> new NotFoundException("Closed round"));
    }

    /** The comments of these teams in a round, by team, each team's in the order of their text (never of their writing). */
    private Map<UUID, List<String>> comments(UUID roundId, Set<UUID> teams) {
        if (teams.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<String>> byTeam = new HashMap<>();
        jdbc.sql("""
                        select team_id, text from pulse_comment
                         where round_id = :round and team_id in (:teams) order by text, id""").param("round", roundId).param("teams", teams).query(rs -> {
            byTeam.computeIfAbsent(rs.getObject("team_id", UUID.class), team -> new ArrayList<>())
                    .add(rs.getString("text"));
        });
        return byTeam;
    }

    // --- reads -----------------------------------------------------------------------------

    private static final String ROUNDS_ASKED = """
            select r.id, r.pulse_id, p.title, r.opens_on, r.closes_on,
                   (select count(*) from pulse_receipt x where x.round_id = r.id and x.person_id = :me) as answered
              from pulse_round r
              join pulse p on p.id = r.pulse_id
             where r.organization_id = :organization
               and r.pulse_id in (select pt.pulse_id from pulse_team pt where pt.team_id = :team)
            """;

    private static AskedRound askedRound(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AskedRound(
                rs.getObject("id", UUID.class),
                rs.getObject("pulse_id", UUID.class),
                rs.getString("title"),
                rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class),
                rs.getLong("answered") > 0);
    }

    private record Head(
            String title,
            Cadence cadence,
            int minGroup,
            LocalDate startsOn,
            LocalDate nextRoundOn,
            PulseStatus status,
            boolean fixed) {}

    private Head head(Caller caller, UUID id) {
        return jdbc.sql("""
                        select p.title, p.cadence, p.min_group, p.starts_on, p.next_round_on, p.status,
                               (select count(*) from pulse_round r where r.pulse_id = p.id) as rounds
                          from pulse p where p.id = :id and p.organization_id = :organization""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .query((rs, row) -> new Head(
                        rs.getString("title"),
                        Cadence.valueOf(rs.getString("cadence")),
                        rs.getInt("min_group"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("next_round_on", LocalDate.class),
                        PulseStatus.valueOf(rs.getString("status")),
                        rs.getLong("rounds") > 0))
                .optional()
                .orElseThrow(() -> new NotFoundException("Pulse"));
    }

    private record TeamRow(UUID id, String name, UUID leadId) {}

    /** A pulse's teams, by name. */
    private Map<UUID, TeamRow> teams(UUID pulseId) {
        Map<UUID, TeamRow> teams = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.id, t.name, t.lead_id from pulse_team pt join team t on t.id = pt.team_id
                         where pt.pulse_id = :pulse order by t.name, t.id""").param("pulse", pulseId).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            teams.put(id, new TeamRow(id, rs.getString("name"), rs.getObject("lead_id", UUID.class)));
        });
        return teams;
    }

    private Set<UUID> seenTeams(Caller caller, Map<UUID, TeamRow> teams) {
        Map<UUID, UUID> leads = new HashMap<>();
        teams.values().forEach(team -> leads.put(team.id(), team.leadId()));
        return policy.pulseTeamsSeenBy(caller, leads);
    }

    private List<PulseView.Question> questions(UUID pulseId) {
        return jdbc.sql("select id, position, text from pulse_question where pulse_id = :pulse order by position")
                .param("pulse", pulseId)
                .query((rs, row) -> new PulseView.Question(
                        rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("text")))
                .list();
    }

    private List<UUID> teamsOf(Caller caller, List<UUID> teamIds) {
        List<UUID> distinct = teamIds.stream().distinct().toList();
        long known = jdbc.sql("select count(*) from team where organization_id = :organization and id in (:teams)")
                .param("organization", caller.organizationId())
                .param("teams", distinct)
                .query(Long.class)
                .single();
        if (known != distinct.size()) {
            throw new RuleViolationException("UNKNOWN_TEAM", "teamIds", "There is no such team in this organization.");
        }
        return distinct;
    }

    private void writeQuestions(UUID pulseId, List<String> questions) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            rows.add(new MapSqlParameterSource("id", UUID.randomUUID())
                    .addValue("pulse", pulseId)
                    .addValue("position", i + 1)
                    .addValue("text", questions.get(i).strip()));
        }
        batches.batchUpdate(
                "insert into pulse_question (id, pulse_id, position, text) values (:id, :pulse, :position, :text)",
                rows.toArray(SqlParameterSource[]::new));
    }

    private void writeTeams(UUID pulseId, List<UUID> teams) {
        batches.batchUpdate(
                "insert into pulse_team (pulse_id, team_id) values (:pulse, :team)",
                teams.stream()
                        .map(team -> new MapSqlParameterSource("pulse", pulseId).addValue("team", team))
                        .toArray(SqlParameterSource[]::new));
    }

    /** The caller as a member: a guest is never asked and sees no pulse (404). */
    private Person member(Caller caller) {
        Person me = people.me(caller);
        if (me.isGuest()) {
            throw new NotFoundException("Pulse");
        }
        return me;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private static RuleViolationException startsInPast() {
        return new RuleViolationException("STARTS_IN_PAST", "startsOn", "A pulse starts today or later.");
    }

    private static RuleViolationException alreadyAnswered() {
        return new RuleViolationException(
                "ALREADY_ANSWERED", null, "You have already answered this round: each person answers once.");
    }

    private static Instant storableInstant(String text) {
        Instant instant = Instant.parse(text);
        if (!StorableTime.contains(instant)) {
            throw new IllegalArgumentException("not a time the database keeps: " + text);
        }
        return instant;
    }
}
