-- Outgoing e-mail becomes a queue: a mail is written PENDING in the transaction that asks for it,
-- and MailSender claims it (SENDING), sends it and marks it SENT, or puts it back PENDING to try
-- again later (attempts, next_attempt_at, last_error) until it gives up (FAILED). LOGGED mails were
-- never meant to be sent: no mail server is configured. A mail may carry one text attachment, such
-- as a calendar invitation.

alter table outgoing_mail add column attempts integer not null default 0;
alter table outgoing_mail add column next_attempt_at timestamp with time zone;
alter table outgoing_mail add column claimed_at timestamp with time zone;
alter table outgoing_mail add column last_error varchar(500);
alter table outgoing_mail add column attachment_name varchar(200);
alter table outgoing_mail add column attachment_type varchar(200);
alter table outgoing_mail add column attachment varchar(20000);

-- no check constraint on the status: H2 evaluates an IN-list check with the session that created
-- it, and fails every write once that connection is closed (by the pool, or another instance)

-- what the sender looks for on every run: mails due now, and claims left behind by a dead instance
create index outgoing_mail_due on outgoing_mail (status, next_attempt_at);
