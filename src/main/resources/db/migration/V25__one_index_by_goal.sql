-- V19 and V21 both created an index on commitment (goal_id, status, due, id), under two names;
-- every write of a commitment kept both. The one of V19 stays.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

drop index if exists commitment_by_goal_status_due;
