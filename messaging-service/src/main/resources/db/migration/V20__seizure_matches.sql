-- The versions of a report an amendment replaced: a redelivered record of an older version is recognised as
-- superseded (it changes nothing) rather than taken for a record nobody can vouch for.
alter table seizure_report add column superseded_sha256 text[] not null default '{}';

-- A matched seizure: one row per (authority, external id), whatever the number of deliveries of its records.
-- content_sha256 is the version matched, so a redelivery of that version changes nothing.
create table seizure (
    id             uuid        primary key,
    authority      text        not null,
    external_id    text        not null,
    content_sha256 text        not null,
    seized_on      date        not null,
    country        text        not null,
    office         text        not null,
    transport_mode text        not null,
    origin_country text,
    estimated_value numeric,
    currency       text,
    case_id        uuid,
    case_opened    boolean     not null default false,
    matched_at     timestamptz not null,
    unique (authority, external_id)
);
create index seizure_by_authority_day on seizure (authority, seized_on);
create index seizure_by_day on seizure (seized_on);
create index seizure_by_case on seizure (case_id) where case_id is not null;

-- Its goods lines as matched: brand_ids are the brands whose verified GTIN the line's codes carry (empty when
-- none); value_share is the line's part of the seizure's value (the value shared equally among its lines).
create table seizure_line (
    seizure_id  uuid    not null references seizure (id) on delete cascade,
    line        integer not null,
    quantity    numeric not null,
    unit        text    not null,
    value_share numeric,
    brand_ids   text[]  not null,
    product_ids uuid[]  not null,
    primary key (seizure_id, line)
);
create index seizure_line_by_brand on seizure_line using gin (brand_ids);
