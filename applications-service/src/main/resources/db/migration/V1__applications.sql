-- Startup applications submitted by partners. The current profile is a JSON document (validated by
-- the API); the columns beside it are what the service looks things up by.
create table application (
    id              uuid primary key,
    partner_id      text        not null,
    version         integer     not null,
    status          text        not null check (status in ('SUBMITTED', 'WITHDRAWN')),
    registration_id text,
    web_domain      text,
    profile         jsonb       not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    erased_at       timestamptz
);

-- A startup is in the programme once: duplicates are refused across partners (withdrawn ones aside).
create unique index application_registration_id_unique
    on application (registration_id) where registration_id is not null and status <> 'WITHDRAWN';
create unique index application_web_domain_unique
    on application (web_domain) where web_domain is not null and status <> 'WITHDRAWN';
-- A partner's list, in the order the cursor walks it.
create index application_partner_updated on application (partner_id, updated_at, id);

-- Every version of every application, as it was (contact data removed on erasure).
create table application_version (
    application_id uuid        not null references application (id),
    version        integer     not null,
    change         text        not null check (change in ('SUBMITTED', 'UPDATED', 'WITHDRAWN', 'ERASED')),
    status         text        not null,
    changed_at     timestamptz not null,
    profile        jsonb       not null,
    primary key (application_id, version)
);

-- Idempotency-Key of a partner's POST: a retry with the same key and body gets the first answer.
create table idempotency_key (
    partner_id      text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    application_id  uuid        not null references application (id),
    status_code     integer     not null,
    created_at      timestamptz not null,
    primary key (partner_id, idempotency_key)
);
