-- Sharing is decided when the owner shares: a commitment for partners names every partnership it
-- is shared with, and a partnership that begins later sees nothing shared before it began until
-- the owner shares it there too. Commitments that named none ("all my partners", until now
-- resolved when read) are given the open partnerships that had begun when they were made.
insert into commitment_share (commitment_id, partnership_id)
select c.id, p.id
  from commitment c
  join partnership p
    on p.organization_id = c.organization_id
   and (p.inviter_id = c.owner_id or (p.partner_id = c.owner_id and p.kind = 'PEER'))
 where c.visibility = 'PARTNERS'
   and not exists (select 1 from commitment_share s where s.commitment_id = c.id)
   and p.status in ('ACTIVE', 'PAUSED', 'SUSPENDED')
   and p.accepted_at is not null
   and p.accepted_at <= c.created_at;

-- An unanswered invitation lapses (status LAPSED, no longer open) once lapses_at has passed.
alter table partnership add column lapses_at timestamp with time zone;
update partnership set lapses_at = created_at + interval '30' day where status = 'INVITED';
create index partnership_lapsing on partnership (status, lapses_at);

-- An invitation the invited person's private competitor declaration blocks: the inviter sees it
-- pending like any other until it lapses; the invited person never sees it, nor learns of it.
alter table partnership add column silenced boolean default false not null;
