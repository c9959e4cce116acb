-- messaging-service: the directory of enforcement authorities (customs, police, health regulators, tax and market
-- surveillance authorities). outbox_event and processed_event come from platform-runtime.

-- Offices, languages and contact points are read and replaced with their authority, never queried apart.
create table authority (
    id         varchar(63)  primary key,
    name       varchar(200) not null,
    country    varchar(2)   not null,
    type       varchar(30)  not null,
    offices    jsonb        not null default '[]',
    languages  jsonb        not null default '[]',
    contacts   jsonb        not null default '[]',
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index authority_country on authority (country, id);
