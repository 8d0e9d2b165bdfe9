-- Outbound webhooks: one row per (notification, endpoint), written by the reply listener (idempotent), sent by
-- the webhook job with exponential back-off. The payload holds no email address or IP.
create table webhook_delivery (
    id               uuid         not null,
    notification_id  uuid         not null,
    endpoint         varchar(100) not null,
    event            varchar(32)  not null,
    payload          bytea        not null,
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_status_code integer,
    last_error       varchar(255),           -- exception type or HTTP status, never the response body
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    constraint webhook_delivery_pk primary key (id),
    constraint webhook_delivery_uk unique (notification_id, endpoint),
    constraint webhook_delivery_status_ck check (status in ('PENDING', 'SENT', 'FAILED'))
);
create index webhook_delivery_due_ix on webhook_delivery (next_attempt_at) where status = 'PENDING';
