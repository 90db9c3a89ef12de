-- Step 4, declare ownership: when the owner took the outcome as theirs, and the co-owners they
-- invited (who accept, see the commitment and report progress on it).

alter table commitment add column owned_at timestamp with time zone;

create table co_owner (
    commitment_id   uuid not null references commitment (id),
    person_id       uuid not null references person (id),
    status          varchar(16) not null,
    invited_at      timestamp with time zone not null,
    accepted_at     timestamp with time zone,
    primary key (commitment_id, person_id)
);
create index co_owner_by_person on co_owner (person_id);
