-- An e-mail that carries a secret link (an invitation, a password reset) lets whoever reads it act
-- as its recipient. With a mail server the admin outbox shows that it went out, to whom, when and
-- how it fared, never its body, and the body is not kept once the mail is sent or given up.

alter table outgoing_mail add column secret_link boolean default false not null;

update outgoing_mail set secret_link = true where dedup_key like 'invitation:%';

-- sent or given up, such a mail needs its link no longer: only LOGGED ones (no mail server) keep it
update outgoing_mail set body = '' where secret_link = true and status in ('SENT', 'FAILED');
