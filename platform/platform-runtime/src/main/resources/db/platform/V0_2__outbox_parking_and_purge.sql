-- An outbox row the broker refuses for good (too large, invalid topic) is parked after a few attempts instead of
-- being retried forever: the relay skips it and the rows behind it go on. An operator reads the reason in
-- last_error, fixes the cause and sets parked_at back to null (or deletes the row).
alter table outbox_event
    add column attempts   integer     not null default 0,
    add column last_error text,
    add column parked_at  timestamptz;

-- The purge of processed_event deletes by age.
create index processed_event_processed_at on processed_event (processed_at);
