-- An erased startup keeps only its id, version and when it was erased: no profile.
alter table startup add column erased_at timestamptz;
alter table startup alter column profile drop not null;
