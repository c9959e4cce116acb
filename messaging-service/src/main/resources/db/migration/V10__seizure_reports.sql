-- Seizures as customs systems report them: one row per (authority, external id), the identity of a seizure.
-- content_sha256 tells an identical re-post (duplicate) from a different one under the same id (conflict).
create table seizure_report (
    authority      text        not null,
    external_id    text        not null,
    content_sha256 text        not null,
    report         jsonb       not null,
    reported_at    timestamptz not null,
    amended_at     timestamptz,
    primary key (authority, external_id)
);
