-- Whether a person is e-mailed when a round of a pulse they are asked opens (the notice in the app
-- always comes). Everyone is, until they turn it off on their notification settings.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

alter table person_preference add column email_pulse_rounds boolean default true not null;
