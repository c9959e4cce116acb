-- This service's copy of the brands' lists of known infringers (from brand-infringers), kept to mark flagged
-- shipments and seizures whose consignor or online seller a brand has listed. match_key is InfringerMatcher's key
-- (normalised name or address, or host); null when the value can never match. A removed entry stays as a
-- tombstone with its version, so that a late repeat of an older listing cannot bring it back.
create table infringer_entry (
    entry_id   uuid          primary key,
    brand_id   varchar(64)   not null,
    kind       varchar(20)   not null,
    value      varchar(2048) not null,
    country    varchar(2),
    evidence   varchar(4000) not null,
    version    bigint        not null,
    match_key  varchar(2048),
    removed    boolean       not null default false,
    changed_at timestamptz   not null
);
create index infringer_entry_by_key on infringer_entry (match_key) where not removed;

-- The entries a case's consignor or seller matched when it was flagged, as they stood then (evidence included).
create table case_infringer_match (
    case_id    uuid          not null references shipment_case (id),
    entry_id   uuid          not null,
    brand_id   varchar(64)   not null,
    kind       varchar(20)   not null,
    listed     varchar(2048) not null,
    evidence   varchar(4000) not null,
    matched_at timestamptz   not null,
    primary key (case_id, entry_id)
);
