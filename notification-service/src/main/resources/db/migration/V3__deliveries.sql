-- One row per (subscription, alert): the unique key makes a redelivered source event queue nothing twice. The body
-- is rendered once (the subscription's language and sequence number) so every retry sends the same bytes; the
-- webhook-id is derived from the row id, so retries reuse it. next_attempt_at: due time, or the end of the lease of
-- the instance sending it.
create table delivery (
    id               uuid primary key,
    subscription_id  uuid         not null references subscription (id) on delete cascade,
    alert_id         uuid         not null,
    kind             varchar(10)  not null,
    sequence         bigint       not null,
    payload          text         not null,
    status           varchar(10)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(300),
    created_at       timestamptz  not null,
    delivered_at     timestamptz,
    constraint delivery_once_per_subscription_and_alert unique (subscription_id, alert_id)
);

-- What the dispatcher claims: due pending deliveries.
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
-- The subscriber's delivery log, newest first.
create index delivery_by_subscription on delivery (subscription_id, sequence desc);

-- Every attempt, for the delivery log the subscriber reads.
create table delivery_attempt (
    delivery_id  uuid         not null references delivery (id) on delete cascade,
    attempt      integer      not null,
    attempted_at timestamptz  not null,
    status_code  integer,
    error        varchar(300),
    duration_ms  integer      not null,
    primary key (delivery_id, attempt)
);
