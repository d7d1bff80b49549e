-- Needs ("challenges") of business units. The spec is the JSON the API accepted.
create table need (
    id            uuid primary key,
    business_unit text        not null,
    version       integer     not null,
    status        text        not null check (status in ('OPEN', 'CLOSED')),
    spec          jsonb       not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index need_business_unit_updated on need (business_unit, updated_at, id);
create index need_open on need (status) where status = 'OPEN';

-- Read model of startup applications, from startup-applications (no contact data: not needed here).
create table startup (
    id         uuid primary key,
    version    integer     not null,
    active     boolean     not null,
    profile    jsonb       not null,
    updated_at timestamptz not null
);

-- Events already applied, by ce_id: a redelivered event changes nothing.
create table processed_event (
    event_id     text primary key,
    topic        text        not null,
    processed_at timestamptz not null
);

-- Matches: pairs that crossed their need's threshold at least once.
create table match (
    id              uuid primary key,
    need_id         uuid        not null references need (id),
    application_id  uuid        not null,
    score           double precision not null,
    status          text        not null,
    weights_version text        not null,
    breakdown       jsonb       not null,
    hard_checks     jsonb       not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (need_id, application_id)
);
create index match_application on match (application_id);

-- Decisions recorded on matches, oldest first.
create table match_decision (
    id          uuid primary key,
    match_id    uuid        not null references match (id),
    decision    text        not null,
    reason_code text,
    note        text,
    decided_by  text        not null,
    decided_at  timestamptz not null
);
create index match_decision_match on match_decision (match_id, decided_at);
