-- A person's and a team's insights read by person or team and period: the challenges a person
-- received, and the thanks a team or one of its members received, each through an index rather
-- than the organization's rows. (Thanks given, help offered and received, commitments by owner or
-- goal, check-ins by partnership already have theirs.)
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
create index if not exists challenge_by_owner on challenge (organization_id, owner_id, created_at);
create index if not exists kudos_by_team_thanked on kudos (organization_id, to_team_id, created_at);
create index if not exists kudos_by_person_thanked on kudos (organization_id, to_person_id, created_at);
