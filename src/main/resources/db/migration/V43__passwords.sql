-- when the person last changed (or reset) their password: a browser session signed in before it ends
alter table person add column password_changed_at timestamp with time zone;
