-- The transactional outbox every service shares (io.garagematch.platform.outbox).
-- Platform migrations are numbered 0.x; a service's own start at 1.
create table outbox_event (
    id          uuid primary key,
    position    bigint generated always as identity unique,
    topic       text        not null,
    message_key text        not null,
    type        text        not null,
    source      text        not null,
    subject     text,
    occurred_at timestamptz not null,
    data        jsonb       not null,
    sent_at     timestamptz
);

-- The relay reads pending rows in commit order.
create index outbox_event_pending on outbox_event (position) where sent_at is null;
