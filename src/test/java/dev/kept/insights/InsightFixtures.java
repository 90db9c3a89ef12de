package dev.kept.insights;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organization with known numbers for the insight tests: people and teams made over the API,
 * then commitments closed with chosen outcomes and dates, renegotiations, check-ins, challenges,
 * thanks and offers of help written straight to the tables, so that every date is the test's.
 *
 * <p>Team T (lead L, members P, M2, M3, M4 and L: five) and team U (X alone). P's time zone is
 * Europe/Berlin, everyone else's UTC. The clock stands at {@link #NOW}, a Monday.
 */
public final class InsightFixtures {

    public static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    public record World(
            Account admin,
            UUID t,
            UUID u,
            Account lead,
            Account p,
            Account m2,
            Account m3,
            Account m4,
            Account x,
            Account guest,
            Map<String, UUID> commitments) {}

    private final ApiFixtures api;
    private final JdbcClient jdbc;

    public InsightFixtures(ApiFixtures api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public World world() {
        Account admin = api.signUp();
        Account lead = api.join(admin);
        UUID t = api.team(admin, ApiFixtures.unique("T"), lead);
        Account x = api.join(admin);
        UUID u = api.team(admin, ApiFixtures.unique("U"), x);
        Account p = api.join(admin, Map.of("teamId", t.toString()));
        Account m2 = api.join(admin, Map.of("teamId", t.toString()));
        Account m3 = api.join(admin, Map.of("teamId", t.toString()));
        Account m4 = api.join(admin, Map.of("teamId", t.toString()));
        Account guest = api.guest(p, "COACH");
        jdbc.sql("update person set time_zone = 'Europe/Berlin' where id = :id")
                .param("id", p.personId())
                .update();
        Map<String, UUID> c = new java.util.LinkedHashMap<>();
        UUID org = admin.organizationId();
        // P's closed commitments: name, visibility, outcome, due, closed at, renegotiations agreed
        c.put("1", closed(org, p, "ORGANIZATION", "KEPT", "2026-03-10", "2026-03-09T10:00:00Z", 0));
        // 23:30 in Berlin on the due date: on time
        c.put("2", closed(org, p, "ORGANIZATION", "KEPT", "2026-03-10", "2026-03-10T22:30:00Z", 0));
        // 00:30 the day after in Berlin, though still the due date in UTC: late
        c.put("3", closed(org, p, "ORGANIZATION", "KEPT", "2026-03-10", "2026-03-10T23:30:00Z", 0));
        c.put("4", closed(org, p, "TEAM", "NOT_KEPT", "2026-03-20", "2026-03-21T09:00:00Z", 0));
        c.put("5", closed(org, p, "PRIVATE", "DROPPED", "2026-03-25", "2026-03-15T09:00:00Z", 1));
        renegotiation(c.get("5"), 0, p, "2026-03-25", "2026-04-25", "ACCEPTED", "2026-03-14T09:00:00Z");
        c.put("6", closed(org, p, "PARTNERS", "KEPT", "2026-04-10", "2026-04-10T08:00:00Z", 1));
        renegotiation(c.get("6"), 0, p, "2026-04-05", "2026-04-10", "ACCEPTED", "2026-04-02T09:00:00Z");
        // renegotiated after the due date it changed: not "before due"
        c.put("7", closed(org, p, "TEAM", "PARTLY_KEPT", "2026-04-15", "2026-04-16T09:00:00Z", 1));
        renegotiation(c.get("7"), 0, p, "2026-04-10", "2026-04-15", "ACCEPTED", "2026-04-12T09:00:00Z");
        // a declined renegotiation does not count
        c.put("8", closed(org, p, "ORGANIZATION", "KEPT", "2026-04-20", "2026-04-25T09:00:00Z", 0));
        renegotiation(c.get("8"), 0, p, "2026-04-20", "2026-04-30", "DECLINED", "2026-04-18T09:00:00Z");
        // closed at 00:30 on June 1st in Berlin: June, and late
        c.put("9", closed(org, p, "PRIVATE", "KEPT", "2026-05-31", "2026-05-31T22:30:00Z", 0));
        c.put("10", closed(org, p, "TEAM", "KEPT", "2026-05-05", "2026-05-05T12:00:00Z", 0));
        // before the last six months, within the last twelve
        c.put("11", closed(org, p, "ORGANIZATION", "KEPT", "2025-12-20", "2025-12-20T12:00:00Z", 0));
        // P's open commitments: at risk by confidence, behind, silent; one not at risk
        c.put("12", open(org, p, "ORGANIZATION", "2026-07-30", 40, "AT_RISK", "2026-06-14T09:00:00Z", null));
        c.put("13", open(org, p, "PRIVATE", "2026-06-18", 10, "ON_TRACK", "2026-06-14T09:00:00Z", null));
        UUID g1 = goal(org, t, lead, "Onboarding takes a day");
        UUID g2 = goal(org, u, x, "Support answers within the hour");
        UUID g0 = goal(org, null, admin, "Customers succeed in month one");
        coOwn(org, g2, u, 0);
        coOwn(org, g2, t, 1);
        c.put("14", open(org, p, "TEAM", "2026-08-30", 60, "ON_TRACK", "2026-06-14T09:00:00Z", g2));
        c.put("15", open(org, p, "ORGANIZATION", "2026-09-30", 0, null, null, null));
        serve(c.get("1"), g1);
        serve(c.get("4"), g1);
        serve(c.get("5"), g1);
        serve(c.get("8"), g0);
        // M2: organization and team ones count for the team; private and partners ones never
        c.put("20", closed(org, m2, "ORGANIZATION", "KEPT", "2026-04-01", "2026-04-01T10:00:00Z", 0));
        c.put("21", closed(org, m2, "TEAM", "NOT_KEPT", "2026-04-05", "2026-04-06T10:00:00Z", 0));
        c.put("22", closed(org, m2, "PRIVATE", "KEPT", "2026-04-07", "2026-04-07T10:00:00Z", 0));
        c.put("23", closed(org, m2, "PARTNERS", "KEPT", "2026-04-07", "2026-04-07T10:00:00Z", 0));
        c.put("24", open(org, m2, "TEAM", "2026-09-30", 30, "OFF_TRACK", "2026-06-14T09:00:00Z", null));
        c.put("25", open(org, m2, "PRIVATE", "2026-09-30", 30, "OFF_TRACK", "2026-06-14T09:00:00Z", null));
        // X (team U): serving T's co-owned goal, one seen by everyone, one by U only
        c.put("30", closed(org, x, "ORGANIZATION", "KEPT", "2026-04-01", "2026-04-01T10:00:00Z", 0));
        serve(c.get("30"), g2);
        c.put("31", closed(org, x, "TEAM", "KEPT", "2026-04-01", "2026-04-01T10:00:00Z", 0));
        serve(c.get("31"), g2);

        UUID partnership = partnership(org, p, x);
        UUID schedule = schedule(org, partnership, p);
        checkIn(org, schedule, partnership, "2026-03-01T09:00:00Z", "HELD");
        checkIn(org, schedule, partnership, "2026-04-01T09:00:00Z", "SKIPPED");
        checkIn(org, schedule, partnership, "2026-05-01T09:00:00Z", "HELD");
        checkIn(org, schedule, partnership, "2026-05-15T09:00:00Z", "SCHEDULED");
        checkIn(org, schedule, partnership, "2026-05-22T09:00:00Z", "HELD");
        checkIn(org, schedule, partnership, "2026-05-29T09:00:00Z", "MOVED");
        jdbc.sql("update check_in set status = 'HELD' where partnership_id = :p and starts_at = :at")
                .param("p", partnership)
                .param("at", Timestamp.from(Instant.parse("2026-05-29T09:00:00Z")))
                .update();
        checkIn(org, schedule, partnership, "2026-06-05T09:00:00Z", "CANCELLED");
        checkIn(org, schedule, partnership, "2026-06-12T09:00:00Z", "HELD");
        checkIn(org, schedule, partnership, "2026-06-14T12:00:00Z", "SCHEDULED");
        checkIn(org, schedule, partnership, "2026-06-20T09:00:00Z", "SCHEDULED");
        // someone else's check-ins
        UUID others = partnership(org, m2, x);
        UUID othersSchedule = schedule(org, others, m2);
        checkIn(org, othersSchedule, others, "2026-06-01T09:00:00Z", "SKIPPED");

        challenge(org, c.get("1"), p, x, "QUESTION", "2026-03-05T09:00:00Z", true, true);
        challenge(org, c.get("4"), p, x, "QUESTION", "2026-03-06T09:00:00Z", true, false);
        challenge(org, c.get("12"), p, x, "PUSH", "2026-06-01T09:00:00Z", false, null);
        challenge(org, c.get("5"), p, x, "CONCERN", "2026-03-07T09:00:00Z", true, null);
        challenge(org, c.get("11"), p, x, "CONCERN", "2025-11-01T09:00:00Z", true, true);
        challenge(org, c.get("20"), m2, x, "PUSH", "2026-03-07T09:00:00Z", true, true);

        kudos(org, p, null, u, true, null, null, "2026-06-10T09:00:00Z");
        kudos(org, x, null, t, true, null, null, "2026-03-10T09:00:00Z");
        kudos(org, x, m2, null, true, "COMMITMENT", c.get("22"), "2026-03-11T09:00:00Z");
        kudos(org, x, p, null, true, "COMMITMENT", c.get("1"), "2026-03-12T09:00:00Z");
        kudos(org, p, m2, null, false, null, null, "2026-03-13T09:00:00Z");
        kudos(org, x, null, t, true, null, null, "2025-10-01T09:00:00Z");

        help(org, x, null, t, "ACCEPTED", "2026-03-02T09:00:00Z");
        help(org, x, null, t, "PENDING", "2026-03-03T09:00:00Z");
        help(org, x, p, null, "PENDING", "2026-03-04T09:00:00Z");
        help(org, p, null, u, "PENDING", "2026-06-03T09:00:00Z");
        help(org, m2, x, null, "DECLINED", "2026-06-03T10:00:00Z");
        help(org, p, m2, null, "PENDING", "2026-03-05T09:00:00Z");
        help(org, x, null, t, "WITHDRAWN", "2026-03-06T09:00:00Z");
        return new World(admin, t, u, lead, p, m2, m3, m4, x, guest, c);
    }

    /**
     * {@code n} more of everything for each member of T: closed and open commitments, check-ins,
     * challenges, thanks and help, so that a larger organization can be compared with a smaller.
     */
    public void more(World world, int n) {
        UUID org = world.admin().organizationId();
        UUID partnership = partnership(org, world.m3(), world.x());
        UUID schedule = schedule(org, partnership, world.m3());
        for (Account member : java.util.List.of(world.p(), world.m2(), world.m3(), world.m4(), world.lead())) {
            for (int i = 0; i < n; i++) {
                UUID closed = closed(
                        org,
                        member,
                        i % 2 == 0 ? "ORGANIZATION" : "PRIVATE",
                        "KEPT",
                        "2026-02-10",
                        "2026-02-09T10:00:00Z",
                        0);
                open(org, member, "TEAM", "2026-09-30", 30, "OFF_TRACK", "2026-06-14T09:00:00Z", null);
                challenge(org, closed, member, world.x(), "PUSH", "2026-02-01T09:00:00Z", true, true);
                kudos(org, member, null, world.u(), true, null, null, "2026-06-09T09:00:00Z");
                help(org, world.x(), member, null, "PENDING", "2026-06-09T09:00:00Z");
            }
        }
        for (int i = 0; i < n; i++) {
            checkIn(
                    org,
                    schedule,
                    partnership,
                    Instant.parse("2026-01-01T09:00:00Z")
                            .plusSeconds(86_400L * i)
                            .toString(),
                    "HELD");
        }
    }

    UUID closed(
            UUID org, Account owner, String visibility, String outcome, String due, String closedAt, int renegotiated) {
        UUID id = UUID.randomUUID();
        Timestamp created = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.sql("""
                        insert into commitment (id, organization_id, owner_id, what, done_when, due, visibility, status,
                                                percent, outcome, created_at, updated_at, closed_at, version, renegotiated)
                        values (:id, :org, :owner, :what, 'Done when it is done', :due, :visibility, 'CLOSED',
                                100, :outcome, :created, :created, :closedAt, 1, :renegotiated)""")
                .param("id", id)
                .param("org", org)
                .param("owner", owner.personId())
                .param("what", "Insight fixture " + id)
                .param("due", LocalDate.parse(due))
                .param("visibility", visibility)
                .param("outcome", outcome)
                .param("created", created)
                .param("closedAt", Timestamp.from(Instant.parse(closedAt)))
                .param("renegotiated", renegotiated)
                .update();
        return id;
    }

    UUID open(
            UUID org,
            Account owner,
            String visibility,
            String due,
            int percent,
            String confidence,
            String lastProgressAt,
            UUID goal) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into commitment (id, organization_id, owner_id, what, done_when, due, visibility, status,
                                                percent, confidence, created_at, updated_at, last_progress_at, version,
                                                goal_id)
                        values (:id, :org, :owner, :what, 'Done when it is done', :due, :visibility, 'OPEN',
                                :percent, :confidence, :created, :created, :last, 1, :goal)""")
                .param("id", id)
                .param("org", org)
                .param("owner", owner.personId())
                .param("what", "Insight fixture " + id)
                .param("due", LocalDate.parse(due))
                .param("visibility", visibility)
                .param("percent", percent)
                .param("confidence", confidence)
                .param("created", Timestamp.from(Instant.parse("2026-05-01T00:00:00Z")))
                .param("last", lastProgressAt == null ? null : Timestamp.from(Instant.parse(lastProgressAt)))
                .param("goal", goal)
                .update();
        return id;
    }

    private void serve(UUID commitment, UUID goal) {
        jdbc.sql("update commitment set goal_id = :goal where id = :id")
                .param("goal", goal)
                .param("id", commitment)
                .update();
    }

    private void renegotiation(
            UUID commitment, int position, Account by, String oldDue, String newDue, String status, String decidedAt) {
        jdbc.sql("""
                        insert into renegotiation (commitment_id, position, proposed_by, reason, old_due, new_due,
                                                   old_done_when, new_done_when, status, decided_by, decided_at, created_at)
                        values (:c, :position, :by, 'More time', :oldDue, :newDue, 'Done', 'Done', :status, :by,
                                :decidedAt, :decidedAt)""")
                .param("c", commitment)
                .param("position", position)
                .param("by", by.personId())
                .param("oldDue", LocalDate.parse(oldDue))
                .param("newDue", LocalDate.parse(newDue))
                .param("status", status)
                .param("decidedAt", Timestamp.from(Instant.parse(decidedAt)))
                .update();
    }

    private UUID goal(UUID org, UUID team, Account by, String title) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.sql("""
                        insert into goal (id, organization_id, team_id, title, why, done_when, due, created_by,
                                          created_at, updated_at, version)
                        values (:id, :org, :team, :title, 'Why', 'Done', :due, :by, :at, :at, 1)""")
                .param("id", id)
                .param("org", org)
                .param("team", team)
                .param("title", title + " " + id)
                .param("due", LocalDate.parse("2026-12-31"))
                .param("by", by.personId())
                .param("at", at)
                .update();
        return id;
    }

    private void coOwn(UUID org, UUID goal, UUID team, int position) {
        jdbc.sql("""
                        insert into goal_owner_team (goal_id, team_id, organization_id, position, contribution, since)
                        values (:goal, :team, :org, :position, 'Our part', :since)""")
                .param("goal", goal)
                .param("team", team)
                .param("org", org)
                .param("position", position)
                .param("since", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
                .update();
    }

    private UUID partnership(UUID org, Account inviter, Account partner) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.sql("""
                        insert into partnership (id, organization_id, inviter_id, partner_id, kind, status, cadence,
                                                 created_at, accepted_at, updated_at, version)
                        values (:id, :org, :inviter, :partner, 'PEER', 'ACTIVE', 'WEEKLY', :at, :at, :at, 1)""")
                .param("id", id)
                .param("org", org)
                .param("inviter", inviter.personId())
                .param("partner", partner.personId())
                .param("at", at)
                .update();
        return id;
    }

    private UUID schedule(UUID org, UUID partnership, Account by) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        // stopped: no job extends it while the test reads it
        jdbc.sql("""
                        insert into checkin_schedule (id, organization_id, partnership_id, proposed_by_id, cadence,
                                                      weekday, local_time, time_zone, duration_minutes, status,
                                                      proposed_at, version)
                        values (:id, :org, :partnership, :by, 'WEEKLY', 'MONDAY', '09:00', 'UTC', 30, 'STOPPED', :at, 1)""")
                .param("id", id)
                .param("org", org)
                .param("partnership", partnership)
                .param("by", by.personId())
                .param("at", at)
                .update();
        return id;
    }

    private void checkIn(UUID org, UUID schedule, UUID partnership, String startsAt, String status) {
        Instant start = Instant.parse(startsAt);
        jdbc.sql("""
                        insert into check_in (id, organization_id, schedule_id, partnership_id, occurs_on, starts_at,
                                              duration_minutes, status, version)
                        values (:id, :org, :schedule, :partnership, :on, :start, 30, :status, 1)""")
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("schedule", schedule)
                .param("partnership", partnership)
                .param("on", LocalDate.ofInstant(start, java.time.ZoneOffset.UTC))
                .param("start", Timestamp.from(start))
                .param("status", status)
                .update();
    }

    private void challenge(
            UUID org,
            UUID commitment,
            Account owner,
            Account author,
            String kind,
            String at,
            boolean answered,
            Boolean helpful) {
        Timestamp created = Timestamp.from(Instant.parse(at));
        jdbc.sql("""
                        insert into challenge (id, organization_id, commitment_id, owner_id, author_id, kind, message,
                                               helpful, created_at, answered_at, version)
                        values (:id, :org, :commitment, :owner, :author, :kind, 'Why this date?', :helpful, :at,
                                :answered, 1)""")
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("commitment", commitment)
                .param("owner", owner.personId())
                .param("author", author.personId())
                .param("kind", kind)
                .param("helpful", helpful)
                .param("at", created)
                .param("answered", answered ? created : null)
                .update();
    }

    private void kudos(
            UUID org,
            Account giver,
            Account toPerson,
            UUID toTeam,
            boolean across,
            String forType,
            UUID forId,
            String at) {
        jdbc.sql("""
                        insert into kudos (id, organization_id, giver_id, to_person_id, to_team_id, message, for_type,
                                           for_id, across_teams, created_at)
                        values (:id, :org, :giver, :person, :team, 'Thank you', :forType, :forId, :across, :at)""")
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("giver", giver.personId())
                .param("person", toPerson == null ? null : toPerson.personId())
                .param("team", toTeam)
                .param("forType", forType)
                .param("forId", forId)
                .param("across", across)
                .param("at", Timestamp.from(Instant.parse(at)))
                .update();
    }

    private void help(UUID org, Account by, Account toPerson, UUID toTeam, String status, String at) {
        Timestamp created = Timestamp.from(Instant.parse(at));
        jdbc.sql("""
                        insert into help_offer (id, organization_id, offered_by, to_person_id, to_team_id, kind, what,
                                                status, created_at, updated_at, version)
                        values (:id, :org, :by, :person, :team, 'TIME', 'An afternoon', :status, :at, :at, 1)""")
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("by", by.personId())
                .param("person", toPerson == null ? null : toPerson.personId())
                .param("team", toTeam)
                .param("status", status)
                .param("at", created)
                .update();
    }
}
