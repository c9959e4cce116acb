-- Cases opened by flagging a shipment. The goods lines, with each suspected product and what it matched, are read
-- and written with their case (jsonb); who may see a case, by which identifier a shipment is known and which cases
-- are the same shipment are queried on their own, so they are tables.
create table shipment_case (
    id                  uuid         primary key,
    status              varchar(30)  not null,
    authority           varchar(63)  not null,
    country             varchar(2)   not null,
    office              varchar(20)  not null,
    transport_mode      varchar(10)  not null,
    origin_country      varchar(2),
    destination_country varchar(2),
    goods               jsonb        not null,
    -- Trader, consignee, consignor: personal data, shown to participant authorities only.
    parties             jsonb        not null,
    notes               text,
    flagged_by          varchar(200) not null,
    opened_at           timestamptz  not null,
    updated_at          timestamptz  not null
);

-- Who takes part: the flagging authority, brands whose verified products are in the shipment, invited authorities.
create table case_participant (
    id         bigserial    primary key,
    case_id    uuid         not null references shipment_case (id),
    party_kind varchar(10)  not null,
    party_id   varchar(100) not null,
    role       varchar(20)  not null,
    joined_at  timestamptz  not null,
    unique (case_id, party_kind, party_id)
);
-- "My cases": a party's cases, newest first.
create index case_participant_party on case_participant (party_kind, party_id, case_id);

-- Identifiers as normalised by their standard (free references too, though they never link shipments).
create table case_identifier (
    id      bigserial    primary key,
    case_id uuid         not null references shipment_case (id),
    kind    varchar(20)  not null,
    value   varchar(100) not null,
    unique (case_id, kind, value)
);
create index case_identifier_value on case_identifier (kind, value);

-- The same shipment flagged by another office or country: one row each way.
create table case_link (
    id             bigserial   primary key,
    case_id        uuid        not null references shipment_case (id),
    linked_case_id uuid        not null references shipment_case (id),
    kind           varchar(20) not null,
    value          varchar(100) not null,
    linked_at      timestamptz not null,
    unique (case_id, linked_case_id)
);
