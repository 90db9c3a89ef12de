-- Check-ins: a partnership's recurring meeting (schedules proposed by one side and accepted by the
-- other), its occurrences with attendance, shared and private notes, next steps, the ledger of
-- reminders sent, each person's secret calendar feed and reminder preferences, and ShedLock's
-- table so that scheduled jobs run on one instance at a time.

create table checkin_schedule (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    partnership_id   uuid not null references partnership (id),
    proposed_by_id   uuid not null references person (id),
    cadence          varchar(16) not null,
    weekday          varchar(16) not null,
    local_time       varchar(5) not null,
    time_zone        varchar(64) not null,
    duration_minutes integer not null,
    location         varchar(500),
    -- PROPOSED, ACTIVE, REPLACED (by a newer accepted one), WITHDRAWN (a proposal replaced), STOPPED
    status           varchar(16) not null,
    proposed_at      timestamp with time zone not null,
    accepted_at      timestamp with time zone,
    accepted_by_id   uuid references person (id),
    ended_at         timestamp with time zone,
    version          bigint not null
);
create index checkin_schedule_by_partnership on checkin_schedule (organization_id, partnership_id, status);

create table check_in (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    schedule_id      uuid not null references checkin_schedule (id),
    partnership_id   uuid not null references partnership (id),
    -- the local date the schedule put it on: one occurrence per schedule and date
    occurs_on        date not null,
    starts_at        timestamp with time zone not null,
    duration_minutes integer not null,
    -- SCHEDULED, MOVED, HELD, SKIPPED
    status           varchar(16) not null,
    moved_from       timestamp with time zone,
    recorded_by_id   uuid references person (id),
    recorded_at      timestamp with time zone,
    version          bigint not null
);
create unique index check_in_once_per_date on check_in (schedule_id, occurs_on);
create index check_in_by_partnership on check_in (organization_id, partnership_id, starts_at);
create index check_in_by_start on check_in (starts_at);

create table checkin_note (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    check_in_id      uuid not null references check_in (id),
    author_id        uuid not null references person (id),
    text             varchar(4000) not null,
    is_private       boolean not null,
    created_at       timestamp with time zone not null
);
create index checkin_note_by_check_in on checkin_note (check_in_id, created_at);

create table next_step (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    partnership_id   uuid not null references partnership (id),
    check_in_id      uuid not null references check_in (id),
    text             varchar(500) not null,
    owner_id         uuid not null references person (id),
    due              date not null,
    created_by_id    uuid not null references person (id),
    created_at       timestamp with time zone not null,
    done_at          timestamp with time zone,
    version          bigint not null
);
create index next_step_by_partnership on next_step (organization_id, partnership_id, done_at);

-- one row per reminder sent: the unique key is what makes a reminder go out once per person and
-- occurrence (and again only if the occurrence is moved to another time)
create table checkin_reminder (
    check_in_id      uuid not null references check_in (id),
    person_id        uuid not null references person (id),
    starts_at        timestamp with time zone not null,
    reminded_at      timestamp with time zone not null,
    primary key (check_in_id, person_id, starts_at)
);

create table calendar_feed (
    person_id        uuid primary key references person (id),
    organization_id  uuid not null references organization (id),
    token_hash       varchar(64) not null,
    created_at       timestamp with time zone not null
);
create unique index calendar_feed_by_token on calendar_feed (token_hash);

create table person_preference (
    person_id              uuid primary key references person (id),
    organization_id        uuid not null references organization (id),
    checkin_reminder_hours integer not null,
    email_checkin_reminders boolean not null,
    email_due_reminders    boolean not null,
    email_overdue_reminders boolean not null,
    weekly_digest          boolean not null,
    updated_at             timestamp with time zone not null,
    version                bigint not null
);

-- due-date reminders: once per commitment and due date (a renegotiated date is reminded again)
alter table commitment add column due_soon_reminded_for date;

create table shedlock (
    name       varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);
