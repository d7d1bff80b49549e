-- Weights learned from a business unit's decisions (ADR 0022): one row per version, numbered per unit
-- (generation 1, 2, ...; version "bu-<slug>-learned-<generation>"). The unit's weights in force are
-- those of its latest promoted row; a unit without one uses the default weights. replay holds the
-- figures the promotion rested on, as the replay endpoint showed them.
create table unit_weights (
    id            uuid primary key,
    business_unit text             not null,
    version       text             not null,
    generation    integer          not null,
    fields        double precision not null,
    text          double precision not null,
    concepts      double precision not null,
    trl           double precision not null,
    stage         double precision not null,
    geo           double precision not null,
    replay        jsonb            not null,
    created_by    text             not null,
    created_at    timestamptz      not null,
    promoted_at   timestamptz,
    unique (business_unit, version),
    unique (business_unit, generation)
);

