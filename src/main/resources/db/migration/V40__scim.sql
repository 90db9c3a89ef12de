-- Directory sync (SCIM 2.0): the organization's bearer tokens for its identity provider, and what
-- the provider knows of the people and teams it keeps (its own id for them, when it last changed them).
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

create table scim_token (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    created_by      uuid not null references person (id),
    name            varchar(80) not null,
    token_hash      varchar(64) not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone
);
create unique index scim_token_by_hash on scim_token (token_hash);
create index scim_token_by_organization on scim_token (organization_id, created_at);

create table scim_resource (
    resource_type   varchar(8) not null,
    resource_id     uuid not null,
    organization_id uuid not null references organization (id),
    external_id     varchar(255),
    created_at      timestamp with time zone not null,
    last_modified   timestamp with time zone not null,
    primary key (resource_type, resource_id)
);
create index scim_resource_by_external_id on scim_resource (organization_id, resource_type, external_id);
