-- What happened in a case, in order. Append-only: a correction is a new entry naming the one it corrects, and the
-- database refuses updates and deletes so that no code path can rewrite a case's history.
create table case_timeline_entry (
    id             bigserial    primary key,
    case_id        uuid         not null references shipment_case (id),
    at             timestamptz  not null,
    kind           varchar(40)  not null,
    actor_kind     varchar(10)  not null,
    actor_id       varchar(100) not null,
    summary        text         not null,
    details        jsonb        not null,
    -- The brands that may see the entry; null: every brand participant. Participant authorities see every entry.
    brand_audience text[],
    corrects       bigint       references case_timeline_entry (id)
);
create index case_timeline_by_case on case_timeline_entry (case_id, id);

create function refuse_timeline_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'the case timeline is append-only: add a correcting entry instead';
end
$$;

create trigger case_timeline_append_only before update or delete on case_timeline_entry
    for each row execute function refuse_timeline_rewrite();
