-- Expectations: a person asks a member or a team for a commitment; the thread of questions and
-- counter-proposals; the commitment it becomes, made to the requester, with the alignment recorded.

create table expectation (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    requester_id    uuid not null references person (id),
    to_person_id    uuid references person (id),
    to_team_id      uuid references team (id),
    what            varchar(500) not null,
    done_when       varchar(1000) not null,
    due             date not null,
    why             varchar(2000),
    status          varchar(16) not null,
    decline_reason  varchar(2000),
    commitment_id   uuid references commitment (id),
    accepted_by     uuid references person (id),
    accepted_at     timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null
);
create index expectation_by_requester on expectation (organization_id, requester_id, status);
create index expectation_by_person on expectation (organization_id, to_person_id, status);
create index expectation_by_team on expectation (organization_id, to_team_id, status);

create table expectation_message (
    expectation_id      uuid not null references expectation (id),
    position            integer not null,
    author_id           uuid not null references person (id),
    kind                varchar(16) not null,
    text                varchar(2000) not null,
    proposed_due        date,
    proposed_done_when  varchar(1000),
    counter_status      varchar(16),
    decided_at          timestamp with time zone,
    created_at          timestamp with time zone not null,
    primary key (expectation_id, position)
);

-- the person a commitment is made to (the requester of the expectation it came from), who sees it
-- and is the other side of its renegotiations and its verification; and when both sides aligned
alter table commitment add column made_to_id uuid references person (id);
alter table commitment add column aligned_at timestamp with time zone;
create index commitment_by_made_to on commitment (organization_id, made_to_id);
