package dev.kept.insights;

import java.sql.Timestamp;
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
     * One row of the matching programs' counts, as {@link #matching} reads them. {@code scope} is ALL
     * (everyone any program matched, by their first match in any), PROGRAM (one program, {@code
     * place} from 1 in the order of the list: the most people matched first, then by name and id) or
     * REST (the programs past the listed ones, their figures added up). {@code side} is BEFORE or AFTER
     * the match with its tally, or empty on the row that gives {@code count}: the people matched (ALL,
     * PROGRAM) or how many programs are not listed (REST). Every listed program has that row, matched
     * or not; its name rides on each of its rows.
     */
    record MatchingTally(String scope, UUID program, String name, long place, long count, String side, Tally tally) {}

    /**
     * The commitments closed in the period by the people the matching programs matched (a
     * participant of an accepted pair, trio or coach offer), before and after their first match:
     * for everyone, by their first match in any program; for each of the first {@code listed}
     * programs, by their first match in that program; and for the programs past them, added up. One
     * statement, whatever the number of programs.
     */
    List<MatchingTally> matching(UUID organizationId, StudyPeriod period, int listed) {
        String side = "case when c.closed_at < x.matched_at then 'BEFORE' else 'AFTER' end";
        String sql = """
                with by_program as (
                    select p.program_id, m.person_id, min(p.decided_at) as matched_at
                      from match_proposal p
                      join match_proposal_member m on m.proposal_id = p.id
                      join matching_participant mp on mp.program_id = p.program_id and mp.person_id = m.person_id
                     where p.organization_id = :organization
                       and p.status = 'ACCEPTED'
                       and p.decided_at is not null
                     group by p.program_id, m.person_id),
                matched as (
                    select person_id, min(matched_at) as matched_at from by_program group by person_id),
                closings as (
                    select c.owner_id, c.closed_at, case when c.outcome = 'KEPT' then 1 else 0 end as kept
                      from commitment c
                     where c.organization_id = :organization
                       and c.status = 'CLOSED'
                       and c.closed_at >= :start
                       and c.closed_at < :end
                       and c.owner_id in (select person_id from matched)),
                programs as (
                    select g.id as program_id, g.name, count(x.person_id) as people
                      from matching_program g
                      left join by_program x on x.program_id = g.id
                     where g.organization_id = :organization
                     group by g.id, g.name),
                ranked as (
                    select program_id, name, people, row_number() over (order by people desc, name, program_id) as place
                      from programs),
                tallies as (
                    select x.program_id, %1$s as side, count(*) as n, sum(c.kept) as k, count(distinct c.owner_id) as o
                      from by_program x
                      join closings c on c.owner_id = x.person_id
                     group by x.program_id, %1$s)
                select 'ALL' as scope, cast(null as varchar(36)) as program, cast(null as varchar(120)) as name,
                       0 as place, 0 as how_many, %1$s as side, count(*) as n, sum(c.kept) as k,
                       count(distinct c.owner_id) as o
                  from matched x
                  join closings c on c.owner_id = x.person_id
                 group by %1$s
                union all
                select 'ALL', null, null, 0, count(*), '', 0, 0, 0 from matched
                union all
                select 'PROGRAM', cast(r.program_id as varchar(36)), r.name, r.place, r.people, coalesce(t.side, ''),
                       coalesce(t.n, 0), coalesce(t.k, 0), coalesce(t.o, 0)
                  from ranked r
                  left join tallies t on t.program_id = r.program_id
                 where r.place <= :listed
                union all
                select 'REST', null, null, 0, 0, t.side, sum(t.n), sum(t.k), max(t.o)
                  from ranked r
                  join tallies t on t.program_id = r.program_id
                 where r.place > :listed
                 group by t.side
                union all
                select 'REST', null, null, 0, count(*), '', 0, 0, 0 from ranked where place > :listed""".formatted(side);
        return jdbc.sql(sql)
                .param("organization", organizationId)
                .param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end()))
                .param("listed", listed)
                .query((rs, n) -> {
                    String program = rs.getString("program");
                    return new MatchingTally(
                            rs.getString("scope"),
                            program == null ? null : UUID.fromString(program),
                            rs.getString("name"),
                            rs.getLong("place"),
                            rs.getLong("how_many"),
                            rs.getString("side"),
                            new Tally(rs.getLong("n"), rs.getLong("k"), rs.getLong("o")));
                })
                .list();
    }
}
