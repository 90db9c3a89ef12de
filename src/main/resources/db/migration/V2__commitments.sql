-- Commitments and their progress updates.

create table commitment (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    owner_id        uuid not null references person (id),
    what            varchar(500) not null,
    done_when       varchar(1000) not null,
    due             date not null,
    why             varchar(2000),
    visibility      varchar(16) not null,
    status          varchar(16) not null,
    percent         integer not null,
    confidence      varchar(16),
    outcome         varchar(16),
    reflection      varchar(4000),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    last_progress_at timestamp with time zone,
    closed_at       timestamp with time zone,
    version         bigint not null
);
create index commitment_by_owner on commitment (organization_id, owner_id, status, due);
create index commitment_by_visibility on commitment (organization_id, visibility, status, due);

create table progress_update (
    commitment_id   uuid not null references commitment (id),
    position        integer not null,
    organization_id uuid not null references organization (id),
    author_id       uuid not null references person (id),
    percent         integer not null,
    confidence      varchar(16) not null,
    note            varchar(2000),
    created_at      timestamp with time zone not null,
    primary key (commitment_id, position)
);
