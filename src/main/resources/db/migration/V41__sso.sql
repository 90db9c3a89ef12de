-- Single sign-on with OpenID Connect: an organization's identity providers (the client secret
-- encrypted with AES-GCM, never stored in clear), the e-mail domains each one may sign in, whether
-- the organization's people may sign in only through them, and which person a provider's subject
-- signed in as (so that later sign-ins match by subject, not by e-mail).
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

create table sso_provider (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    name            varchar(80) not null,
    issuer          varchar(500) not null,
    client_id       varchar(255) not null,
    client_secret   varchar(1000),
    enabled         boolean not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index sso_provider_by_organization on sso_provider (organization_id, created_at, id);

create table sso_domain (
    provider_id uuid not null references sso_provider (id) on delete cascade,
    domain      varchar(253) not null,
    primary key (provider_id, domain)
);
create index sso_domain_by_domain on sso_domain (domain);

create table sso_setting (
    organization_id uuid primary key references organization (id),
    sso_only        boolean not null
);

create table sso_identity (
    organization_id uuid not null references organization (id),
    issuer          varchar(500) not null,
    subject         varchar(255) not null,
    person_id       uuid not null references person (id),
    created_at      timestamp with time zone not null,
    primary key (organization_id, issuer, subject)
);
