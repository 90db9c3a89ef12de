-- when the person last changed (or reset) their password: a browser session signed in before it ends
alter table person add column password_changed_at timestamp with time zone;

-- a link to choose a new password: single-use, valid for an hour; only a hash of its token is kept
create table password_reset (
    token_hash      varchar(64) primary key,
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone
);
create index password_reset_person on password_reset (person_id);
