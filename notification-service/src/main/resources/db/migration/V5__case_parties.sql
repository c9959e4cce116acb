-- Who takes part in each case, kept from case-events (case.opened, case.participant-invited): the records that
-- follow (links, status changes, deadlines) name the case, and its participants are alerted. Rows are only
-- added, each at most once, so a redelivered record changes nothing.
create table case_party (
    case_id    uuid         not null,
    party_kind varchar(10)  not null, -- BRAND or AUTHORITY
    party_id   varchar(100) not null,
    role       varchar(20)  not null, -- FLAGGING, RIGHT_HOLDER or INVITED
    primary key (case_id, party_kind, party_id)
);
