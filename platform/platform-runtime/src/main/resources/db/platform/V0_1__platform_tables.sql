-- Tables every OpenIPM service keeps in its own schema, mapped by platform-runtime. Applied before the
-- service's own migrations (db/migration, versions from 1) through quarkus.flyway.locations.

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka in id order.
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    event_key   varchar(200) not null,
    event_type  varchar(200) not null,
    payload     text         not null,
    occurred_at timestamptz  not null
);

-- Events a consumer has applied, recorded in the same transaction as their effect.
create table processed_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (event_id, consumer)
);
