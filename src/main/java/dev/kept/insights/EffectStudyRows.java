package dev.kept.insights;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The effect study's counts, read with SQL aggregates in a fixed number of statements whatever the
 * organization's size: every closed commitment of the period sorted into one of three groups, then
 * counted (commitments, kept ones, different owners) per group and per breakdown cell.
 *
 * <p>These are read queries across the commitments', partnerships', check-ins', people's and
 * matching's tables: the study is a sum over all of them, which only the database can make fast.
 */
@Repository
class EffectStudyRows {

    /** The team key of commitments whose owner has no team. */
    static final UUID NO_TEAM = new UUID(0, 0);

    /** What the study counts for one group of one cell. */
    record Tally(long commitments, long kept, long owners) {

        static final Tally NONE = new Tally(0, 0, 0);
    }

    /**
     * One row of counts: a dimension (ALL, MONTH, GOAL or TEAM), the cell within it (a month as
     * yyyymm, 1 for serving a goal and 0 for not, a team's id), the group (ALONE, SHARED, MET, or *
     * for the whole cell) and its tally. A team's row also carries its name and size.
     */
    record Counted(String dimension, String cell, String group, Tally tally, String name, long size) {}

    /**
     * The period's closed commitments, each sorted into its group, as CTE {@code closed} (owner, team
     * when asked, goal, month of closing, kept or not, group). Group 3 (MET) before group 2 (SHARED): the
     * three are disjoint. A check-in counts when it was held by a partnership the commitment is shared
     * with, between its making and its closing. Set-based, so that the cost grows with the period's
     * closed commitments and shares, not with one probe per commitment: the commitments are a range of
     * the index {@code commitment_closed_in_period} (which holds every column read here), their shares
     * are joined once, with the held check-ins of those partnerships, and counted per commitment.
     */
    private static String closed(boolean withTeam) {
        String team = withTeam ? "coalesce(p.team_id, :noTeam)" : "cast(null as uuid)";
        String owners = withTeam ? "\n                  join person p on p.id = c.owner_id" : "";
        return """
                period as (
                    select c.id, c.owner_id, %s as team, c.goal_id, c.made_to_id, c.created_at, c.closed_at, c.outcome
                      from commitment c%s
                     where c.organization_id = :organization
                       and c.status = 'CLOSED'
                       and c.closed_at >= :start
                       and c.closed_at < :end),
                shares as (
                    select s.commitment_id,
                           sum(case when k.starts_at >= c.created_at and k.starts_at <= c.closed_at then 1 else 0 end) as held
                      from period c
                      join commitment_share s on s.commitment_id = c.id
                      left join check_in k on k.partnership_id = s.partnership_id
                                          and k.organization_id = :organization
                                          and k.status = 'HELD'
                                          and k.starts_at < :end
                     group by s.commitment_id),
                closed as (
                    select c.owner_id, c.team, c.goal_id,
                           cast(extract(year from c.closed_at at time zone 'UTC') * 100
                                + extract(month from c.closed_at at time zone 'UTC') as integer) as closed_month,
                           case when c.outcome = 'KEPT' then 1 else 0 end as kept,
                           case
                               when s.held >= 2 then 'MET'
                               when c.made_to_id is not null or s.commitment_id is not null then 'SHARED'
                               else 'ALONE'
                           end as grp
                      from period c
                      left join shares s on s.commitment_id = c.id)""".formatted(team, owners);
    }

    private static final String TALLY = "count(*) as n, sum(kept) as k, count(distinct owner_id) as o";

    private final JdbcClient jdbc;

    EffectStudyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The three groups over the whole period, by month of closing, and serving a goal or not: one statement. */
    List<Counted> groupsMonthsAndGoals(UUID organizationId, StudyPeriod period) {
        String goal = "case when goal_id is null then '0' else '1' end";
        String month = "cast(closed_month as varchar(8))";
        String sql = "with " + closed(false) + "\n"
                + "select 'ALL' as dim, '' as cell, grp, " + TALLY + " from closed group by grp\n"
                + "union all select 'ALL', '', '*', " + TALLY + " from closed\n"
                + "union all select 'MONTH', " + month + ", grp, " + TALLY + " from closed group by closed_month, grp\n"
                + "union all select 'MONTH', " + month + ", '*', " + TALLY + " from closed group by closed_month\n"
                + "union all select 'GOAL', " + goal + ", grp, " + TALLY + " from closed group by " + goal + ", grp\n"
                + "union all select 'GOAL', " + goal + ", '*', " + TALLY + " from closed group by " + goal;
        return jdbc.sql(sql)
                .param("organization", organizationId)
                .param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end()))
                .query((rs, n) -> new Counted(
                        rs.getString("dim"),
                        rs.getString("cell"),
                        rs.getString("grp"),
                        new Tally(rs.getLong("n"), rs.getLong("k"), rs.getLong("o")),
                        null,
                        0))
                .list();
    }

    /**
     * One team's tally of one group ({@code *} for the whole team), as {@link #teams} reads it: the
     * team ({@code null} for the hidden figures of every team not read, added up), its name and size,
     * its place on the page (from 1, in the database's order; 0 when not on it), and its rank among the
     * shown figures of its group, the smallest first.
     */
    record TeamTally(UUID team, String name, long size, int pagePlace, String group, Tally tally, long rank) {}

    /**
     * A page of teams (the owners' current teams), the largest first (by commitments closed in the
     * period, then by id), after the team of {@code afterSize} commitments and id {@code afterTeam}:
     * {@code limit} teams at most, each with its tally per group and as a whole. With them, what
     * {@link StudySuppression} needs of every other team, computed over all of them: the team whose
     * figure is the smallest one shown of each group (after each team's groups were guarded against its
     * whole) with all its tallies, and the hidden figures of the teams not read, added up per group.
     * One statement, at most four teams more than the page.
     */
    List<TeamTally> teams(UUID organizationId, StudyPeriod period, long afterSize, UUID afterTeam, int limit) {
        // The row step of StudySuppression.guardTable, per team: when the team's whole is shown and its
        // hidden groups count too few together, its smallest shown group (ties in ALONE, SHARED, MET
        // order) is hidden too. Owners of a team's groups may overlap: the largest group's owners count.
        String sql = "with " + closed(true) + ",\n" + """
                tallies as (
                    select team, grp, count(*) as n, sum(kept) as k, count(distinct owner_id) as o
                      from closed group by team, grp
                    union all
                    select team, '*', count(*), sum(kept), count(distinct owner_id) from closed group by team),
                judged as (
                    select team, grp, n, k, o,
                           case when n < :fewest or o < :owners then 1 else 0 end as few,
                           case grp when '*' then 0 when 'ALONE' then 1 when 'SHARED' then 2 else 3 end as in_row
                      from tallies),
                per_team as (
                    select a.*,
                           max(case when in_row = 0 then n end) over (partition by team) as size,
                           max(case when in_row = 0 then few end) over (partition by team) as whole_few,
                           sum(case when in_row > 0 and few = 1 then n else 0 end) over (partition by team) as few_n,
                           max(case when in_row > 0 and few = 1 then o else 0 end) over (partition by team) as few_o,
                           row_number() over (partition by team, case when in_row = 0 then 2 else few end
                                              order by n, in_row) as smallest
                      from judged a),
                guarded as (
                    select team, grp, n, k, o, size,
                           case when few = 1
                                  or (in_row > 0 and whole_few = 0 and smallest = 1 and few_n > 0
                                      and (few_n < :fewest or few_o < :owners)) then 1 else 0 end as held_back
                      from per_team),
                ranked as (
                    select g.*, row_number() over (partition by grp, held_back order by n, team) as rank_shown
                      from guarded g),
                page as (select team, size, row_number() over (order by size desc, team) as page_place
                           from ranked
                          where grp = '*' and (size < :afterSize or (size = :afterSize and team > :afterTeam))
                          order by size desc, team
                          limit :limit),
                read_teams as (
                    select team from page
                    union
                    select team from ranked where held_back = 0 and rank_shown = 1)
                select cast(r.team as varchar(36)) as team, t.name, r.size, r.grp, r.n, r.k, r.o, r.rank_shown,
                       coalesce(p.page_place, 0) as page_place
                  from ranked r left join page p on p.team = r.team left join team t on t.id = r.team
                 where r.team in (select team from read_teams)
                union all
                select cast(null as varchar(36)), cast(null as varchar(200)), 0, grp, sum(n), sum(k), sum(o), 0, 0
                  from ranked
                 where held_back = 1 and team not in (select team from read_teams)
                 group by grp""";
        return jdbc.sql(sql)
                .param("organization", organizationId)
                .param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end()))
                .param("noTeam", NO_TEAM)
                .param("fewest", EffectStudy.FEWEST_COMMITMENTS)
                .param("owners", EffectStudy.FEWEST_OWNERS)
                .param("afterSize", afterSize)
                .param("afterTeam", afterTeam)
                .param("limit", limit)
                .query((rs, n) -> {
                    String team = rs.getString("team");
                    return new TeamTally(
                            team == null ? null : UUID.fromString(team),
                            rs.getString("name"),
                            rs.getLong("size"),
                            rs.getInt("page_place"),
                            rs.getString("grp"),
                            new Tally(rs.getLong("n"), rs.getLong("k"), rs.getLong("o")),
                            rs.getLong("rank_shown"));
                })
                .list();
    }

    /**
     * The commitments closed in the period by the people a matching program matched (a participant
     * of an accepted pair, trio or coach offer), before and after their first match (cells BEFORE
     * and AFTER), and how many people were matched (cell PEOPLE, in {@code commitments}). One statement.
     */
    List<Counted> matching(UUID organizationId, StudyPeriod period) {
        String side = "case when c.closed_at < x.matched_at then 'BEFORE' else 'AFTER' end";
        List<Counted> rows = new ArrayList<>(jdbc.sql("""
                        with matched as (
                            select m.person_id, min(p.decided_at) as matched_at
                              from match_proposal p
                              join match_proposal_member m on m.proposal_id = p.id
                              join matching_participant mp on mp.program_id = p.program_id and mp.person_id = m.person_id
                             where p.organization_id = :organization
                               and p.status = 'ACCEPTED'
                               and p.decided_at is not null
                             group by m.person_id
                        )
                        select %s as side, count(*) as n, sum(case when c.outcome = 'KEPT' then 1 else 0 end) as k,
                               count(distinct c.owner_id) as o
                          from matched x
                          join commitment c on c.organization_id = :organization and c.owner_id = x.person_id
                         where c.status = 'CLOSED' and c.closed_at >= :start and c.closed_at < :end
                         group by %s
                        union all
                        select 'PEOPLE', count(*), 0, count(*) from matched""".formatted(side, side))
                .param("organization", organizationId)
                .param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end()))
                .query((rs, n) -> new Counted(
                        "MATCHING",
                        rs.getString("side"),
                        "*",
                        new Tally(rs.getLong("n"), rs.getLong("k"), rs.getLong("o")),
                        null,
                        0))
                .list());
        return rows;
    }
}
