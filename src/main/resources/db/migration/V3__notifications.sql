-- Outgoing e-mail (what was sent or, without an SMTP server, logged) and the
-- Spring Modulith event publication registry: the outbox between modules.

create table outgoing_mail (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    dedup_key       varchar(200) not null,
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    body            varchar(20000) not null,
    status          varchar(16) not null,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    version         bigint not null
);
create unique index outgoing_mail_once on outgoing_mail (dedup_key);
create index outgoing_mail_by_organization on outgoing_mail (organization_id, created_at);

create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(20000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_listener on event_publication (listener_id);
