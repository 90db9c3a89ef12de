-- Commitment lists walk an index in their own order and stop after a page: open ones, then closed
-- ones, each by due date and id (keyset). The owner's list and the dashboard use the owner's index.
create index if not exists commitment_in_list_order on commitment (organization_id, status, due, id);
create index if not exists commitment_by_owner_in_list_order on commitment (organization_id, owner_id, status, due, id);
-- a goal's commitments, in the list's order
create index if not exists commitment_by_goal_in_list_order on commitment (goal_id, status, due, id);
