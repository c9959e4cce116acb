-- Steps of the procedure that happen outside OpenIPM (the importer notified, the declarant's objection, the
-- importer's answer) as the authority holding the goods records them; each legal period counts from or ends on
-- them. Once per case and step: the primary key refuses a second recording, even from two officers at once.
create table case_procedure_event (
    case_id     uuid         not null references shipment_case (id),
    event       varchar(30)  not null,
    recorded_at timestamptz  not null,
    recorded_by varchar(100) not null,
    note        varchar(2000),
    primary key (case_id, event)
);
