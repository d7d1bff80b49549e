-- notifications-service: experts, webhook subscriptions, and every notification with its delivery state.

create table expert (
    id              uuid primary key,
    business_unit   varchar(200) not null,
    email           varchar(320) not null,
    spec            jsonb        not null,
    webhook_secret  varchar(100),
    version         integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create unique index expert_email_key on expert (lower(email));
create index expert_business_unit on expert (business_unit);
create index expert_page on expert (updated_at, id);

create table subscription (
    id              uuid primary key,
    business_unit   varchar(200) not null,
    spec            jsonb        not null,
    secret          varchar(100) not null,
    version         integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index subscription_business_unit on subscription (business_unit);
create index subscription_page on subscription (updated_at, id);

-- One row per (event, recipient, channel): the same event delivered again changes nothing.
create table notification (
    id               uuid primary key,
    event_id         varchar(200) not null,
    event_type       varchar(50)  not null,
    recipient_kind   varchar(20)  not null check (recipient_kind in ('EXPERT', 'SUBSCRIPTION')),
    recipient_id     uuid         not null,
    business_unit    varchar(200) not null,
    channel          varchar(10)  not null check (channel in ('EMAIL', 'WEBHOOK', 'IN_APP')),
    status           varchar(10)  not null check (status in ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    digest           boolean      not null default false,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    last_error       varchar(2000),
    match_id         uuid         not null,
    need_id          uuid         not null,
    application_id   uuid         not null,
    match_status     varchar(30)  not null,
    score            double precision not null,
    payload          jsonb        not null,
    read_at          timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    sent_at          timestamptz,
    constraint notification_once unique (event_id, recipient_id, channel)
);
create index notification_due on notification (next_attempt_at) where status in ('PENDING', 'FAILED');
create index notification_inbox on notification (recipient_id, created_at, id) where channel = 'IN_APP';
create index notification_match on notification (match_id);
create index notification_application on notification (application_id);
create index notification_page on notification (created_at, id);

create table processed_event (
    event_id      varchar(200) primary key,
    processed_at  timestamptz not null
);
