-- The effect study reads every column it needs of the period's closed commitments from one index
-- range, so that the range is read without a visit to each commitment's row (an index-only scan
-- on PostgreSQL): V29's index on organization, status and closing time, widened.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

drop index if exists commitment_closed_in_period;
create index commitment_closed_in_period
    on commitment (organization_id, status, closed_at, owner_id, outcome, goal_id, made_to_id, created_at, id);
