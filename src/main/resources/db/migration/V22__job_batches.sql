-- The background jobs read their backlog a batch at a time in the order of an index.

-- due-date reminders: the open commitments in a range of due dates, in (due, id) order
create index if not exists commitment_open_by_due on commitment (status, due, id);
