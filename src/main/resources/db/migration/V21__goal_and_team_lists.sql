-- Goal and team-work lists, read a page at a time: the commitments serving one goal (open ones
-- first, then by due date) and the goals beneath one goal (organization goals first, then by due date).

create index if not exists commitment_by_goal_status_due on commitment (goal_id, status, due, id);
create index if not exists goal_by_parent_due on goal (organization_id, parent_id, due, id);
