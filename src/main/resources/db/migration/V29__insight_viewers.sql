-- Organization insights: the people an admin allows to see the organization's effect study (admins
-- always may), listed newest first a page at a time; and the indexes the study reads through.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

create table insight_viewer (
    organization_id uuid not null references organization (id),
    person_id       uuid not null references person (id),
    added_by        uuid not null references person (id),
    added_at        timestamp with time zone not null,
    primary key (organization_id, person_id)
);
create index insight_viewer_page on insight_viewer (organization_id, added_at, person_id);

-- the study reads an organization's commitments closed in a period
create index if not exists commitment_closed_in_period on commitment (organization_id, status, closed_at);
-- and the people its matching programs matched
create index if not exists match_proposal_by_status on match_proposal (organization_id, status);
