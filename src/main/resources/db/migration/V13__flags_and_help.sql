-- Mutual accountability: jeopardy flags (someone says a commitment, expectation or goal is at
-- risk: what they noticed, a question) and offers of help to a person or a team.

create table help_offer (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    offered_by      uuid not null references person (id),
    to_person_id    uuid references person (id),
    to_team_id      uuid references team (id),
    kind            varchar(16) not null,
    what            varchar(1000) not null,
    -- the goal, commitment or expectation it helps with (no foreign key: it names one of three tables)
    target_type     varchar(16),
    target_id       uuid,
    flag_id         uuid,
    status          varchar(16) not null,
    decline_reason  varchar(1000),
    answered_by     uuid references person (id),
    answered_at     timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null
);
create index help_offer_by_offerer on help_offer (organization_id, offered_by);
create index help_offer_by_person on help_offer (organization_id, to_person_id);
create index help_offer_by_team on help_offer (organization_id, to_team_id);
create index help_offer_by_target on help_offer (organization_id, target_type, target_id, status);
create index help_offer_by_time on help_offer (organization_id, created_at);

create table jeopardy_flag (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    target_type     varchar(16) not null,
    target_id       uuid not null,
    raised_by       uuid not null references person (id),
    noticed         varchar(2000) not null,
    question        varchar(1000) not null,
    help_offer_id   uuid references help_offer (id),
    status          varchar(16) not null,
    answer          varchar(2000),
    answered_by     uuid references person (id),
    answered_at     timestamp with time zone,
    note            varchar(1000),
    closed_by       uuid references person (id),
    closed_at       timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null
);
create index jeopardy_flag_by_target on jeopardy_flag (organization_id, target_type, target_id);
create index jeopardy_flag_by_raiser on jeopardy_flag (organization_id, raised_by);

-- who owned the target when the flag was raised: told of it, and finding it among "flags on my
-- things"; who may answer is decided on the current state, not this list
create table jeopardy_flag_owner (
    flag_id   uuid not null references jeopardy_flag (id),
    person_id uuid not null references person (id),
    primary key (flag_id, person_id)
);
create index jeopardy_flag_owner_by_person on jeopardy_flag_owner (person_id);
