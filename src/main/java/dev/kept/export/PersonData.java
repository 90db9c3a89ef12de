package dev.kept.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything of one person's, read from the other modules' tables with read-only SQL: a fixed
 * number of statements per kind, whatever the number of items (children are read for all parents
 * at once and attached in memory). Each statement selects only what the person owns, wrote or was
 * addressed: never another person's private note, never a commitment of someone else (what the
 * person wrote on one, a challenge or a flag, names it by id only), and no other person's e-mail.
 */
@Component
class PersonData {

    /** One kind of item, as a file of the archive holds it. */
    record Kind(String file, String title, Map<String, Object> content) {}

    /** The commitments {@code c} the person owns or co-owns (a co-owner sees even a private one). */
    private static final String MINE = " c.organization_id = :organization and (c.owner_id = :person or exists"
            + " (select 1 from co_owner mine where mine.commitment_id = c.id and mine.person_id = :person)) ";

    /** The partnerships {@code p} the person is in, minus an invitation silenced for them. */
    private static final String MY_PARTNERSHIPS = " p.organization_id = :organization"
            + " and (p.inviter_id = :person or (p.partner_id = :person and not p.silenced)) ";

    private final JdbcClient jdbc;

    PersonData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Kind> of(UUID organizationId, UUID personId, Instant now) {
        Reader read = new Reader(organizationId, personId, now);
        return List.of(
                profile(read),
                commitments(read),
                challenges(read),
                checkIns(read),
                expectations(read),
                partnerships(read),
                kudos(read),
                flags(read),
                helpOffers(read),
                advice(read),
                decisions(read),
                matching(read),
                notifications(read));
    }

    private Kind profile(Reader read) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("person", read.rows("""
                                select p.id, p.name, p.email, p.title, t.name as team, p.region, p.level,
                                       m.name as manager, p.role, p.status, p.time_zone, p.created_at
                                  from person p
                                  left join team t on t.id = p.team_id
                                  left join person m on m.id = p.manager_id
                                 where p.id = :person and p.organization_id = :organization""").stream().findFirst().orElse(Map.of()));
        content.put(
                "strengths",
                read.rows("select strength from person_strength where person_id = :person order by strength").stream()
                        .map(row -> row.get("strength"))
                        .toList());
        content.put(
                "preferences",
                read.rows("select * from person_preference where person_id = :person").stream()
                        .peek(row -> row.remove("personId"))
                        .findFirst()
                        .orElse(Map.of()));
        return new Kind("profile.json", "Profile", content);
    }

    private Kind commitments(Reader read) {
        List<Map<String, Object>> commitments = read.rows("""
                select c.id, o.name as owner, c.what, c.done_when, c.why, c.due, c.visibility, c.status,
                       c.percent, c.confidence, g.title as goal, mt.name as made_to, c.outcome, c.reflection,
                       c.confirmation, cb.name as confirmed_by, c.confirmation_comment, c.confirmed_at,
                       c.renegotiated, c.created_at, c.aligned_at, c.owned_at, c.last_progress_at,
                       c.updated_at, c.closed_at
                  from commitment c
                  join person o on o.id = c.owner_id
                  left join person mt on mt.id = c.made_to_id
                  left join person cb on cb.id = c.confirmed_by
                  left join goal g on g.id = c.goal_id
                 where """ + MINE + """
                 order by c.created_at, c.id""");
        read.attach(commitments, "coOwners", """
                select co.commitment_id, p.name, co.status, co.invited_at, co.accepted_at
                  from co_owner co join person p on p.id = co.person_id
                  join commitment c on c.id = co.commitment_id
                 where """ + MINE + " order by co.commitment_id, co.invited_at");
        read.attach(
                commitments, "sharedWithPartnerships", """
                select cs.commitment_id, cs.partnership_id
                  from commitment_share cs join commitment c on c.id = cs.commitment_id
                 where """ + MINE + " order by cs.commitment_id, cs.partnership_id");
        read.attach(commitments, "milestones", """
                select m.commitment_id, m.position, m.title, m.due, m.done_at, m.created_at
                  from milestone m join commitment c on c.id = m.commitment_id
                 where """ + MINE + " order by m.commitment_id, m.position");
        read.attach(commitments, "progressUpdates", """
                select u.commitment_id, u.position, a.name as author, u.percent, u.confidence, u.control,
                       u.needs, u.note, u.created_at
                  from progress_update u join person a on a.id = u.author_id
                  join commitment c on c.id = u.commitment_id
                 where """ + MINE + " order by u.commitment_id, u.position");
        read.attach(commitments, "renegotiations", """
                select r.commitment_id, r.position, pb.name as proposed_by, r.reason, r.old_due, r.new_due,
                       r.old_done_when, r.new_done_when, r.status, db.name as decided_by, r.decided_at, r.created_at
                  from renegotiation r join person pb on pb.id = r.proposed_by
                  left join person db on db.id = r.decided_by
                  join commitment c on c.id = r.commitment_id
                 where """ + MINE + " order by r.commitment_id, r.position");
        read.attach(commitments, "reflections", """
                select r.commitment_id, r.position, a.name as author, r.worked, r.change_next, r.created_at
                  from reflection r join person a on a.id = r.author_id
                  join commitment c on c.id = r.commitment_id
                 where """ + MINE + " order by r.commitment_id, r.position");
        read.attach(commitments, "challenges", received(read));
        return new Kind("commitments.json", "Commitments", Map.of("commitments", commitments));
    }

    /** The challenges on the person's own commitments, with the answers, read once per export. */
    private List<Map<String, Object>> received(Reader read) {
        return read.memo("received", () -> {
            List<Map<String, Object>> challenges = read.rows("""
                    select ch.commitment_id, ch.id, a.name as author, ch.kind, ch.message, ch.helpful,
                           ch.created_at, ch.answered_at
                      from challenge ch join person a on a.id = ch.author_id
                      join commitment c on c.id = ch.commitment_id
                     where """ + MINE + " order by ch.created_at, ch.id");
            read.attach(challenges, "answers", """
                    select ca.challenge_id, ca.position, a.name as author, ca.message, ca.created_at
                      from challenge_answer ca join person a on a.id = ca.author_id
                      join challenge ch on ch.id = ca.challenge_id
                      join commitment c on c.id = ch.commitment_id
                     where """ + MINE + " order by ca.challenge_id, ca.position");
            return challenges;
        });
    }

    private Kind challenges(Reader read) {
        // on someone else's commitment, only what the person wrote and the answers to it: the
        // commitment itself is its owner's, named by id
        List<Map<String, Object>> written = read.rows("""
                select ch.id, ch.commitment_id, o.name as commitment_owner, ch.kind, ch.message, ch.helpful,
                       ch.created_at, ch.answered_at
                  from challenge ch join person o on o.id = ch.owner_id
                 where ch.organization_id = :organization and ch.author_id = :person
                 order by ch.created_at, ch.id""");
        read.attach(written, "answers", """
                select ca.challenge_id, ca.position, a.name as author, ca.message, ca.created_at
                  from challenge_answer ca join person a on a.id = ca.author_id
                  join challenge ch on ch.id = ca.challenge_id
                 where ch.organization_id = :organization and ch.author_id = :person
                 order by ca.challenge_id, ca.position""");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("written", written);
        content.put("receivedOnMyCommitments", received(read));
        return new Kind("challenges.json", "Challenges", content);
    }

    private Kind checkIns(Reader read) {
        // check-ins held or past, and any with a note; the schedule's future occurrences add nothing
        List<Map<String, Object>> checkIns = read.rows("""
                select ci.id, ci.partnership_id, ci.occurs_on, ci.starts_at, ci.duration_minutes, ci.status,
                       ci.moved_from, ci.recorded_at
                  from check_in ci join partnership p on p.id = ci.partnership_id
                 where """ + MY_PARTNERSHIPS + """
                   and (ci.starts_at <= :now
                        or exists (select 1 from checkin_note n where n.check_in_id = ci.id and n.author_id = :person))
                 order by ci.starts_at, ci.id""");
        // the person's own notes, shared or private, wherever they wrote them; the partner's shared
        // notes while the partnership is active, as the app shows them; never the partner's private ones
        read.attach(checkIns, "notes", """
                select n.check_in_id, n.id, a.name as author, n.text, n.is_private as private_note, n.created_at
                  from checkin_note n join person a on a.id = n.author_id
                  join check_in ci on ci.id = n.check_in_id
                  join partnership p on p.id = ci.partnership_id
                 where """ + MY_PARTNERSHIPS + """
                   and (n.author_id = :person or (not n.is_private and p.status = 'ACTIVE'))
                 order by n.check_in_id, n.created_at, n.id""");
        List<Map<String, Object>> nextSteps = read.rows("""
                select s.id, s.partnership_id, s.check_in_id, s.text, o.name as owner, s.due, s.done_at, s.created_at
                  from next_step s join person o on o.id = s.owner_id
                  join partnership p on p.id = s.partnership_id
                 where """ + MY_PARTNERSHIPS + """
                   and (s.owner_id = :person or s.created_by_id = :person or p.status = 'ACTIVE')
                 order by s.created_at, s.id""");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("checkIns", checkIns);
        content.put("nextSteps", nextSteps);
        return new Kind("check-ins.json", "Check-ins", content);
    }

    private Kind expectations(Reader read) {
        String whose = " e.organization_id = :organization"
                + " and (e.requester_id = :person or e.to_person_id = :person or e.accepted_by = :person) ";
        List<Map<String, Object>> expectations = read.rows("""
                select e.id, r.name as requester, tp.name as to_person, tt.name as to_team, e.what, e.done_when,
                       e.due, e.why, e.status, e.decline_reason, e.commitment_id, ab.name as accepted_by,
                       e.accepted_at, e.created_at, e.updated_at
                  from expectation e join person r on r.id = e.requester_id
                  left join person tp on tp.id = e.to_person_id
                  left join team tt on tt.id = e.to_team_id
                  left join person ab on ab.id = e.accepted_by
                 where """ + whose + " order by e.created_at, e.id");
        read.attach(expectations, "messages", """
                select m.expectation_id, m.position, a.name as author, m.kind, m.text, m.proposed_due,
                       m.proposed_done_when, m.counter_status, m.decided_at, m.created_at
                  from expectation_message m join person a on a.id = m.author_id
                  join expectation e on e.id = m.expectation_id
                 where """ + whose + " order by m.expectation_id, m.position");
        return new Kind("expectations.json", "Expectations", Map.of("expectations", expectations));
    }

    private Kind partnerships(Reader read) {
        List<Map<String, Object>> partnerships = read.rows("""
                select p.id, i.name as inviter, pa.name as partner, p.kind, p.status, p.message, p.cadence,
                       p.inviter_challenge, p.partner_challenge, p.created_at, p.accepted_at, p.ended_at
                  from partnership p join person i on i.id = p.inviter_id join person pa on pa.id = p.partner_id
                 where """ + MY_PARTNERSHIPS + " order by p.created_at, p.id");
        List<Map<String, Object>> competitors = read.rows("""
                select p.name as competitor from competitor_declaration d join person p on p.id = d.competitor_id
                 where d.organization_id = :organization and d.person_id = :person order by p.name""");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("partnerships", partnerships);
        content.put("competitorsIDeclared", competitors);
        return new Kind("partnerships.json", "Partnerships", content);
    }

    private Kind kudos(Reader read) {
        List<Map<String, Object>> kudos = read.rows("""
                select k.id, case when k.giver_id = :person then 'GIVEN' else 'RECEIVED' end as direction,
                       g.name as giver, tp.name as to_person, tt.name as to_team, k.message, k.for_type, k.for_id,
                       k.across_teams, k.created_at
                  from kudos k join person g on g.id = k.giver_id
                  left join person tp on tp.id = k.to_person_id
                  left join team tt on tt.id = k.to_team_id
                 where k.organization_id = :organization and (k.giver_id = :person or k.to_person_id = :person)
                 order by k.created_at, k.id""");
        return new Kind("kudos.json", "Kudos", Map.of("kudos", kudos));
    }

    private Kind flags(Reader read) {
        List<Map<String, Object>> flags = read.rows("""
                select f.id, case when f.raised_by = :person then 'RAISED' else 'RECEIVED' end as direction,
                       r.name as raised_by, f.target_type, f.target_id, f.noticed, f.question, f.help_offer_id,
                       f.status, f.answer, ab.name as answered_by, f.answered_at, f.note, cb.name as closed_by,
                       f.closed_at, f.created_at
                  from jeopardy_flag f join person r on r.id = f.raised_by
                  left join person ab on ab.id = f.answered_by
                  left join person cb on cb.id = f.closed_by
                 where f.organization_id = :organization
                   and (f.raised_by = :person or f.answered_by = :person
                        or exists (select 1 from jeopardy_flag_owner fo where fo.flag_id = f.id and fo.person_id = :person))
                 order by f.created_at, f.id""");
        return new Kind("flags.json", "Jeopardy flags", Map.of("flags", flags));
    }

    private Kind helpOffers(Reader read) {
        List<Map<String, Object>> offers = read.rows("""
                select h.id, case when h.offered_by = :person then 'GIVEN' else 'RECEIVED' end as direction,
                       o.name as offered_by, tp.name as to_person, tt.name as to_team, h.kind, h.what,
                       h.target_type, h.target_id, h.flag_id, h.status, h.decline_reason, ab.name as answered_by,
                       h.answered_at, h.created_at
                  from help_offer h join person o on o.id = h.offered_by
                  left join person tp on tp.id = h.to_person_id
                  left join team tt on tt.id = h.to_team_id
                  left join person ab on ab.id = h.answered_by
                 where h.organization_id = :organization
                   and (h.offered_by = :person or h.to_person_id = :person or h.answered_by = :person)
                 order by h.created_at, h.id""");
        return new Kind("help-offers.json", "Help offers", Map.of("helpOffers", offers));
    }

    private Kind advice(Reader read) {
        List<Map<String, Object>> asked = read.rows("""
                select r.id, r.question, r.details, r.created_at, r.closed_at
                  from advice_request r
                 where r.organization_id = :organization and r.asker_id = :person
                 order by r.created_at, r.id""");
        read.attach(asked, "answers", """
                select a.advice_request_id, a.id, p.name as author, a.text, a.helpful, a.created_at
                  from advice_answer a join person p on p.id = a.author_id
                  join advice_request r on r.id = a.advice_request_id
                 where r.organization_id = :organization and r.asker_id = :person
                 order by a.advice_request_id, a.created_at, a.id""");
        List<Map<String, Object>> answered = read.rows("""
                select a.id, a.advice_request_id, q.name as asker, r.question, a.text, a.helpful, a.created_at
                  from advice_answer a join advice_request r on r.id = a.advice_request_id
                  join person q on q.id = r.asker_id
                 where r.organization_id = :organization and a.author_id = :person
                 order by a.created_at, a.id""");
        List<Map<String, Object>> invited = read.rows("""
                select r.id as advice_request_id, q.name as asker, r.question, r.created_at
                  from advice_invitation i join advice_request r on r.id = i.advice_request_id
                  join person q on q.id = r.asker_id
                 where r.organization_id = :organization and i.person_id = :person
                 order by r.created_at, r.id""");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("asked", asked);
        content.put("answered", answered);
        content.put("invitedToAnswer", invited);
        return new Kind("advice.json", "Advice", content);
    }

    private Kind decisions(Reader read) {
        List<Map<String, Object>> recorded = read.rows("""
                select d.* from decision_note d
                 where d.organization_id = :organization and d.author_id = :person
                 order by d.created_at, d.id""");
        recorded.forEach(row -> row.remove("authorId"));
        List<Map<String, Object>> comments = read.rows("""
                select c.id, c.decision_id, c.text, c.created_at
                  from decision_comment c join decision_note d on d.id = c.decision_id
                 where d.organization_id = :organization and c.author_id = :person
                 order by c.created_at, c.id""");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("decisionsRecorded", recorded);
        content.put("comments", comments);
        return new Kind("decisions.json", "Decisions", content);
    }

    private Kind matching(Reader read) {
        String mine = " where mp.organization_id = :organization and mp.person_id = :person ";
        List<Map<String, Object>> programs = read.rows("""
                select mp.program_id as id, g.name as program, mp.time_zone, mp.preferred_cadence, mp.joined_at,
                       mp.updated_at
                  from matching_participant mp join matching_program g on g.id = mp.program_id""" + mine + """
                 order by mp.joined_at, mp.program_id""");
        read.attach(programs, "tags", """
                select t.program_id, t.kind, t.tag
                  from matching_participant_tag t
                  join matching_participant mp on mp.program_id = t.program_id and mp.person_id = t.person_id""" + mine + """
                 order by t.program_id, t.kind, t.tag""");
        read.attach(programs, "peopleIRespect", """
                select r.program_id, p.name
                  from matching_respect r join person p on p.id = r.respected_id
                  join matching_participant mp on mp.program_id = r.program_id and mp.person_id = r.person_id""" + mine + """
                 order by r.program_id, p.name""");
        List<Map<String, Object>> proposals = read.rows("""
                select m.proposal_id as id, g.name as program, pr.kind, pr.status, m.answer, m.answered_at,
                       pr.created_at, pr.decided_at
                  from match_proposal_member m join match_proposal pr on pr.id = m.proposal_id
                  join matching_program g on g.id = pr.program_id
                 where pr.organization_id = :organization and m.person_id = :person
                 order by pr.created_at, pr.id""");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("programsJoined", programs);
        content.put("matchesProposed", proposals);
        return new Kind("matching.json", "Matching", content);
    }

    private Kind notifications(Reader read) {
        List<Map<String, Object>> notifications = read.rows("""
                select n.id, n.kind, n.text, n.link, n.created_at, n.read_at
                  from notification n
                 where n.organization_id = :organization and n.person_id = :person
                 order by n.created_at, n.id""");
        return new Kind("notifications.json", "Notifications", Map.of("notifications", notifications));
    }

    /** Runs the statements of one export with its parameters, and maps every row the same way. */
    private final class Reader {

        private final Map<String, Object> parameters;
        private final Map<String, List<Map<String, Object>>> memos = new LinkedHashMap<>();

        Reader(UUID organizationId, UUID personId, Instant now) {
            this.parameters = Map.of("organization", organizationId, "person", personId, "now", Timestamp.from(now));
        }

        List<Map<String, Object>> rows(String sql) {
            return jdbc.sql(sql).params(parameters).query(Reader::row).list();
        }

        List<Map<String, Object>> memo(String key, java.util.function.Supplier<List<Map<String, Object>>> rows) {
            return memos.computeIfAbsent(key, k -> rows.get());
        }

        void attach(List<Map<String, Object>> parents, String name, String sql) {
            attach(parents, name, rows(sql));
        }

        /** Attaches to each parent (by its {@code id}) the children whose first column names it. */
        void attach(List<Map<String, Object>> parents, String name, List<Map<String, Object>> children) {
            Map<Object, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
            for (Map<String, Object> child : children) {
                Map<String, Object> copy = new LinkedHashMap<>(child);
                Object parent = copy.remove(copy.keySet().iterator().next());
                byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(copy);
            }
            for (Map<String, Object> parent : parents) {
                parent.put(name, byParent.getOrDefault(parent.get("id"), List.of()));
            }
        }

        private static Map<String, Object> row(ResultSet rs, int number) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                row.put(camel(meta.getColumnLabel(column)), plain(rs.getObject(column)));
            }
            return row;
        }

        /** A value as JSON writes it plainly: times as ISO-8601 text, ids as text. */
        private static Object plain(Object value) {
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant().toString();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant().toString();
            }
            if (value instanceof java.sql.Date date) {
                return date.toLocalDate().toString();
            }
            if (value instanceof UUID || value instanceof java.time.temporal.Temporal) {
                return value.toString();
            }
            return value;
        }

        private static String camel(String column) {
            StringBuilder name = new StringBuilder();
            boolean upper = false;
            for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return name.toString();
        }
    }
}
