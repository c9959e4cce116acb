-- An issued code's answer is no longer stored as JSON by a second statement: the statement that claims the request
-- id and counts the scan also keeps what the answer was made of (the answer's reference on the claim; the count,
-- the first sighting and the threshold on the scan), and a repeated query gets the same answer rebuilt from them.
alter table answered_query add column reference text;
alter table scan add column scan_count integer,
    add column first_seen_country text,
    add column first_seen_at timestamptz,
    add column suspect_after_scans integer;
