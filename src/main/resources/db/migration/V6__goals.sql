-- Goals: organization goals (no team) and team goals, forming a tree (at most one parent each),
-- and the goal a commitment serves.

create table goal (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    team_id         uuid references team (id),
    parent_id       uuid references goal (id),
    title           varchar(200) not null,
    why             varchar(2000) not null,
    done_when       varchar(1000) not null,
    due             date not null,
    created_by      uuid not null references person (id),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null
);
create index goal_by_organization on goal (organization_id, team_id, due);
create index goal_by_parent on goal (organization_id, parent_id);

alter table commitment add column goal_id uuid references goal (id);
create index commitment_by_goal on commitment (organization_id, goal_id);
