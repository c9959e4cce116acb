-- Secrets this provider made itself on first start when none was configured (a real provider keeps them in a
-- secrets manager; the reference provider keeps them here so that they survive restarts).
create table provider_secret (
    name       text primary key,
    value      text        not null,
    created_at timestamptz not null
);

-- A GTIN is served for the brand that first had codes issued for it.
create table served_gtin (
    gtin       char(14) primary key,
    brand_id   text        not null,
    created_at timestamptz not null
);

create table issued_code (
    id                 uuid primary key,
    brand_id           text        not null,
    gtin               char(14)    not null references served_gtin (gtin),
    serial             text        not null,
    issued_at          timestamptz not null,
    scan_count         integer     not null default 0,
    first_seen_country text,
    first_seen_at      timestamptz,
    unique (gtin, serial)
);

-- One row per judged query of an issued code: where and when it was scanned.
create table scan (
    id          uuid primary key,
    code_id     uuid        not null references issued_code (id),
    request_id  uuid        not null,
    authority   text,
    country     text,
    office      text,
    latitude    double precision,
    longitude   double precision,
    scanned_at  timestamptz not null,
    received_at timestamptz not null
);
create index scan_by_code on scan (code_id, scanned_at);

-- Every query answered, by request id: a repeated query gets the same answer and is not counted again.
create table answered_query (
    request_id  uuid primary key,
    code        text        not null,
    answer_json text,
    received_at timestamptz not null
);
