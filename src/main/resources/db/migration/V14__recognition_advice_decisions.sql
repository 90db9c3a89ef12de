-- Strengths of members (areas of expertise), thanks (kudos), advice requests with the people
-- invited to answer and their answers, and decision notes with the teams they affect and comments.

create table person_strength (
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    strength        varchar(40) not null,
    primary key (person_id, strength)
);
create index person_strength_by_area on person_strength (organization_id, strength);

create table kudos (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    giver_id        uuid not null references person (id),
    to_person_id    uuid references person (id),
    to_team_id      uuid references team (id),
    message         varchar(1000) not null,
    for_type        varchar(16),
    for_id          uuid,
    across_teams    boolean not null,
    created_at      timestamp with time zone not null
);
create index kudos_by_organization on kudos (organization_id, created_at);
create index kudos_by_target on kudos (organization_id, for_id);

create table advice_request (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    asker_id        uuid not null references person (id),
    question        varchar(300) not null,
    details         varchar(4000) not null,
    created_at      timestamp with time zone not null,
    closed_at       timestamp with time zone
);
create index advice_request_by_organization on advice_request (organization_id, created_at);

create table advice_area (
    advice_request_id uuid not null references advice_request (id),
    area              varchar(40) not null,
    primary key (advice_request_id, area)
);

create table advice_invitation (
    advice_request_id uuid not null references advice_request (id),
    person_id         uuid not null references person (id),
    primary key (advice_request_id, person_id)
);
create index advice_invitation_by_person on advice_invitation (person_id);

create table advice_answer (
    id                uuid primary key,
    advice_request_id uuid not null references advice_request (id),
    author_id         uuid not null references person (id),
    text              varchar(4000) not null,
    helpful           boolean,
    created_at        timestamp with time zone not null
);
create index advice_answer_by_request on advice_answer (advice_request_id, created_at);

create table decision_note (
    id                  uuid primary key,
    organization_id     uuid not null references organization (id),
    author_id           uuid not null references person (id),
    title               varchar(200) not null,
    decision            varchar(4000) not null,
    serves_organization varchar(4000) not null,
    created_at          timestamp with time zone not null
);
create index decision_note_by_organization on decision_note (organization_id, created_at);

create table decision_option (
    decision_id uuid not null references decision_note (id),
    position    integer not null,
    text        varchar(500) not null,
    primary key (decision_id, position)
);

create table decision_team (
    decision_id uuid not null references decision_note (id),
    team_id     uuid not null references team (id),
    primary key (decision_id, team_id)
);
create index decision_team_by_team on decision_team (team_id);

create table decision_comment (
    id          uuid primary key,
    decision_id uuid not null references decision_note (id),
    author_id   uuid not null references person (id),
    text        varchar(2000) not null,
    created_at  timestamp with time zone not null
);
create index decision_comment_by_decision on decision_comment (decision_id, created_at);
