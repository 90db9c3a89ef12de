-- The commitment's lifecycle: milestones, how in control the owner feels, renegotiations, the
-- other side's confirmation, reflections, and the in-app reminder of an overdue assessment.

alter table progress_update add column control integer;
alter table progress_update add column needs varchar(1000);

alter table commitment add column renegotiated integer default 0 not null;
alter table commitment add column confirmation varchar(16);
alter table commitment add column confirmed_by uuid references person (id);
alter table commitment add column confirmation_comment varchar(2000);
alter table commitment add column confirmed_at timestamp with time zone;
-- the due date the owner was last reminded of as overdue and not assessed (one reminder per date)
alter table commitment add column overdue_reminded_for date;

create table milestone (
    commitment_id   uuid not null references commitment (id),
    position        integer not null,
    title           varchar(200) not null,
    due             date not null,
    done_at         timestamp with time zone,
    created_at      timestamp with time zone not null,
    primary key (commitment_id, position)
);

create table renegotiation (
    commitment_id   uuid not null references commitment (id),
    position        integer not null,
    proposed_by     uuid not null references person (id),
    reason          varchar(2000) not null,
    old_due         date not null,
    new_due         date not null,
    old_done_when   varchar(1000) not null,
    new_done_when   varchar(1000) not null,
    status          varchar(16) not null,
    decided_by      uuid references person (id),
    decided_at      timestamp with time zone,
    created_at      timestamp with time zone not null,
    primary key (commitment_id, position)
);

create table reflection (
    commitment_id   uuid not null references commitment (id),
    position        integer not null,
    author_id       uuid not null references person (id),
    worked          varchar(2000),
    change_next     varchar(2000),
    created_at      timestamp with time zone not null,
    primary key (commitment_id, position)
);
