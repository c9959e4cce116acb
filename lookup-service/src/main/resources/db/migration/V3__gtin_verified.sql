-- Whether the brand is known to own the GTIN (the snapshot lists it in verifiedGtins). A match through an
-- unverified GTIN is shown to the officer as such and does not make the brand the owner of the scan. Rows applied
-- before this column existed came from snapshots without the list: unverified, as the contract says.
alter table product_gtin add column verified boolean not null default false;
