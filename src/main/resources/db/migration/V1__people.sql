-- Organizations (tenants), their people, teams, invitations and API tokens.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

create table organization (
    id          uuid primary key,
    name        varchar(120) not null,
    created_at  timestamp with time zone not null,
    version     bigint not null
);

create table team (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    name            varchar(80) not null,
    lead_id         uuid,
    created_at      timestamp with time zone not null,
    version         bigint not null
);
create unique index team_name_per_organization on team (organization_id, name);

create table person (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    name            varchar(120) not null,
    email           varchar(254) not null,
    title           varchar(120),
    team_id         uuid references team (id),
    region          varchar(80),
    manager_id      uuid references person (id),
    role            varchar(16) not null,
    status          varchar(16) not null,
    password_hash   varchar(255),
    time_zone       varchar(64) not null,
    created_at      timestamp with time zone not null,
    version         bigint not null
);
create unique index person_email_per_organization on person (organization_id, email);
create index person_by_email on person (email);
create index person_by_manager on person (organization_id, manager_id);
create index person_by_team on person (organization_id, team_id);

alter table team add constraint team_lead foreign key (lead_id) references person (id);

create table invitation (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    token_hash      varchar(64) not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    revoked_at      timestamp with time zone,
    created_at      timestamp with time zone not null,
    version         bigint not null
);
create unique index invitation_by_token on invitation (token_hash);
create index invitation_by_person on invitation (organization_id, person_id);

create table api_token (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    name            varchar(80) not null,
    token_hash      varchar(64) not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone,
    version         bigint not null
);
create unique index api_token_by_hash on api_token (token_hash);
create index api_token_by_person on api_token (organization_id, person_id);
