-- The entries of brands' lists of known infringers that a matched seizure's consignor or online seller matches, as
-- they stood when the seizure (its latest version) was matched. The reporting authority reads every brand's; a brand
-- only its own, and only on seizures of its goods.
create table seizure_infringer_match (
    seizure_id uuid          not null references seizure (id),
    entry_id   uuid          not null,
    brand_id   varchar(64)   not null,
    kind       varchar(20)   not null,
    listed     varchar(2048) not null,
    evidence   varchar(4000) not null,
    matched_at timestamptz   not null,
    primary key (seizure_id, entry_id)
);
