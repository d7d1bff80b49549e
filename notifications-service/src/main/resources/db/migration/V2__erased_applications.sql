-- Startups erased on request (application.erased): match events about them that arrive later are
-- stored and sent without the startup's identity.
create table erased_application (
    application_id uuid primary key,
    erased_at      timestamptz not null
);
