-- Files carried by thread messages (documents, photos of the shipment), stored with their message in PostgreSQL so
-- that a backup of the database is a backup of the case. The type is what the content's first bytes say, never
-- what the client declared; sha256 lets anybody check a file served back or exported in a dossier.
create table case_attachment (
    id           uuid         primary key,
    message_id   uuid         not null references case_message (id),
    case_id      uuid         not null references shipment_case (id),
    position     int          not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   int          not null,
    sha256       varchar(64)  not null,
    data         bytea        not null,
    created_at   timestamptz  not null,
    unique (message_id, position)
);
create index case_attachment_by_case on case_attachment (case_id);
