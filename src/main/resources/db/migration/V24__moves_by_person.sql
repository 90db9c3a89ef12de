-- The everyday moves of one person or one team are read by person and period: an index on each
-- table's person column and time, so that the read does not scan the organization's rows
-- (progress updates had no index but their primary key).
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
create index if not exists progress_update_by_author on progress_update (organization_id, author_id, created_at);
create index if not exists kudos_by_giver on kudos (organization_id, giver_id, created_at);
create index if not exists advice_request_by_asker on advice_request (organization_id, asker_id, created_at);
create index if not exists decision_note_by_author on decision_note (organization_id, author_id, created_at);
create index if not exists help_offer_by_offerer_in_time on help_offer (organization_id, offered_by, created_at);
create index if not exists goal_proposal_step_by_person on goal_proposal_step (person_id, at);
