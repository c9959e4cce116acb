-- The officer-facing read model, built only from product-events: published products, what identifies them
-- and what the lookup warnings need. Everything here can be dropped and rebuilt by replaying the topic.

-- The last snapshot version applied per product, whatever its status: a product removed by a DRAFT or RETIRED
-- snapshot keeps its version here, so an older PUBLISHED snapshot arriving late cannot bring it back.
create table applied_version (
    product_id uuid        primary key,
    version    bigint      not null,
    status     varchar(20) not null
);

-- Published products only. card is the officer-facing JSON, precomputed when the event is applied so a lookup
-- serves it without assembling anything; contacts stay apart because they are filtered per officer's country.
create table product (
    id          uuid primary key,
    brand_id    varchar(64)  not null,
    brand_name  varchar(200) not null,
    name        varchar(300) not null,
    category    varchar(40)  not null,
    description text         not null default '',
    version     bigint       not null,
    card        jsonb        not null,
    contacts    jsonb        not null default '[]',
    snapshot    jsonb        not null,
    search      tsvector generated always as (
                    setweight(to_tsvector('simple', name), 'A')
                    || setweight(to_tsvector('simple', brand_name), 'A')
                    || setweight(to_tsvector('simple', replace(category, '_', ' ')), 'B')
                    || setweight(to_tsvector('simple', description), 'C')) stored
);
create index product_search on product using gin (search);

-- GTIN (14 digits) -> product. Two brands may claim one GTIN: the lookup shows both and warns.
create table product_gtin (
    gtin       char(14)    not null,
    product_id uuid        not null references product (id) on delete cascade,
    brand_id   varchar(64) not null,
    primary key (gtin, product_id)
);
create index product_gtin_product on product_gtin (product_id);

-- IMEI type allocation codes, first to last inclusive; the GiST index answers "which ranges hold this TAC".
create table product_tac_range (
    product_id uuid   not null references product (id) on delete cascade,
    first_tac  bigint not null,
    last_tac   bigint not null,
    tacs       int8range generated always as (int8range(first_tac, last_tac, '[]')) stored
);
create index product_tac_range_tacs on product_tac_range using gist (tacs);
create index product_tac_range_product on product_tac_range (product_id);

create table product_code_pattern (
    product_id  uuid         not null references product (id) on delete cascade,
    pattern_id  varchar(100) not null,
    regex       varchar(200) not null,
    description text,
    primary key (product_id, pattern_id)
);

-- A brand's GS1 company prefixes, as its latest applied snapshot carried them.
create table brand (
    id               varchar(64)  primary key,
    name             varchar(200) not null,
    company_prefixes jsonb        not null default '[]'
);
