-- Accountability partners: partnerships under the rules, private competitor declarations,
-- commitments shared with chosen partnerships, challenges, and the in-app inbox.

alter table person add column level integer;

create table partnership (
    id                uuid primary key,
    organization_id   uuid not null references organization (id),
    inviter_id        uuid not null references person (id),
    partner_id        uuid not null references person (id),
    kind              varchar(16) not null,
    status            varchar(16) not null,
    message           varchar(1000),
    cadence           varchar(16) not null,
    inviter_challenge varchar(1000),
    partner_challenge varchar(1000),
    -- "smaller id:larger id" while the partnership is open (invited, active, paused, suspended),
    -- null once declined or ended: at most one open partnership per pair of people
    open_pair         varchar(80),
    created_at        timestamp with time zone not null,
    accepted_at       timestamp with time zone,
    ended_at          timestamp with time zone,
    updated_at        timestamp with time zone not null,
    version           bigint not null
);
create unique index partnership_one_open_per_pair on partnership (organization_id, open_pair);
create index partnership_by_inviter on partnership (organization_id, inviter_id, status);
create index partnership_by_partner on partnership (organization_id, partner_id, status);

create table competitor_declaration (
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    competitor_id   uuid not null references person (id),
    created_at      timestamp with time zone not null,
    primary key (person_id, competitor_id)
);
create index competitor_declaration_by_competitor on competitor_declaration (organization_id, competitor_id);

-- a commitment with visibility PARTNERS and no rows here is shared with all the owner's active
-- partnerships; with rows, only with those
create table commitment_share (
    commitment_id   uuid not null references commitment (id),
    partnership_id  uuid not null references partnership (id),
    primary key (commitment_id, partnership_id)
);
create index commitment_share_by_partnership on commitment_share (partnership_id);

create table challenge (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    commitment_id   uuid not null references commitment (id),
    owner_id        uuid not null references person (id),
    author_id       uuid not null references person (id),
    kind            varchar(16) not null,
    message         varchar(2000) not null,
    helpful         boolean,
    created_at      timestamp with time zone not null,
    answered_at     timestamp with time zone,
    version         bigint not null
);
create index challenge_by_commitment on challenge (organization_id, commitment_id, created_at);

create table challenge_answer (
    challenge_id    uuid not null references challenge (id),
    position        integer not null,
    author_id       uuid not null references person (id),
    message         varchar(2000) not null,
    created_at      timestamp with time zone not null,
    primary key (challenge_id, position)
);

create table notification (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    dedup_key       varchar(200) not null,
    kind            varchar(32) not null,
    text            varchar(300) not null,
    link            varchar(300),
    created_at      timestamp with time zone not null,
    read_at         timestamp with time zone,
    version         bigint not null
);
create unique index notification_once on notification (dedup_key);
create index notification_by_person on notification (organization_id, person_id, created_at);

-- an outside partner's invitation is between the partners: not listed in the admin outbox
alter table outgoing_mail add column confidential boolean default false not null;
