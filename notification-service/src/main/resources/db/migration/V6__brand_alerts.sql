-- Brands' alerts to officers as sent: the brand reads them back, and the count of the last period limits how
-- many a brand may send. Their alerts are stored in alert, addressed to audiences (recipient_kind AUDIENCE,
-- recipient_id COUNTRY/AUTHORITY_TYPE).
create table brand_alert (
    id               uuid primary key,
    brand_id         varchar(100)  not null,
    kind             varchar(30)   not null,
    text             varchar(1000) not null,
    product_ids      uuid[]        not null,
    target_countries text[]        not null,
    authority_types  text[]        not null,
    photo_urls       text[]        not null,
    sent_at          timestamptz   not null
);
create index brand_alert_by_brand on brand_alert (brand_id, sent_at);

-- An audience's alert is read by each of its authorities on its own (reader = 'authority:<org>').
create table alert_read (
    alert_id uuid         not null references alert (id),
    reader   varchar(120) not null,
    read_at  timestamptz  not null,
    primary key (alert_id, reader)
);

-- Which brand owns which product, from product-events: a brand's alert names its own products only.
create table catalogue_product (
    product_id uuid primary key,
    brand_id   varchar(100) not null,
    version    bigint       not null
);
