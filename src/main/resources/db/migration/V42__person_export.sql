-- A person's export of their own data (GDPR articles 15 and 20): asked for, built by a background
-- job into a ZIP kept in the row itself (any instance can serve it), downloaded once by the same
-- person before it expires; the archive is cleared at download or expiry and the row forgotten later.
create table person_export (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    status          varchar(16) not null,
    requested_at    timestamp with time zone not null,
    ready_at        timestamp with time zone,
    expires_at      timestamp with time zone,
    downloaded_at   timestamp with time zone,
    size_bytes      bigint,
    archive         bytea,
    version         bigint not null
);
create index person_export_by_person on person_export (organization_id, person_id, requested_at, id);
create index person_export_by_status on person_export (status, requested_at);
