-- The accountability pulse: a short recurring survey sent to chosen teams.
-- Anonymity by design: an answer is stored without the person who gave it (random ids, no time,
-- no order); who has answered a round is a separate receipt that shares nothing with the answers.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

create table pulse (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    title           varchar(120) not null,
    cadence         varchar(16) not null,
    min_group       integer not null,
    starts_on       date not null,
    next_round_on   date not null,
    status          varchar(16) not null,
    created_at      timestamp with time zone not null,
    version         bigint not null,
    constraint pulse_min_group check (min_group >= 3)
);
create index pulse_by_organization on pulse (organization_id, created_at, id);
create index pulse_due on pulse (status, next_round_on);

create table pulse_question (
    id       uuid primary key,
    pulse_id uuid not null references pulse (id),
    position integer not null,
    text     varchar(300) not null
);
create unique index pulse_question_order on pulse_question (pulse_id, position);

create table pulse_team (
    pulse_id uuid not null references pulse (id),
    team_id  uuid not null references team (id),
    primary key (pulse_id, team_id)
);
create index pulse_team_by_team on pulse_team (team_id, pulse_id);

-- a round is open from opens_on until the day before closes_on
create table pulse_round (
    id              uuid primary key,
    pulse_id        uuid not null references pulse (id),
    organization_id uuid not null references organization (id),
    opens_on        date not null,
    closes_on       date not null
);
create unique index pulse_round_once on pulse_round (pulse_id, opens_on);
create index pulse_round_open on pulse_round (organization_id, closes_on);

-- who has answered a round (one answer each): never which answers are theirs
create table pulse_receipt (
    round_id  uuid not null references pulse_round (id),
    person_id uuid not null references person (id),
    primary key (round_id, person_id)
);

-- one row per respondent and question, without the respondent
create table pulse_answer (
    id          uuid primary key,
    round_id    uuid not null references pulse_round (id),
    team_id     uuid not null references team (id),
    question_id uuid not null references pulse_question (id),
    score       smallint not null,
    constraint pulse_answer_score check (score between 1 and 5)
);
create index pulse_answer_by_round on pulse_answer (round_id, team_id);

-- the optional comment of an answer, without the respondent and apart from their scores
create table pulse_comment (
    id       uuid primary key,
    round_id uuid not null references pulse_round (id),
    team_id  uuid not null references team (id),
    text     varchar(1000) not null
);
create index pulse_comment_by_round on pulse_comment (round_id, team_id);
