-- A team's track record walks its members and, for each, their commitments by index: the open
-- ones it counts (visible to the viewer), and those closed in the period.
create index commitment_seen_by_owner on commitment (organization_id, owner_id, status, visibility, closed_at);

-- The moves that make contributions visible, for a team's members: the commitments each made in
-- the weeks counted, those serving a goal told apart in the index.
create index commitment_made_by_owner on commitment (organization_id, owner_id, created_at, goal_id);
