-- A brand's own maximum of GENUINE verifications per code, for all its products and for single products; absent,
-- the service's clones.max-verifications applies.
create table brand_clone_rules (
    brand_id          varchar(100) primary key,
    max_verifications integer,
    products          jsonb        not null,
    updated_by        varchar(200) not null,
    updated_at        timestamptz  not null
);

-- Every change of a brand's clone rules: who, when, before and after.
create table clone_rules_audit (
    id         bigserial    primary key,
    brand_id   varchar(100) not null,
    changed_by varchar(200) not null,
    changed_at timestamptz  not null,
    before     jsonb,
    after      jsonb        not null
);
create index clone_rules_audit_brand on clone_rules_audit (brand_id, id);
