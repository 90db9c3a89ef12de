-- Limits on sign-in, sign-up and token creation live in the database, so that several instances
-- on one database allow no more attempts than one. A row is one bucket: the failed sign-ins for
-- one e-mail, or the attempts of one action from one client address. The key is the kind of
-- bucket and a SHA-256 hash of the e-mail or address, so neither is stored as such. Each row is
-- changed only by a conditional update on its version; a row past expires_at says nothing any
-- more and is deleted by a job.
create table rate_limit (
    bucket        varchar(100) primary key,
    hits          integer not null,
    started_at    timestamp with time zone not null,
    last_at       timestamp with time zone not null,
    blocked_until timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    version       bigint not null
);
create index rate_limit_by_expiry on rate_limit (expires_at);

-- API tokens expire (null: never, which an admin allows per organization) and have a scope.
-- Tokens made before this migration keep working for 90 days from it, reading and writing as
-- before; their owners make new ones with the expiry they want.
alter table api_token add column expires_at timestamp with time zone;
alter table api_token add column scope varchar(20) not null default 'READ_WRITE';
update api_token set expires_at = current_timestamp + interval '90' day;

alter table organization add column api_tokens_may_never_expire boolean not null default false;
