-- Moderation (previous status for restore/not-spam, when the status last changed for the spam purge, the first
-- publication so a comment is announced once), the user agent that CommentModerated carries, and post admin
-- (publication time and an optional comment window).

alter table comments add column user_agent text;
alter table comments add column previous_status text check (previous_status in ('approved', 'pending', 'spam', 'trash'));
alter table comments add column status_changed_at timestamptz not null default now();
alter table comments add column approved_at timestamptz;
update comments set status_changed_at = created_at, approved_at = case when status = 'approved' then created_at end;

create index comments_spam_by_age on comments (status_changed_at) where status = 'spam';
create index comments_by_status on comments (status, submitted_at);

alter table posts add column published_at timestamptz;
-- comments close this many days after publication (null: never)
alter table posts add column close_comments_after_days integer check (close_comments_after_days > 0);
-- whether the last PostChanged already said the comment window has ended
alter table posts add column comment_window_closed boolean not null default false;
update posts set published_at = created_at where published;
