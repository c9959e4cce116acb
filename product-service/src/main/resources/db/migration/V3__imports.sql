-- Bulk imports run as jobs: the upload is kept until the job is done, progress is readable at any time.
create table import_job (
    id          uuid primary key,
    brand_id    varchar(64)  not null references brand (id),
    format      varchar(10)  not null,
    status      varchar(20)  not null,
    total_rows  integer      not null default 0,
    done_rows   integer      not null default 0,
    failed_rows integer      not null default 0,
    created_rows integer     not null default 0,
    updated_rows integer     not null default 0,
    unchanged_rows integer   not null default 0,
    content     bytea,
    submitted_by varchar(200) not null,
    created_at  timestamptz  not null,
    finished_at timestamptz
);
create index import_job_brand on import_job (brand_id, created_at desc);

create table import_error (
    job_id  uuid          not null references import_job (id) on delete cascade,
    line    integer       not null,
    sku     varchar(100),
    message varchar(2000) not null,
    primary key (job_id, line)
);
