-- Co-owned goals: a team proposes a goal to other teams, each team accepts, counter-proposes
-- changed terms or declines, and once every team has accepted the same terms the goal is owned by
-- all of them, each with what it contributes. The whole negotiation is kept.

create table goal_owner_team (
    goal_id         uuid not null references goal (id),
    team_id         uuid not null references team (id),
    organization_id uuid not null references organization (id),
    position        integer not null,
    contribution    varchar(1000) not null,
    since           timestamp with time zone not null,
    primary key (goal_id, team_id)
);
create index goal_owner_team_by_team on goal_owner_team (organization_id, team_id);

create table goal_proposal (
    id                uuid primary key,
    organization_id   uuid not null references organization (id),
    goal_id           uuid not null references goal (id),
    proposing_team_id uuid not null references team (id),
    status            varchar(16) not null,
    round             integer not null,
    created_by        uuid not null references person (id),
    created_at        timestamp with time zone not null,
    closed_at         timestamp with time zone,
    version           bigint not null
);
create index goal_proposal_by_goal on goal_proposal (organization_id, goal_id);

-- Each team in a negotiation: the proposer, a team that already co-owns the goal, or one invited.
create table goal_proposal_team (
    proposal_id     uuid not null references goal_proposal (id),
    team_id         uuid not null references team (id),
    position        integer not null,
    role            varchar(16) not null,
    answer          varchar(16) not null,
    accepted_round  integer,
    reason          varchar(1000),
    primary key (proposal_id, team_id)
);
create index goal_proposal_team_by_team on goal_proposal_team (team_id);

-- The terms of each round: round 1 is the proposal, each later round a counter-proposal.
create table goal_proposal_terms (
    proposal_id     uuid not null references goal_proposal (id),
    round           integer not null,
    team_id         uuid not null references team (id),
    person_id       uuid not null references person (id),
    title           varchar(200) not null,
    why             varchar(2000) not null,
    done_when       varchar(1000) not null,
    due             date not null,
    note            varchar(1000),
    created_at      timestamp with time zone not null,
    primary key (proposal_id, round)
);

create table goal_proposal_contribution (
    proposal_id     uuid not null references goal_proposal (id),
    round           integer not null,
    team_id         uuid not null references team (id),
    contribution    varchar(1000) not null,
    primary key (proposal_id, round, team_id)
);

-- The history: who did what for which team, in order.
create table goal_proposal_step (
    proposal_id     uuid not null references goal_proposal (id),
    seq             integer not null,
    kind            varchar(16) not null,
    team_id         uuid not null references team (id),
    person_id       uuid not null references person (id),
    round           integer not null,
    reason          varchar(1000),
    at              timestamp with time zone not null,
    primary key (proposal_id, seq)
);
create index goal_proposal_step_by_time on goal_proposal_step (at);

-- Members a team's lead allows to negotiate co-owned goals for the team.
create table team_negotiator (
    team_id         uuid not null references team (id),
    person_id       uuid not null references person (id),
    organization_id uuid not null references organization (id),
    allowed_by      uuid not null references person (id),
    allowed_at      timestamp with time zone not null,
    primary key (team_id, person_id)
);
