-- An organization at scale, in set-based SQL (PostgreSQL only), run by bench/generate.sh.
--
-- psql variables: scale (1 = 5,000 people), org and admin (the organization and its admin, signed
-- up over the API, whose password hash every generated person gets), member (a member the admin
-- invited over the API, who set the same password; placed here in a team of 100). At scale 1:
--   5,000 people in 50 teams of 100, a reporting tree 5 deep (admin, directors, team leads,
--   managers, the rest); 255 goals (5 for the organization, one per team under them, 4 per team
--   under those); 100,000 commitments (20 each: the four visibilities in turn, 10 % closed, one in
--   four serving one of its team's goals); 30,000 progress updates; 2,000 active peer partnerships
--   with weekly check-in schedules, 24,000 past check-ins and the next 400 days laid out;
--   20,000 commitment shares; 150,000 notifications; 20,000 kudos; 2,000 jeopardy flags;
--   5,000 strengths; and a few expectations, help offers, advice requests and decisions.
-- Every id is an md5 of a name and a number, so two runs at one scale make the same data (dates
-- follow the day it runs on).
\set ON_ERROR_STOP on
\timing off
set client_min_messages = warning;

begin;

create temporary table bench_size as
select n, n / 100 as teams, greatest(1, n / 1000) as directors, ((n / 100) + 9) / 10 as top_goals,
       (3 * n) / 10 + n / 20 as member, (4 * n) / 10 as partnerships
  from (select (round(5000 * :scale / 100.0) * 100)::int as n) s;

-- people: i = 0 is the admin who signed up; i = member is the member; team t = i / 100, k = i % 100;
-- k = 0 leads the team, k = 1..9 manage ten each of k = 10..99
create temporary table gp as
select i, i / 100 as t, i % 100 as k,
       case when i = 0 then :'admin'::uuid when i = z.member then :'member'::uuid
            else md5('person-' || i)::uuid end as id,
       case
         when i % 100 = 0 and i = 0 then null
         when i % 100 = 0 and i / 100 <= z.directors then 0
         when i % 100 = 0 then 100 * (1 + ((i / 100 - z.directors - 1) % z.directors))
         when i % 100 <= 9 then 100 * (i / 100)
         else 100 * (i / 100) + 1 + (i % 100 - 10) / 10
       end as manager_i,
       (array['Europe', 'Americas', 'Asia-Pacific'])[1 + (i / 100) % 3] as region,
       (array['Europe/Berlin', 'America/New_York', 'Asia/Singapore'])[1 + (i / 100) % 3] as zone
  from bench_size z, generate_series(0, z.n - 1) i;
create unique index on gp (i);
analyze gp;

insert into team (id, organization_id, name, lead_id, created_at, version)
select md5('team-' || t)::uuid, :'org', 'Team ' || lpad((t + 1)::text, 4, '0'), null,
       now() - interval '400 days', 1
  from bench_size z, generate_series(0, z.teams - 1) t;

update person p
   set team_id = md5('team-0')::uuid, region = 'Europe', time_zone = 'Europe/Berlin', title = 'Chief executive',
       level = 9
 where p.id = :'admin';

update person p
   set team_id = md5('team-' || g.t)::uuid, region = g.region, time_zone = g.zone, title = 'Engineer', level = 3,
       created_at = now() - interval '300 days'
  from gp g, bench_size z
 where g.i = z.member and p.id = g.id;

insert into person (id, organization_id, name, email, title, team_id, region, manager_id, role, status,
                    password_hash, time_zone, created_at, version, level)
select g.id, :'org',
       (array['Ada', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemal',
              'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq'])[1 + g.i % 20]
         || ' ' ||
       (array['Adler', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jansen',
              'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Santos', 'Tanaka',
              'Ueda', 'Varga', 'Weber', 'Xu', 'Young'])[1 + (g.i / 20) % 25],
       'person-' || g.i || '@bench.example',
       case when g.k = 0 then 'Team lead' when g.k <= 9 then 'Manager' else 'Engineer' end,
       md5('team-' || g.t)::uuid, g.region, null, 'MEMBER', 'ACTIVE',
       (select password_hash from person where id = :'admin'), g.zone,
       now() - interval '400 days' + g.i * interval '1 second', 1,
       case when g.k = 0 then 7 when g.k <= 9 then 5 else 2 + g.i % 3 end
  from gp g, bench_size z
 where g.i > 0 and g.i <> z.member;

update person p set manager_id = m.id
  from gp g join gp m on m.i = g.manager_i
 where p.id = g.id;

update team t set lead_id = g.id from gp g where g.k = 0 and t.id = md5('team-' || g.t)::uuid;

insert into person_strength (organization_id, person_id, strength)
select :'org', g.id,
       (array['sql', 'java', 'hiring', 'public speaking', 'writing', 'pricing', 'design reviews', 'security',
              'onboarding', 'negotiation', 'statistics', 'coaching', 'budgets', 'incident response',
              'accessibility', 'customer interviews', 'roadmaps', 'testing', 'data modelling', 'facilitation'])
         [1 + (g.i * 7) % 20]
  from gp g;

-- goals: top x (organization), mid t (one per team, under top t / 10), leaf 4t + j (under mid t)
create temporary table gg as
select 'top' as kind, x as idx, md5('goal-top-' || x)::uuid as id, null::int as t, null::uuid as parent
  from bench_size z, generate_series(0, z.top_goals - 1) x
union all
select 'mid', t, md5('goal-mid-' || t)::uuid, t, md5('goal-top-' || (t / 10))::uuid
  from bench_size z, generate_series(0, z.teams - 1) t
union all
select 'leaf', x, md5('goal-leaf-' || x)::uuid, x / 4, md5('goal-mid-' || (x / 4))::uuid
  from bench_size z, generate_series(0, 4 * z.teams - 1) x;

insert into goal (id, organization_id, team_id, parent_id, title, why, done_when, due, created_by,
                  created_at, updated_at, version)
select g.id, :'org', case when g.t is null then null else md5('team-' || g.t)::uuid end, g.parent,
       case g.kind
         when 'top' then 'Organization goal ' || (g.idx + 1) || ': double the customers who stay a second year'
         when 'mid' then 'Team ' || (g.t + 1) || ': halve the time to answer a support request'
         else 'Team ' || (g.t + 1) || ' key result ' || (g.idx % 4 + 1) || ': ship the onboarding guide'
       end,
       'So that the organization grows from the customers it already has.',
       'Measured in the quarterly report: the figure is at or above the target for 8 weeks in a row',
       current_date + 60 + (g.idx % 4) * 30,
       case when g.t is null then :'admin'::uuid else (select id from gp where i = 100 * g.t) end,
       now() - interval '90 days', now() - interval '90 days', 1
  from gg g
 order by case g.kind when 'top' then 0 when 'mid' then 1 else 2 end;

-- commitments: c = 20 i + n; visibility n % 4; closed when n % 10 = 9; progress when n % 10 in (0, 3, 6)
create temporary table gc as
select g.i, n, g.id as owner, g.t, md5('commitment-' || (20 * g.i + n))::uuid as id,
       (n % 10 = 9) as closed, (n % 10 in (0, 3, 6)) as progressed,
       case when n % 10 = 9 then current_date - 1 - (g.i + 7 * n) % 120
            else current_date - 20 + (g.i * 7 + n * 13) % 150 end as due,
       (array['PRIVATE', 'PARTNERS', 'TEAM', 'ORGANIZATION'])[1 + n % 4] as visibility,
       case when (3 * n + g.i) % 4 = 0 then md5('goal-leaf-' || (4 * g.t + n % 4))::uuid end as goal,
       (array['the onboarding guide', 'the quarterly report', 'the billing migration', 'the release notes',
              'the hiring plan', 'the API changelog', 'the incident review', 'the pricing page',
              'the support runbook', 'the design review'])[1 + (g.i + 3 * n) % 10] as thing
  from gp g, generate_series(0, 19) n;
analyze gc;

insert into commitment (id, organization_id, owner_id, what, done_when, due, why, visibility, status, percent,
                        confidence, outcome, reflection, created_at, updated_at, last_progress_at, closed_at,
                        version, renegotiated, goal_id, owned_at, overdue_reminded_for, due_soon_reminded_for)
select c.id, :'org', c.owner,
       (array['Publish', 'Write and send', 'Finish', 'Review and merge', 'Present'])[1 + (c.i + n) % 5]
         || ' ' || c.thing || ' (item ' || (c.n + 1) || ')',
       case when (c.i + c.n) % 6 = 5 then initcap(c.thing) || ' improve it somewhat'
            else initcap(c.thing) || ' ' ||
                 (array['published on the wiki and linked from the handbook', 'sent to all 12 team leads',
                        'merged to main with 2 approvals', 'signed off by finance',
                        'presented at the Friday demo'])[1 + (c.i + c.n) % 5] end,
       c.due,
       'So that the team can plan the next quarter around ' || c.thing || '.',
       c.visibility,
       case when c.closed then 'CLOSED' else 'OPEN' end,
       case when c.closed then 100 when c.progressed then 10 * ((c.i + c.n) % 10) else 0 end,
       case when c.progressed then (array['ON_TRACK', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK'])[1 + (c.i + c.n) % 4] end,
       case when c.closed then (array['KEPT', 'KEPT', 'PARTLY_KEPT', 'NOT_KEPT', 'DROPPED'])[1 + c.i % 5] end,
       case when c.closed then 'Started too late; next time I split it into weekly steps.' end,
       now() - interval '30 days' - ((c.i + c.n) % 60) * interval '1 day' + c.n * interval '1 second',
       now() - ((c.i + c.n) % 20) * interval '1 day',
       case when c.progressed then now() - ((c.i + c.n) % 20) * interval '1 day' end,
       case when c.closed then (c.due + 1)::timestamp at time zone 'UTC' end,
       1, 0, c.goal, null,
       -- the reminder jobs already ran for what is due or overdue today, as they would have
       case when not c.closed and c.due <= current_date + 1 then c.due end,
       case when not c.closed and c.due <= current_date + 3 then c.due end
  from gc c;

insert into progress_update (commitment_id, position, organization_id, author_id, percent, confidence, note,
                             created_at)
select c.id, 0, :'org', c.owner, 10 * ((c.i + c.n) % 10),
       (array['ON_TRACK', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK'])[1 + (c.i + c.n) % 4],
       'Draft of ' || c.thing || ' is under review.',
       now() - ((c.i + c.n) % 20) * interval '1 day'
  from gc c
 where c.progressed;

-- partnerships j = 1..P: person j invites person j + 0.3 n (another team); so everyone from 0.3 n to
-- 0.4 n, the member among them, has two
create temporary table gpart as
select j, md5('partnership-' || j)::uuid as id, a.id as inviter, b.id as partner, a.zone,
       (array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'])[1 + j % 5] as weekday,
       1 + j % 5 as isodow, case when j % 2 = 0 then '10:00' else '14:30' end as local_time
  from bench_size z
 cross join lateral generate_series(1, z.partnerships) j
  join gp a on a.i = j
  join gp b on b.i = j + (3 * z.n) / 10;

-- Java's UUID.compareTo: the most, then the least significant 64 bits, each as a signed long
create function pg_temp.uuid_key(u uuid) returns numeric[] language sql immutable as $$
  select array[('x' || substr(replace(u::text, '-', ''), 1, 16))::bit(64)::bigint::numeric,
               ('x' || substr(replace(u::text, '-', ''), 17, 16))::bit(64)::bigint::numeric] $$;

insert into partnership (id, organization_id, inviter_id, partner_id, kind, status, message, cadence,
                         inviter_challenge, partner_challenge, open_pair, created_at, accepted_at, ended_at,
                         updated_at, version, lapses_at, silenced)
select p.id, :'org', p.inviter, p.partner, 'PEER', 'ACTIVE', 'Shall we hold each other to our quarter?',
       'WEEKLY', 'Ask me what I shipped', 'Ask me what I dropped',
       case when pg_temp.uuid_key(p.inviter) < pg_temp.uuid_key(p.partner) then p.inviter || ':' || p.partner
            else p.partner || ':' || p.inviter end,
       now() - interval '100 days', now() - interval '95 days', null, now() - interval '95 days', 2, null, false
  from gpart p;

-- two equi-joins, not one on "owner in (inviter, partner)", which PostgreSQL can only nest-loop
insert into commitment_share (commitment_id, partnership_id)
select c.id, p.id from gpart p join gc c on c.owner = p.inviter and c.visibility = 'PARTNERS'
union all
select c.id, p.id from gpart p join gc c on c.owner = p.partner and c.visibility = 'PARTNERS';

insert into checkin_schedule (id, organization_id, partnership_id, proposed_by_id, cadence, weekday, local_time,
                              time_zone, duration_minutes, location, status, proposed_at, accepted_at,
                              accepted_by_id, ended_at, version)
select md5('schedule-' || p.j)::uuid, :'org', p.id, p.inviter, 'WEEKLY', p.weekday, p.local_time, p.zone, 30,
       null, 'ACTIVE', now() - interval '95 days', now() - interval '95 days', p.partner, null, 1
  from gpart p;

-- 12 past weeks (held, one in six skipped) and the next 400 days (scheduled), as accepting lays out
insert into check_in (id, organization_id, schedule_id, partnership_id, occurs_on, starts_at, duration_minutes,
                      status, moved_from, recorded_by_id, recorded_at, version)
select md5('checkin-' || p.j || '-' || w)::uuid, :'org', md5('schedule-' || p.j)::uuid, p.id, d.day,
       (d.day + p.local_time::time) at time zone p.zone, 30,
       case when w >= 0 then 'SCHEDULED' when w % 6 = 0 then 'SKIPPED' else 'HELD' end,
       null,
       case when w < 0 then p.inviter end,
       case when w < 0 then (d.day + p.local_time::time) at time zone p.zone + interval '40 minutes' end,
       1
  from gpart p
 cross join generate_series(-12, 56) w
 cross join lateral (select current_date + 1 + (p.isodow - extract(isodow from current_date + 1)::int + 7) % 7
                            + 7 * w as day) d;

insert into notification (id, organization_id, person_id, dedup_key, kind, text, link, created_at, read_at, version)
select md5('notification-' || g.i || '-' || x)::uuid, :'org', g.id, 'bench:' || g.i || ':' || x,
       (array['COMMITMENT_DUE_SOON', 'KUDOS', 'CHECKIN_COMING', 'FLAG_RAISED', 'COMMITMENT_OVERDUE',
              'HELP_OFFERED'])[1 + x % 6],
       (array['A commitment of yours is due in two days.', 'Someone thanked you.',
              'A check-in with your partner starts tomorrow.', 'A teammate raised a flag on your commitment.',
              'One of your commitments is overdue: assess the outcome and reflect.',
              'Someone offers help.'])[1 + x % 6],
       '/commitments/' || md5('commitment-' || (20 * g.i + x % 20))::uuid,
       now() - x * interval '2 days' - g.i * interval '1 second',
       case when x % 3 <> 0 then now() - x * interval '2 days' + interval '1 hour' end, 1
  from gp g, generate_series(0, 29) x;

-- kudos: four from each person, two to teammates, two across teams
insert into kudos (id, organization_id, giver_id, to_person_id, to_team_id, message, for_type, for_id,
                   across_teams, created_at)
select md5('kudos-' || g.i || '-' || x)::uuid, :'org', g.id, r.id, null,
       'Thank you for the careful review and for staying late before the release.',
       case x when 1 then 'COMMITMENT' when 3 then 'GOAL' end,
       case x when 1 then md5('commitment-' || (20 * r.i + 3))::uuid
              when 3 then md5('goal-leaf-' || (4 * r.t))::uuid end,
       r.t <> g.t,
       now() - ((g.i * 4 + x) % 90) * interval '1 day' - g.i * interval '1 second'
  from gp g
 cross join bench_size z
 cross join generate_series(0, 3) x
  join gp r on r.i = case when x < 2 then 100 * g.t + (g.k + 1 + x) % 100
                          else (g.i + 100 * 7 * (x - 1) + 1) % z.n end;

-- jeopardy flags: two in five people flag the next teammate's TEAM commitment (n = 2, open)
insert into jeopardy_flag (id, organization_id, target_type, target_id, raised_by, noticed, question,
                           help_offer_id, status, answer, answered_by, answered_at, note, closed_by, closed_at,
                           created_at, updated_at, version)
select md5('flag-' || g.i)::uuid, :'org', 'COMMITMENT', md5('commitment-' || (20 * o.i + 2))::uuid, g.id,
       'The last update is three weeks old and the release is next week.',
       'Is the date still realistic, and what would help?',
       null,
       case when g.i % 4 = 0 then 'RESOLVED' else 'OPEN' end,
       case when g.i % 4 = 0 then 'Yes: the review is booked for Tuesday.' end,
       case when g.i % 4 = 0 then o.id end,
       case when g.i % 4 = 0 then now() - interval '2 days' end,
       null,
       case when g.i % 4 = 0 then g.id end,
       case when g.i % 4 = 0 then now() - interval '1 day' end,
       now() - (g.i % 30) * interval '1 day', now() - (g.i % 30) * interval '1 day', 1
  from gp g join gp o on o.i = 100 * g.t + (g.k + 1) % 100
 where g.i % 5 in (0, 2) and g.i > 0;

insert into jeopardy_flag_owner (flag_id, person_id)
select md5('flag-' || g.i)::uuid, o.id
  from gp g join gp o on o.i = 100 * g.t + (g.k + 1) % 100
 where g.i % 5 in (0, 2) and g.i > 0;

-- a few of the rest, so that their lists are not empty: per team, 5 expectations (lead to
-- members), 2 help offers, 1 advice request, 1 decision
insert into expectation (id, organization_id, requester_id, to_person_id, to_team_id, what, done_when, due, why,
                         status, created_at, updated_at, version)
select md5('expectation-' || g.i)::uuid, :'org', l.id, g.id, null,
       'Write the hand-over notes for the support rotation',
       'The notes are on the wiki and the next person on call has read them', current_date + 14 + g.k,
       'So that nobody on call starts from nothing.',
       'OPEN', now() - interval '3 days', now() - interval '3 days', 1
  from gp g join gp l on l.i = 100 * g.t
 where g.k between 10 and 14;

insert into help_offer (id, organization_id, offered_by, to_person_id, to_team_id, kind, what, target_type,
                        target_id, flag_id, status, created_at, updated_at, version)
select md5('help-' || g.i)::uuid, :'org', g.id, o.id, null,
       (array['INFORMATION', 'IDEAS', 'RESOURCES', 'TIME'])[1 + g.i % 4],
       'I did the same migration last year: happy to pair for an hour.',
       'COMMITMENT', md5('commitment-' || (20 * o.i + 3))::uuid, null, 'PENDING',
       now() - interval '1 day', now() - interval '1 day', 1
  from gp g join gp o on o.i = (g.i + 250) % (select n from bench_size)
 where g.k in (20, 21);

insert into advice_request (id, organization_id, asker_id, question, details, created_at, closed_at)
select md5('advice-' || g.i)::uuid, :'org', g.id, 'How do you run a blameless incident review?',
       'We are about to run our first one and want to keep it short and useful.',
       now() - (g.t % 20) * interval '1 day', null
  from gp g where g.k = 30;

insert into advice_area (advice_request_id, area)
select md5('advice-' || g.i)::uuid, 'incident response' from gp g where g.k = 30;

insert into decision_note (id, organization_id, author_id, title, decision, serves_organization, created_at)
select md5('decision-' || g.t)::uuid, :'org', g.id, 'We move the release to Tuesdays',
       'Releases go out on Tuesday mornings from next month on.',
       'Fewer weekend incidents, and support is fully staffed on Tuesdays.',
       now() - (g.t % 30) * interval '1 day'
  from gp g where g.k = 0;

insert into decision_team (decision_id, team_id)
select md5('decision-' || g.t)::uuid, md5('team-' || g.t)::uuid from gp g where g.k = 0;

commit;

analyze;

select 'people' as what, count(*) from person where organization_id = :'org'
union all select 'teams', count(*) from team where organization_id = :'org'
union all select 'goals', count(*) from goal where organization_id = :'org'
union all select 'commitments', count(*) from commitment where organization_id = :'org'
union all select 'progress updates', count(*) from progress_update where organization_id = :'org'
union all select 'partnerships', count(*) from partnership where organization_id = :'org'
union all select 'commitment shares', count(*) from commitment_share
union all select 'check-ins', count(*) from check_in where organization_id = :'org'
union all select 'past check-ins', count(*) from check_in where organization_id = :'org' and occurs_on < current_date
union all select 'notifications', count(*) from notification where organization_id = :'org'
union all select 'kudos', count(*) from kudos where organization_id = :'org'
union all select 'flags', count(*) from jeopardy_flag where organization_id = :'org'
union all select 'strengths', count(*) from person_strength where organization_id = :'org'
union all select 'expectations', count(*) from expectation where organization_id = :'org'
union all select 'help offers', count(*) from help_offer where organization_id = :'org'
union all select 'advice requests', count(*) from advice_request where organization_id = :'org'
union all select 'decisions', count(*) from decision_note where organization_id = :'org'
union all select 'reporting depth', max(depth) from (
    with recursive tree(id, depth) as (
        select id, 1 from person where organization_id = :'org' and manager_id is null
        union all select p.id, t.depth + 1 from person p join tree t on p.manager_id = t.id)
    select depth from tree) d
union all select 'database MB', pg_database_size(current_database()) / 1048576;
