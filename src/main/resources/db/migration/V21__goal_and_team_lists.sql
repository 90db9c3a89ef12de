-- Goal, team-work and check-in lists, read a page at a time (keyset): the commitments serving one
-- goal (open ones first, then by due date), the goals beneath one goal (organization goals first,
-- then by due date), a goal's proposals, decisions and advice requests (newest first). The check-in
-- lists use check_in_by_partnership (organization_id, partnership_id, starts_at) of V10.

create index if not exists commitment_by_goal_status_due on commitment (goal_id, status, due, id);
create index if not exists goal_by_parent_due on goal (organization_id, parent_id, due, id);
create index if not exists goal_proposal_by_goal_time on goal_proposal (organization_id, goal_id, created_at, id);
create index if not exists decision_note_by_time on decision_note (organization_id, created_at, id);
create index if not exists advice_request_by_time on advice_request (organization_id, created_at, id);
