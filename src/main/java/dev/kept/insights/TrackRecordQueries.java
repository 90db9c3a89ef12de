package dev.kept.insights;

import dev.kept.commitments.RiskReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The aggregates behind a person's and a team's track record: each one statement that counts in
 * the database, whatever the number of commitments, check-ins or thanks; nothing is read row by
 * row. Which commitments count is the caller's {@link Whose}: built by {@link TrackRecords} from the
 * access policy, never from input.
 */
@Component
class TrackRecordQueries {

    /** A condition on the commitment {@code c} (its owner {@code o}) and its parameters. */
    record Whose(String condition, Map<String, Object> parameters) {}

    /** The open commitments and how many of them are at risk now. */
    record Risk(long open, long atRisk) {}

    /** An open commitment at risk, as the person's own page lists the first few. */
    record AtRiskItem(UUID id, String what, LocalDate due) {}

    /** Check-ins of the person's partnerships: held and missed since the window began, and the streak. */
    record CheckInCounts(long held, long skipped, long unrecorded, long streak) {}

    /** Commitments serving the team's goals, from its own members or from other teams. */
    record GoalCounts(long teamGoals, long coOwnedGoals) {}

    record Contributions(long serving, long open, long decided, long kept) {

        static final Contributions NONE = new Contributions(0, 0, 0, 0);
    }

    record Thanks(long given, long received) {}

    record Help(long toTeam, long toTeamAccepted, long toMembers, long given) {}

    private final JdbcClient jdbc;

    TrackRecordQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The local day of an instant in a time zone (a parameter or a column), as the number yyyymmdd:
     * extract works the same on H2 and PostgreSQL, where a cast to date would not.
     */
    static String dayOf(String instant, String zone) {
        String local = instant + " at time zone " + zone;
        return "(extract(year from " + local + ") * 10000 + extract(month from " + local + ") * 100 + extract(day from "
                + local + "))";
    }

    static String dayOf(String date) {
        return "(extract(year from " + date + ") * 10000 + extract(month from " + date + ") * 100 + extract(day from "
                + date + "))";
    }

    /**
     * The commitments of {@code whose} closed in [from, to), counted per month of closing in
     * {@code zone} (yyyymm), one statement.
     */
    Map<YearMonth, Closings.Counts> closedByMonth(
            UUID organizationId, Whose whose, Instant from, Instant to, String zone) {
        String closing = "c.closed_at at time zone :zone";
        String sql = """
                select x.closing_month, count(*) as closed, sum(x.dropped) as dropped, sum(x.kept) as kept,
                       sum(x.on_time) as on_time, sum(x.renegotiated) as renegotiated, sum(x.before_due) as before_due
                  from (select extract(year from %1$s) * 100 + extract(month from %1$s) as closing_month,
                               case when c.outcome = 'DROPPED' then 1 else 0 end as dropped,
                               case when c.outcome = 'KEPT' then 1 else 0 end as kept,
                               case when c.outcome = 'KEPT' and %2$s <= %3$s then 1 else 0 end as on_time,
                               case when c.renegotiated > 0 then 1 else 0 end as renegotiated,
                               case when exists (select 1 from renegotiation r
                                                  where r.commitment_id = c.id and r.status = 'ACCEPTED'
                                                    and %4$s <= %5$s) then 1 else 0 end as before_due
                          from commitment c join person o on o.id = c.owner_id
                         where c.organization_id = :organization and c.status = 'CLOSED'
                           and c.closed_at >= :from and c.closed_at < :to and %6$s) x
                 group by x.closing_month""".formatted(
                        closing,
                        dayOf("c.closed_at", "o.time_zone"),
                        dayOf("c.due"),
                        dayOf("r.decided_at", "o.time_zone"),
                        dayOf("r.old_due"),
                        whose.condition());
        Map<YearMonth, Closings.Counts> months = new LinkedHashMap<>();
        jdbc.sql(sql)
                .param("organization", organizationId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("zone", zone)
                .params(whose.parameters())
                .query(rs -> {
                    int month = rs.getInt("closing_month");
                    months.put(
                            YearMonth.of(month / 100, month % 100),
                            new Closings.Counts(
                                    rs.getLong("closed"),
                                    rs.getLong("dropped"),
                                    rs.getLong("kept"),
                                    rs.getLong("on_time"),
                                    rs.getLong("renegotiated"),
                                    rs.getLong("before_due")));
                });
        return months;
    }

    /** The open commitments of {@code whose}, and those at risk as {@link RiskReason} says, on {@code today}. */
    Risk risk(UUID organizationId, Whose whose, LocalDate today, Instant now) {
        return jdbc.sql("select count(*) as open, coalesce(sum(case when " + RiskReason.SQL
                        + " then 1 else 0 end), 0) as at_risk"
                        + " from commitment c join person o on o.id = c.owner_id"
                        + " where c.organization_id = :organization and c.status = 'OPEN' and " + whose.condition())
                .param("organization", organizationId)
                .params(RiskReason.sqlParameters(today, now))
                .params(whose.parameters())
                .query((rs, row) -> new Risk(rs.getLong("open"), rs.getLong("at_risk")))
                .single();
    }

    /** The person's own open commitments at risk, soonest due first, at most {@code rows}. */
    List<AtRiskItem> ownAtRisk(UUID organizationId, UUID ownerId, LocalDate today, Instant now, int rows) {
        return jdbc.sql("select c.id, c.what, c.due from commitment c"
                        + " where c.organization_id = :organization and c.owner_id = :owner and " + RiskReason.SQL
                        + " order by c.due, c.id limit :rows")
                .param("organization", organizationId)
                .param("owner", ownerId)
                .param("rows", rows)
                .params(RiskReason.sqlParameters(today, now))
                .query((rs, row) -> new AtRiskItem(
                        rs.getObject("id", UUID.class), rs.getString("what"), rs.getObject("due", LocalDate.class)))
                .list();
    }

    /**
     * The check-ins of every partnership the person is or was in, that started before {@code now}
     * (cancelled ones aside): held and skipped since {@code since}, those nobody recorded that
     * started before {@code unrecordedBefore} (missed), and the streak: held ones after the latest
     * missed one, however long ago.
     */
    CheckInCounts checkIns(UUID organizationId, UUID personId, Instant since, Instant unrecordedBefore, Instant now) {
        return jdbc.sql("""
                        with mine as (
                          select ci.status, ci.starts_at,
                                 case when ci.status = 'SKIPPED'
                                        or (ci.status in ('SCHEDULED', 'MOVED') and ci.starts_at < :unrecordedBefore)
                                      then 1 else 0 end as missed
                            from check_in ci
                           where ci.organization_id = :organization and ci.starts_at < :now
                             and ci.status <> 'CANCELLED'
                             and ci.partnership_id in (select p.id from partnership p
                                                        where p.organization_id = :organization
                                                          and (p.inviter_id = :person or p.partner_id = :person))),
                        last_missed as (select max(starts_at) as at from mine where missed = 1)
                        select coalesce(sum(case when m.status = 'HELD' and m.starts_at >= :since then 1 else 0 end), 0) as held,
                               coalesce(sum(case when m.status = 'SKIPPED' and m.starts_at >= :since then 1 else 0 end), 0) as skipped,
                               coalesce(sum(case when m.status <> 'SKIPPED' and m.missed = 1 and m.starts_at >= :since
                                                 then 1 else 0 end), 0) as unrecorded,
                               coalesce(sum(case when m.status = 'HELD' and (l.at is null or m.starts_at > l.at)
                                                 then 1 else 0 end), 0) as streak
                          from mine m cross join last_missed l""")
                .param("organization", organizationId)
                .param("person", personId)
                .param("since", Timestamp.from(since))
                .param("unrecordedBefore", Timestamp.from(unrecordedBefore))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new CheckInCounts(
                        rs.getLong("held"), rs.getLong("skipped"), rs.getLong("unrecorded"), rs.getLong("streak")))
                .single();
    }

    /** The challenges partners made on the person's commitments in [from, to), per kind, and how each ended. */
    List<PersonRecord.Challenges> challenges(UUID organizationId, UUID ownerId, Instant from, Instant to) {
        return jdbc.sql("""
                        select ch.kind, count(*) as made,
                               sum(case when ch.answered_at is not null then 1 else 0 end) as answered,
                               sum(case when ch.helpful = true then 1 else 0 end) as helpful,
                               sum(case when ch.helpful = false then 1 else 0 end) as not_helpful,
                               sum(case when c.status = 'CLOSED' and c.outcome = 'KEPT' then 1 else 0 end) as kept,
                               sum(case when c.status = 'CLOSED' and c.outcome in ('PARTLY_KEPT', 'NOT_KEPT')
                                        then 1 else 0 end) as not_kept,
                               sum(case when c.status = 'CLOSED' and c.outcome = 'DROPPED' then 1 else 0 end) as dropped,
                               sum(case when c.status <> 'CLOSED' then 1 else 0 end) as still_open
                          from challenge ch join commitment c on c.id = ch.commitment_id
                         where ch.organization_id = :organization and ch.owner_id = :owner
                           and ch.created_at >= :from and ch.created_at < :to
                         group by ch.kind order by ch.kind""")
                .param("organization", organizationId)
                .param("owner", ownerId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new PersonRecord.Challenges(
                        rs.getString("kind"),
                        rs.getLong("made"),
                        rs.getLong("answered"),
                        rs.getLong("helpful"),
                        rs.getLong("not_helpful"),
                        rs.getLong("kept"),
                        rs.getLong("not_kept"),
                        rs.getLong("dropped"),
                        rs.getLong("still_open")))
                .list();
    }

    private static final String TEAM_GOALS = """
            (select g.id from goal g where g.organization_id = :organization and g.team_id = :team
             union select got.goal_id from goal_owner_team got where got.organization_id = :organization and got.team_id = :team)""";

    /** The team's goals: its own (no other team owns them with it) and those it co-owns with another team. */
    GoalCounts goals(UUID organizationId, UUID teamId) {
        return jdbc.sql("select coalesce(sum(case when exists (select 1 from goal_owner_team x where x.goal_id = t.id"
                        + " and x.team_id <> :team) then 0 else 1 end), 0) as own,"
                        + " coalesce(sum(case when exists (select 1 from goal_owner_team x where x.goal_id = t.id"
                        + " and x.team_id <> :team) then 1 else 0 end), 0) as co_owned"
                        + " from " + TEAM_GOALS + " t")
                .param("organization", organizationId)
                .param("team", teamId)
                .query((rs, row) -> new GoalCounts(rs.getLong("own"), rs.getLong("co_owned")))
                .single();
    }

    /**
     * The commitments serving the team's goals that {@code visible} admits, counted apart for the
     * team's own members ({@code true}) and for members of other teams ({@code false}).
     */
    Map<Boolean, Contributions> contributions(UUID organizationId, UUID teamId, Whose visible) {
        Map<Boolean, Contributions> counts = new HashMap<>();
        jdbc.sql("""
                        select x.ours, count(*) as serving, sum(x.open) as open, sum(x.decided) as decided,
                               sum(x.kept) as kept
                          from (select case when o.team_id = :team then 1 else 0 end as ours,
                                       case when c.status = 'OPEN' then 1 else 0 end as open,
                                       case when c.status = 'CLOSED' and c.outcome <> 'DROPPED' then 1 else 0 end as decided,
                                       case when c.status = 'CLOSED' and c.outcome = 'KEPT' then 1 else 0 end as kept
                                  from commitment c join person o on o.id = c.owner_id
                                 where c.organization_id = :organization and c.goal_id in """ + TEAM_GOALS + " and " + visible.condition() + ") x group by x.ours")
                .param("organization", organizationId)
                .param("team", teamId)
                .params(visible.parameters())
                .query(rs -> {
                    counts.put(
                            rs.getInt("ours") == 1,
                            new Contributions(
                                    rs.getLong("serving"),
                                    rs.getLong("open"),
                                    rs.getLong("decided"),
                                    rs.getLong("kept")));
                });
        return counts;
    }

    private static final String MEMBERS =
            "(select m.id from person m where m.organization_id = :organization and m.team_id = :team)";

    /**
     * Thanks across teams in [from, to): given by the team's members, and received by the team or
     * one of its members; a thanks for a commitment only when {@code visible} admits that commitment
     * (as the thanks feed shows it only to those who may see the commitment). Each part reads its
     * own index: by giver, by team thanked, by person thanked.
     */
    Thanks thanks(UUID organizationId, UUID teamId, Instant from, Instant to, Whose visible) {
        String kept = " and k.organization_id = :organization and k.across_teams = true"
                + " and k.created_at >= :from and k.created_at < :to"
                + " and (k.for_type is null or k.for_type <> 'COMMITMENT' or exists (select 1 from commitment c"
                + " join person o on o.id = c.owner_id where c.id = k.for_id and " + visible.condition() + "))";
        return jdbc.sql("select coalesce(sum(x.given), 0) as given, coalesce(sum(x.received), 0) as received from ("
                        + "select 1 as given, 0 as received from kudos k where k.giver_id in " + MEMBERS + kept
                        + " union all select 0, 1 from kudos k where k.to_team_id = :team" + kept
                        + " union all select 0, 1 from kudos k where k.to_person_id in " + MEMBERS + kept + ") x")
                .param("organization", organizationId)
                .param("team", teamId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .params(visible.parameters())
                .query((rs, row) -> new Thanks(rs.getLong("given"), rs.getLong("received")))
                .single();
    }

    /**
     * Offers of help across teams in [from, to), withdrawn ones aside: made to the team by someone
     * outside it (and of those, accepted), made to one of its members by someone outside it, and
     * made by its members to another team or to someone outside it. Each part reads its own index.
     */
    Help help(UUID organizationId, UUID teamId, Instant from, Instant to) {
        String kept = " and h.organization_id = :organization and h.status <> 'WITHDRAWN'"
                + " and h.created_at >= :from and h.created_at < :to";
        String outsider = "h.offered_by not in " + MEMBERS;
        return jdbc.sql("select coalesce(sum(x.to_team), 0) as to_team, coalesce(sum(x.accepted), 0) as accepted,"
                        + " coalesce(sum(x.to_members), 0) as to_members, coalesce(sum(x.given), 0) as given from ("
                        + "select case when " + outsider + " then 1 else 0 end as to_team,"
                        + " case when " + outsider + " and h.status = 'ACCEPTED' then 1 else 0 end as accepted,"
                        + " 0 as to_members, 0 as given from help_offer h where h.to_team_id = :team" + kept
                        + " union all select 0, 0, case when " + outsider + " then 1 else 0 end, 0"
                        + " from help_offer h where h.to_person_id in " + MEMBERS + kept
                        + " union all select 0, 0, 0, case when (h.to_team_id is not null and h.to_team_id <> :team)"
                        + " or (h.to_person_id is not null and h.to_person_id not in " + MEMBERS + ") then 1 else 0 end"
                        + " from help_offer h where h.offered_by in " + MEMBERS + kept + ") x")
                .param("organization", organizationId)
                .param("team", teamId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new Help(
                        rs.getLong("to_team"), rs.getLong("accepted"), rs.getLong("to_members"), rs.getLong("given")))
                .single();
    }
}
