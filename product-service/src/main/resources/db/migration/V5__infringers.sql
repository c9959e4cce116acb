-- Brands' lists of known infringers (red flags): online seller URLs and domains, consignor names and addresses,
-- each with the brand's evidence. Published on brand-infringers; messaging-service matches flagged shipments.
create table infringer (
    id          uuid primary key,
    brand_id    varchar(64)   not null references brand (id),
    kind        varchar(20)   not null,
    value       varchar(2048) not null,
    country     varchar(2),
    evidence    varchar(4000) not null,
    version     bigint        not null,
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(200)  not null
);
-- One entry per brand, kind and value (compared without case); also the brand's listing order.
create unique index infringer_brand_value on infringer (brand_id, kind, lower(value));
