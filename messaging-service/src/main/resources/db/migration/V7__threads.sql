-- A case's thread: typed messages between its participants. A message involves at most one brand (its author or
-- its one brand addressee), so that brands sharing a case never read each other's exchange; brand_id names it and
-- is all a brand's visibility needs. Messages are never edited: a correction goes on the timeline.
create table case_message (
    id           uuid         primary key,
    case_id      uuid         not null references shipment_case (id),
    type         varchar(30)  not null,
    author_kind  varchar(10)  not null,
    author_id    varchar(100) not null,
    -- The token subject of the user who wrote it: for the dossier, never shown to brands.
    author_user  varchar(200) not null,
    addressed_to jsonb        not null,
    -- The type's fields: text, goods lines, products, verdict and reasons, action, the message answered.
    content      jsonb        not null,
    brand_id     varchar(100),
    posted_at    timestamptz  not null
);
create index case_message_by_case on case_message (case_id, posted_at, id);

-- Read state per participant (an authority or a brand, not per user): a row once any of its users read the message.
create table case_message_read (
    message_id uuid         not null references case_message (id),
    party_kind varchar(10)  not null,
    party_id   varchar(100) not null,
    read_at    timestamptz  not null,
    primary key (message_id, party_kind, party_id)
);
