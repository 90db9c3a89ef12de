-- An expectation can name the goal it serves; the commitment it becomes serves that goal too.
alter table expectation add column goal_id uuid references goal (id);
