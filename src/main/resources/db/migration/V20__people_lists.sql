-- Indexes for the keyset pages of the directory, thanks, partnerships and the inbox: each list
-- reads its page in index order (the sort value, then the id) instead of sorting everything.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

-- the directory by name, and a team's members by name (GET /people?team=)
create index if not exists person_by_name on person (organization_id, name, id);
create index if not exists person_by_team_and_name on person (organization_id, team_id, name, id);

-- thanks, newest first
create index if not exists kudos_page on kudos (organization_id, created_at, id);

-- one person's partnerships, newest first, on either side
create index if not exists partnership_page_by_inviter on partnership (organization_id, inviter_id, created_at, id);
create index if not exists partnership_page_by_partner on partnership (organization_id, partner_id, created_at, id);

-- one person's inbox, newest first
create index if not exists notification_page on notification (organization_id, person_id, created_at, id);
