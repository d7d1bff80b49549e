-- Which services confirmed the erasure of a startup (erasure-confirmations), once per service.
create table erasure_confirmation (
    application_id uuid        not null references application (id),
    service        text        not null,
    confirmed_at   timestamptz not null,
    primary key (application_id, service)
);
