-- What a partner may learn of its startups' matches: the need's title and when the match was
-- proposed (no scores, no evidence, nothing of other startups).
alter table match_access add column need_title text;
alter table match_access add column proposed_at timestamptz;
update match_access set status = 'ACCEPTED' where status = 'FINANCING_INTRODUCED';
