-- One row per alert and recipient. The id is derived from the source event, the alert type and the recipient
-- (Alert.idFor), so a redelivered source event inserts nothing new.
create table alert (
    id              uuid primary key,
    type            varchar(40)  not null,
    severity        varchar(10)  not null,
    recipient_kind  varchar(10)  not null,
    recipient_id    varchar(100) not null,
    brands          text[]       not null,
    countries       text[]       not null,
    facts           jsonb        not null,
    link            varchar(300),
    source_event_id uuid         not null,
    occurred_at     timestamptz  not null,
    created_at      timestamptz  not null default now(),
    read_at         timestamptz
);

-- The caller's alerts, newest first.
create index alert_by_recipient on alert (recipient_kind, recipient_id, created_at desc, id);
