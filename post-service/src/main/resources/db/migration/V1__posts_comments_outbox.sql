-- Posts, their comments, and the outbox of events announcing changes to them.

create table posts (
    id            uuid primary key,
    slug          text        not null unique,
    title         text        not null,
    body          text        not null,
    author_name   text        not null,
    author_email  text        not null,
    comments_open boolean     not null default true,
    published     boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- One row per comment; the id is the comment id chosen by comment-intake, so a redelivered
-- comment-scored event finds its row already there (insert ... on conflict (id) do nothing).
create table comments (
    id               uuid primary key,
    post_id          uuid             not null references posts (id),
    -- no foreign key: a reply may name a parent this service has never seen (it is then held as pending)
    parent_id        uuid,
    author_name      text             not null,
    author_email     text             not null,
    author_url       text,
    author_ip        text,
    content          text             not null,
    status           text             not null check (status in ('approved', 'pending', 'spam', 'trash')),
    verdict          text             not null check (verdict in ('HAM', 'SPAM', 'UNSURE')),
    score            double precision not null,
    reasons          text[]           not null default '{}',
    submitted_at     timestamptz      not null,
    created_at       timestamptz      not null default now(),
    notify_followups boolean          not null default false
);

create index comments_by_post_and_status on comments (post_id, status, submitted_at);
create index comments_by_parent on comments (parent_id) where parent_id is not null;

-- Events written in the same transaction as the change they announce; the relay sends them in id order
-- and stamps published_at once the broker acknowledged them.
create table outbox (
    id           bigserial primary key,
    topic        text        not null,
    key          text        not null,
    event_type   text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
