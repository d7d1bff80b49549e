-- Partners' webhook subscriptions to what becomes of their own startups' matches.
create table partner_subscription (
    id         uuid primary key,
    partner_id varchar(200) not null,
    spec       jsonb        not null,
    secret     varchar(200) not null,
    version    integer      not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index partner_subscription_partner on partner_subscription (partner_id);

-- A delivery to a partner belongs to no business unit: only admins see it in the delivery log.
alter table notification drop constraint notification_recipient_kind_check;
alter table notification add constraint notification_recipient_kind_check
    check (recipient_kind in ('EXPERT', 'SUBSCRIPTION', 'PARTNER'));
alter table notification alter column business_unit drop not null;
