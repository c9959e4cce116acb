-- A brand's or an authority's subscription to its alerts: filters, one channel (WEBHOOK or EMAIL). Secrets are
-- sealed with SecretCipher (the subscription id as associated data); the previous one signs too until
-- previous_secret_until (rotation overlap). failing_since: the first failure since the last success (disabling).
create table subscription (
    id                         uuid primary key,
    owner_kind                 varchar(10)  not null,
    owner_id                   varchar(100) not null,
    alert_types                jsonb        not null,
    min_severity               varchar(10)  not null,
    products                   jsonb        not null,
    countries                  jsonb        not null,
    channel                    varchar(10)  not null,
    url                        varchar(2048),
    email                      varchar(254),
    language                   varchar(2)   not null,
    secret_encrypted           text,
    previous_secret_encrypted  text,
    previous_secret_until      timestamptz,
    enabled                    boolean      not null,
    disabled_at                timestamptz,
    failing_since              timestamptz,
    last_sequence              bigint       not null default 0,
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null
);

create index subscription_by_owner on subscription (owner_kind, owner_id);
