-- ISO 22378 inspector access log: every time an officer was shown one of a brand's products.
create table access_log_entry (
    view_id    uuid primary key,
    product_id uuid         not null,
    brand_id   varchar(64)  not null,
    officer    varchar(200) not null,
    authority  varchar(200),
    country    varchar(2),
    code       varchar(2048),
    viewed_at  timestamptz  not null
);
create index access_log_brand_time on access_log_entry (brand_id, viewed_at desc);
