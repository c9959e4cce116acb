-- The catalogue: brands (right holders) and their products. The outbox table comes from platform-runtime.

create table brand (
    id               varchar(64) primary key,
    name             varchar(200) not null,
    company_prefixes jsonb        not null default '[]',
    countries        jsonb        not null default '[]',
    contacts         jsonb        not null default '[]',
    version          bigint       not null default 0,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

create table product (
    id             uuid primary key,
    brand_id       varchar(64)  not null references brand (id),
    sku            varchar(100) not null,
    name           varchar(300) not null,
    category       varchar(40)  not null,
    description    text,
    status         varchar(20)  not null,
    version        bigint       not null,
    tac_ranges     jsonb        not null default '[]',
    code_patterns  jsonb        not null default '[]',
    features       jsonb        not null default '[]',
    trade_partners jsonb        not null default '[]',
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint product_sku_unique unique (brand_id, sku)
);
create index product_brand_status on product (brand_id, status);

-- GTINs normalised to 14 digits. The same GTIN may be claimed by two brands: that is a conflict the admin
-- resolves, not something the database may refuse, so there is no unique index on gtin alone.
create table product_gtin (
    product_id uuid        not null references product (id) on delete cascade,
    gtin       char(14)    not null,
    brand_id   varchar(64) not null,
    primary key (product_id, gtin)
);
create index product_gtin_gtin on product_gtin (gtin);

create table product_image (
    id           uuid primary key,
    product_id   uuid         not null references product (id) on delete cascade,
    content_type varchar(50)  not null,
    size_bytes   integer      not null,
    data         bytea        not null,
    created_at   timestamptz  not null
);
create index product_image_product on product_image (product_id);

create table product_change (
    id         bigserial primary key,
    product_id uuid         not null references product (id) on delete cascade,
    version    bigint       not null,
    kind       varchar(30)  not null,
    changed_by varchar(200) not null,
    changed_at timestamptz  not null,
    changes    jsonb        not null
);
create index product_change_product on product_change (product_id, id);
