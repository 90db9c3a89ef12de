-- The matching lists, read a page at a time (keyset): an organization's programs and a program's
-- runs (newest first), a run's pairs and trios (in the order the run made them) and the people it
-- left unmatched. One person's proposals are read through match_proposal_member_by_person (V15):
-- they are the few that person was ever in, sorted newest first.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

create index if not exists matching_program_page on matching_program (organization_id, created_at, id);
create index if not exists matching_run_page on matching_run (program_id, created_at, id);
create index if not exists match_proposal_run_kind_page on match_proposal (run_id, kind, position, id);
create index if not exists matching_run_unmatched_page on matching_run_unmatched (run_id, position, person_id);
