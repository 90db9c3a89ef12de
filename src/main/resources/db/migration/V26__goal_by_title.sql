-- A form names a goal by its title (a search field rather than a list of every goal): the title
-- typed is looked up in the organization's goals by this index, whatever their number.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

create index goal_by_title on goal (organization_id, title);
