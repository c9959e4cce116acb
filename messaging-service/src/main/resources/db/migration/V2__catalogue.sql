-- What flagging needs of the catalogue (from product-events): GTIN -> product -> brand, and whether the brand's
-- ownership of that GTIN is verified. Unverified GTINs are kept too: the officer is shown such matches as
-- unverified, but they never make a brand a participant of a case.
create table catalogue_product (
    product_id uuid         primary key,
    brand_id   varchar(100) not null,
    brand_name varchar(200),
    name       varchar(500),
    version    bigint       not null,
    published  boolean      not null
);
create table catalogue_gtin (
    gtin       varchar(14)  not null,
    product_id uuid         not null references catalogue_product (product_id) on delete cascade,
    brand_id   varchar(100) not null,
    verified   boolean      not null,
    primary key (gtin, product_id)
);
