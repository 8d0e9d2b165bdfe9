-- The delivery ledger: one row per email we tried to send, keyed by (notification, recipient).
-- MailDelivery claims a row (SENDING) before talking to SMTP and marks it SENT once the server accepted
-- the message; a row already SENT means a redelivered notification must not send again.
create table email_delivery (
    notification_id  uuid         not null,
    recipient        varchar(320) not null, -- the address, trimmed and lower-cased
    comment_id       uuid         not null,
    post_id          uuid         not null,
    category         varchar(32)  not null, -- new-comment, please-moderate, ...
    message_id       varchar(255) not null,
    status           varchar(16)  not null,
    attempts         integer      not null,
    first_attempt_at timestamptz  not null,
    last_attempt_at  timestamptz  not null,
    sent_at          timestamptz,
    last_error       varchar(255),          -- exception type of the last failed attempt, never SMTP text
    constraint email_delivery_pk primary key (notification_id, recipient),
    constraint email_delivery_status_ck check (status in ('SENDING', 'SENT', 'FAILED')),
    constraint email_delivery_sent_ck check ((status = 'SENT') = (sent_at is not null))
);
