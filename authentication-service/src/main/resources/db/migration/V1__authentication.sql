-- authentication-service: security solution providers, authentication requests and their verdicts, the copy of
-- the catalogue it needs to pick a provider, and the answer ids it has seen. outbox_event and processed_event come
-- from platform-runtime.

-- A provider's shared secret is stored encrypted (AES-GCM, key from configuration, the provider id as associated
-- data): a copy of this table alone reveals no secret, and a ciphertext moved to another provider does not open.
create table provider (
    id               varchar(63)  primary key,
    name             varchar(200) not null,
    connector        varchar(10)  not null,
    endpoint         varchar(2048),
    secret_encrypted text         not null,
    timeout_ms       integer      not null,
    status           varchar(10)  not null,
    brands           jsonb        not null default '[]',
    gtins            jsonb        not null default '[]',
    code_kinds       jsonb        not null default '[]',
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

-- Who changed a provider's coverage or status, when, and from what to what.
create table provider_audit (
    id          bigserial    primary key,
    provider_id varchar(63)  not null references provider (id),
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null,
    change      varchar(40)  not null,
    before      jsonb,
    after       jsonb        not null
);
create index provider_audit_provider on provider_audit (provider_id, id);

-- Verified GTINs of published products (from product-events): GTIN -> product -> brand.
create table catalogue_product (
    product_id uuid        primary key,
    brand_id   varchar(100) not null,
    version    bigint      not null,
    published  boolean     not null
);
create table catalogue_gtin (
    gtin       varchar(14) not null,
    product_id uuid     not null references catalogue_product (product_id) on delete cascade,
    brand_id   varchar(100) not null,
    primary key (gtin, product_id)
);

create table authentication_request (
    id                 uuid         primary key,
    status             varchar(10)  not null,
    code               text         not null,
    code_kind          varchar(30)  not null,
    gtin               varchar(14),
    serial             varchar(100),
    product_id         uuid,
    brand_id           varchar(100),
    authority          varchar(200) not null,
    country            varchar(2)     not null,
    place_country      varchar(2)     not null,
    place_office       varchar(100),
    latitude           double precision,
    longitude          double precision,
    requested_by       varchar(200) not null,
    requested_at       timestamptz  not null,
    verdict            varchar(12),
    -- What the provider said before OpenIPM's clone rule: every GENUINE answer is a sighting of the code.
    provider_verdict   varchar(12),
    confidence         double precision,
    probable_clone     boolean      not null default false,
    reason             text,
    evidence           jsonb,
    provider_id        varchar(63),
    provider_reference varchar(200),
    provider_latency_ms bigint,
    completed_at       timestamptz
);
-- Clone detection reads the earlier sightings (answered GENUINE by the provider) of one GTIN + serial.
create index authentication_request_sighting on authentication_request (gtin, serial, completed_at)
    where provider_verdict = 'GENUINE';
-- A provider's statistics.
create index authentication_request_provider on authentication_request (provider_id, completed_at);

-- Answer message ids (webhook-id) already accepted: an answer seen before is a replay.
create table seen_answer (
    message_id  varchar(200) primary key,
    provider_id varchar(63)  not null,
    seen_at     timestamptz  not null
);
create index seen_answer_seen_at on seen_answer (seen_at);
