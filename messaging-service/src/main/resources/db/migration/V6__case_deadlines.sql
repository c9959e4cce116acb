-- Legal deadlines of a case, computed by LegalClock when the event that starts them happens and stored, so that
-- what a participant sees, what the notices say and what survives a restart are one thing.
create table case_deadline (
    id                     uuid         primary key,
    case_id                uuid         not null references shipment_case (id),
    kind                   varchar(40)  not null,
    rule_id                varchar(60)  not null,
    citation               text         not null,
    -- AUTHORITY, RIGHT_HOLDER, DECLARANT or IMPORTER (DeadlineKind.mustAct).
    must_act               varchar(20)  not null,
    started_by             varchar(30)  not null,
    started_at             timestamptz  not null,
    -- The office whose calendar counts the days, as it was when the clock started.
    office_country         varchar(2)   not null,
    office_region          varchar(20),
    office_zone            varchar(64)  not null,
    last_day               date         not null,
    due_at                 timestamptz  not null,
    -- From when case.deadline-approaching is due (openipm.deadlines.approaching-lead working days before).
    approaching_from       timestamptz  not null,
    extensions             int          not null default 0,
    state                  varchar(10)  not null,
    ended_at               timestamptz,
    approaching_noticed_at timestamptz,
    missed_noticed_at      timestamptz,
    unique (case_id, rule_id)
);
create index case_deadline_by_case on case_deadline (case_id);
-- What the notice scheduler looks for: open deadlines not yet noticed.
create index case_deadline_open_due on case_deadline (due_at) where state = 'OPEN';
create index case_deadline_open_approaching on case_deadline (approaching_from)
    where state = 'OPEN' and approaching_noticed_at is null;
