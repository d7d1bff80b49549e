-- What applications-service knows of matches (from match-events): which business unit holds a
-- match on which application, in which status. Contact data is released to staff of a unit whose
-- match was accepted (or went further on the venture-client path).
create table match_access (
    match_id       uuid primary key,
    application_id uuid        not null,
    business_unit  text        not null,
    status         text        not null,
    updated_at     timestamptz not null
);
create index match_access_application on match_access (application_id, business_unit);
