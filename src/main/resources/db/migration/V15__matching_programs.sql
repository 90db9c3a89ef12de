-- Matching programs: what an admin sets up (who may join, the deadline, rules, weights, coaches),
-- the profiles members opt in with, each run of the engine, and the proposals it makes, which the
-- people in them accept or decline. Competitors are not here: they stay in competitor_declaration.

create table matching_program (
    id                          uuid primary key,
    organization_id             uuid not null references organization (id),
    name                        varchar(120) not null,
    created_by                  uuid not null references person (id),
    opt_in_until                timestamp with time zone,
    avoid_previous_partners     boolean not null,
    team_rule                   varchar(32) not null,
    region_preference           varchar(32) not null,
    largest_level_gap           integer,
    weight_growth               double precision not null,
    weight_respect              double precision not null,
    weight_other_team           double precision not null,
    weight_region               double precision not null,
    weight_level                double precision not null,
    weight_working_hours        double precision not null,
    weight_cadence              double precision not null,
    created_at                  timestamp with time zone not null
);
create index matching_program_by_organization on matching_program (organization_id, created_at);

-- no rows: everyone in the organization may join; rows: members of these teams only
create table matching_program_team (
    program_id uuid not null references matching_program (id),
    team_id    uuid not null references team (id),
    primary key (program_id, team_id)
);

create table matching_program_coach (
    program_id uuid not null references matching_program (id),
    person_id  uuid not null references person (id),
    primary key (program_id, person_id)
);

create table matching_participant (
    program_id        uuid not null references matching_program (id),
    person_id         uuid not null references person (id),
    organization_id   uuid not null references organization (id),
    time_zone         varchar(64) not null,
    preferred_cadence varchar(16),
    joined_at         timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    primary key (program_id, person_id)
);

-- a participant's strengths (kind S) and growth areas (kind G) for this program
create table matching_participant_tag (
    program_id uuid not null references matching_program (id),
    person_id  uuid not null references person (id),
    kind       varchar(1) not null,
    tag        varchar(40) not null,
    primary key (program_id, person_id, kind, tag)
);

create table matching_respect (
    program_id   uuid not null references matching_program (id),
    person_id    uuid not null references person (id),
    respected_id uuid not null references person (id),
    primary key (program_id, person_id, respected_id)
);

create table matching_run (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    program_id      uuid not null references matching_program (id),
    run_by          uuid not null references person (id),
    total_score     double precision not null,
    created_at      timestamp with time zone not null
);
create index matching_run_by_program on matching_run (program_id, created_at);

create table matching_run_unmatched (
    run_id    uuid not null references matching_run (id),
    person_id uuid not null references person (id),
    position  integer not null,
    primary key (run_id, person_id)
);

-- one pair (kind PAIR), a pair joined by a third (TRIO) or a coach offered to someone left
-- unmatched (COACH); PENDING until everyone accepts (ACCEPTED) or anyone declines (DECLINED)
create table match_proposal (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    program_id      uuid not null references matching_program (id),
    run_id          uuid not null references matching_run (id),
    position        integer not null,
    kind            varchar(16) not null,
    status          varchar(16) not null,
    created_at      timestamp with time zone not null,
    decided_at      timestamp with time zone,
    version         bigint not null
);
create index match_proposal_by_run on match_proposal (run_id, position);
create index match_proposal_by_program on match_proposal (program_id, status);

-- the people of a proposal and each one's answer (null while they have not answered)
create table match_proposal_member (
    proposal_id uuid not null references match_proposal (id),
    person_id   uuid not null references person (id),
    position    integer not null,
    answer      varchar(16),
    answered_at timestamp with time zone,
    primary key (proposal_id, person_id)
);
create index match_proposal_member_by_person on match_proposal_member (person_id);

-- the pairs inside a proposal as the engine explained them: one for a pair, three for a trio
-- (the pair, then the third with a and with b); reasons are sentences separated by new lines
create table match_proposal_pair (
    proposal_id uuid not null references match_proposal (id),
    position    integer not null,
    a_id        uuid not null references person (id),
    b_id        uuid not null references person (id),
    score       double precision not null,
    reasons     varchar(4000) not null,
    primary key (proposal_id, position)
);
