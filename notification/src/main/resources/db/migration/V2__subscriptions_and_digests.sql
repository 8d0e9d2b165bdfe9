-- Follow-up subscriptions with double opt-in, per-address opt-out, and the hourly digest.
-- Email addresses are stored trimmed and lower-cased, and only here and in email_delivery: links carry the
-- opaque address id, never the address.

-- Emails that are not about one comment (the manage-link email) have no comment or post.
alter table email_delivery alter column comment_id drop not null;
alter table email_delivery alter column post_id drop not null;
-- Emails volume control counts (one per comment and reason), as opposed to confirmations and digests.
alter table email_delivery add column foldable boolean not null default false;
create index email_delivery_recent_ix on email_delivery (recipient, post_id, first_attempt_at) where foldable;

-- Every address we ever email or that asked for follow-ups: the id goes into signed links.
create table subscriber_address (
    id                   uuid         not null,
    email                varchar(320) not null,
    created_at           timestamptz  not null,
    verified_at          timestamptz,          -- first confirmed subscription (or a post author's address)
    confirmation_sent_at timestamptz,          -- the first confirmation request we sent to it
    opted_out_at         timestamptz,          -- unsubscribed from everything; null when emails are allowed
    manage_link_sent_at  timestamptz,          -- last emailed magic link (rate limit)
    constraint subscriber_address_pk primary key (id),
    constraint subscriber_address_email_uk unique (email)
);

-- What a manage page shows for a post id: the latest title and link any notification carried.
create table post_info (
    post_id    uuid          not null,
    title      varchar(1000) not null,
    link       varchar(2000) not null,
    updated_at timestamptz   not null,
    constraint post_info_pk primary key (post_id)
);

-- One row per (post, address): PENDING until the signed confirm link is used, CONFIRMED, or UNSUBSCRIBED
-- (which also mutes a post author's emails about that post).
create table post_subscription (
    id                          uuid        not null,
    post_id                     uuid        not null,
    address_id                  uuid        not null references subscriber_address (id),
    status                      varchar(16) not null,
    requested_at                timestamptz not null,
    expires_at                  timestamptz,          -- PENDING only: the confirm link stops working then
    confirmation_notification_id uuid,        -- ledger key of the confirmation email for this request
    confirmed_at                timestamptz,
    unsubscribed_at             timestamptz,
    constraint post_subscription_pk primary key (id),
    constraint post_subscription_uk unique (post_id, address_id),
    constraint post_subscription_status_ck check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    constraint post_subscription_pending_ck check ((status = 'PENDING') = (expires_at is not null))
);
create index post_subscription_address_ix on post_subscription (address_id);
create index post_subscription_expiry_ix on post_subscription (expires_at) where status = 'PENDING';

-- Emails held back by volume control (more than N about one post to one address within the window),
-- sent together later as one digest email. Keyed like the ledger: (notification, recipient).
create table email_digest_entry (
    notification_id uuid          not null,
    recipient       varchar(320)  not null,
    post_id         uuid          not null,
    comment_id      uuid          not null,
    category        varchar(32)   not null,
    address_id      uuid          not null,
    recipient_name  varchar(500),
    post_title      varchar(1000) not null,
    post_link       varchar(2000) not null,
    commenter_name  varchar(500)  not null,
    excerpt         text          not null,
    comment_link    varchar(2000) not null,
    created_at      timestamptz   not null,
    digest_id       uuid,                  -- set once the entry is part of a digest
    constraint email_digest_entry_pk primary key (notification_id, recipient)
);
create index email_digest_entry_open_ix on email_digest_entry (recipient, post_id) where digest_id is null;

-- A digest batch: its id is the notification id of the digest email in the ledger.
create table email_digest (
    id         uuid         not null,
    recipient  varchar(320) not null,
    post_id    uuid         not null,
    created_at timestamptz  not null,
    status     varchar(16)  not null,
    lease_until timestamptz,              -- an instance is sending it until then
    constraint email_digest_pk primary key (id),
    constraint email_digest_status_ck check (status in ('PENDING', 'SENT', 'DROPPED'))
);
create index email_digest_pending_ix on email_digest (created_at) where status = 'PENDING';
