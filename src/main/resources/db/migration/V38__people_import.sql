-- A CSV file of people an admin uploaded: kept between its preview and its application, so that
-- what is applied is exactly what was previewed. Removed when applied, or after a day.
create table person_import (
    id              uuid primary key,
    organization_id uuid not null,
    uploaded_by     uuid not null,
    content         varchar(2000000) not null,
    created_at      timestamp with time zone not null
);
create index person_import_by_age on person_import (created_at);

-- the people of an organization who have not joined yet, newest first
create index person_by_status on person (organization_id, status, created_at, id);
