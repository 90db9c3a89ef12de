-- A list's first page walks one index, open commitments first, then closed ones ('OPEN' sorts
-- after 'CLOSED', hence "status desc"), each by due date and id, and stops after a page: it no
-- longer reads a page of closed ones that the open ones already fill. An equality on the state,
-- as later pages use, walks these as well as the ascending ones they replace.
drop index if exists commitment_in_list_order;
create index commitment_in_list_order on commitment (organization_id, status desc, due, id);
drop index if exists commitment_by_owner_in_list_order;
create index commitment_by_owner_in_list_order on commitment (organization_id, owner_id, status desc, due, id);
drop index if exists commitment_by_goal_in_list_order;
create index commitment_by_goal_in_list_order on commitment (goal_id, status desc, due, id);
