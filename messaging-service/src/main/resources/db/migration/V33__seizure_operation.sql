-- The operation a matched seizure's record names (explicit tagging), so that statistics and an operation's results
-- count seizures from the same rows. Seizures matched before this column existed take it from their report.
alter table seizure add column operation_id uuid;
update seizure s set operation_id = (r.report->>'operationId')::uuid
from seizure_report r
where r.authority = s.authority and r.external_id = s.external_id
  and r.report->>'operationId' ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
create index seizure_by_operation on seizure (operation_id) where operation_id is not null;
