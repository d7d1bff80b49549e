-- The venture-client lifecycle: each match has a version (its ETag), an owning expert (null: waiting
-- in its unit's queue) and, while a pilot runs, the pilot's go/no-go date and whether its passing
-- was announced. Financing introductions became a track of their own that leaves the status alone.
alter table match add column version integer not null default 1;
alter table match add column owner_expert_id uuid;
alter table match add column assigned_at timestamptz;
alter table match add column go_no_go_date date;
alter table match add column overdue_announced_at timestamptz;
update match set status = 'ACCEPTED' where status = 'FINANCING_INTRODUCED';
create index match_owner_open on match (owner_expert_id) where status in ('PROPOSED', 'SHORTLISTED');
create index match_queue on match (need_id, created_at) where owner_expert_id is null and status in ('PROPOSED', 'SHORTLISTED');
create index match_overdue on match (go_no_go_date) where status = 'PILOT_STARTED' and overdue_announced_at is null;

-- Each decision remembers the status it left and led to, the data of its step, and whether (and by
-- which later decision) it was reverted.
alter table match_decision add column from_status text;
alter table match_decision add column to_status text;
alter table match_decision add column details jsonb;
alter table match_decision add column reverted_by uuid;
alter table match_decision add column reverts uuid;
update match_decision set to_status = decision, from_status = 'PROPOSED' where to_status is null;
update match_decision set to_status = 'ACCEPTED' where to_status = 'FINANCING_INTRODUCED';

-- The experts read model learns what assignment needs: the innovation fields an expert reviews (none:
-- every field) and how many open reviews they take at most (null: no limit).
alter table expert add column innovation_fields jsonb not null default '[]';
alter table expert add column max_open_reviews integer;

-- The startup read model keeps the partner that submitted it (the programme's KPIs per partner);
-- not personal data, so it stays after an erasure.
alter table startup add column partner_id text;
update startup set partner_id = profile ->> 'partnerId' where profile is not null;
