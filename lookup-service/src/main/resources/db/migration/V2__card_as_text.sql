-- The card is only ever served as it was written: as text it goes out without a jsonb-to-text conversion per
-- row. Measured once with pgbench (100,000 products, 2 clients, random GTINs): the union query with a jsonb card
-- 98 us per query, the GTIN-only query with a text card 60 us, the bare index probe 32 us. Contacts stay jsonb:
-- they are filtered per officer's country in SQL.
alter table product alter column card type text using card::text;
