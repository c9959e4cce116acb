-- Joint operations: a time-boxed action of several authorities and brands (WCO-style). Participants are lists on
-- the row (a few dozen at most), asked with jsonb containment.
create table operation (
    id              uuid          primary key,
    name            varchar(200)  not null,
    starts_on       date          not null,
    ends_on         date          not null,
    lead_authority  varchar(63)   not null,
    authorities     jsonb         not null,
    brands          jsonb         not null,
    target_goods    jsonb         not null,
    target_routes   jsonb         not null,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create index operation_authorities on operation using gin (authorities jsonb_path_ops);
create index operation_brands on operation using gin (brands jsonb_path_ops);

-- Cases tagged to operations when flagged: EXPLICIT (the officer named it) or IMPLICIT (the flagging authority takes
-- part and the case opened within the period).
create table case_operation (
    case_id      uuid        not null references shipment_case (id),
    operation_id uuid        not null references operation (id),
    tagged       varchar(10) not null,
    primary key (case_id, operation_id)
);
create index case_operation_by_operation on case_operation (operation_id);
