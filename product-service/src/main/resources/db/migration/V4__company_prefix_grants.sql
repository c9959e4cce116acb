-- GS1 company prefixes are granted by an administrator from the brand's GS1 licence; a brand only proposes them.
-- brand.company_prefixes stays the list of APPROVED prefixes (what snapshots carry); this table is the record of
-- who proposed and who decided.
create table brand_company_prefix (
    brand_id    varchar(64)  not null references brand (id),
    prefix      varchar(12)  not null,
    status      varchar(10)  not null,
    proposed_by varchar(200) not null,
    proposed_at timestamptz  not null,
    decided_by  varchar(200),
    decided_at  timestamptz,
    primary key (brand_id, prefix),
    constraint brand_company_prefix_status check (status in ('PROPOSED', 'APPROVED', 'REJECTED'))
);
-- One brand per approved prefix. Nested prefixes (952012 / 9520123) cannot be expressed as an index: the service
-- checks them under a transaction-scoped advisory lock.
create unique index brand_company_prefix_approved_once on brand_company_prefix (prefix) where status = 'APPROVED';
create index brand_company_prefix_pending on brand_company_prefix (status, proposed_at);

-- GTINs licensed one by one (outside any company prefix), verified for one brand by an administrator.
create table licensed_gtin (
    gtin       char(14)     primary key,
    brand_id   varchar(64)  not null references brand (id),
    granted_by varchar(200) not null,
    granted_at timestamptz  not null
);
create index licensed_gtin_brand on licensed_gtin (brand_id);
create index product_gtin_brand on product_gtin (brand_id, gtin);

-- Prefixes brands declared themselves before this migration were never checked against a GS1 licence: they
-- become proposals an administrator approves or rejects, and until then the brand's GTINs are unverified.
insert into brand_company_prefix (brand_id, prefix, status, proposed_by, proposed_at)
select b.id, p.prefix, 'PROPOSED', 'declared before prefixes were granted', now()
from brand b cross join lateral jsonb_array_elements_text(b.company_prefixes) as p(prefix)
on conflict do nothing;
update brand set company_prefixes = '[]' where company_prefixes <> '[]';
