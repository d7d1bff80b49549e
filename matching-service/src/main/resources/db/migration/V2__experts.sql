-- Experts as notifications-service announces them on expert-events: who may act as an expert here,
-- and for which business unit. No personal data: the id and the unit only.
create table expert (
    id            uuid primary key,
    business_unit text        not null,
    version       integer     not null,
    updated_at    timestamptz not null
);
