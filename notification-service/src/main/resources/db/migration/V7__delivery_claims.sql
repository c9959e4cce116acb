-- The dispatcher claims per subscription: which subscriptions have something due (the earliest due time of each),
-- then each one's due deliveries in sequence order, so a backlog larger than one claim still goes out in order.
create index delivery_pending_due_by_subscription on delivery (subscription_id, next_attempt_at)
    where status = 'PENDING';
create index delivery_pending_by_sequence on delivery (subscription_id, sequence) where status = 'PENDING';

-- An endpoint that did not answer at all (refused, timed out) is not tried again before this: its deliveries wait
-- together instead of each costing a failed attempt.
alter table subscription add column unreachable_until timestamptz;
