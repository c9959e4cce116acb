-- Facts about the goods that the officer states when deciding on detention (perishable, small consignment,
-- restricted article): they select the procedure (CaseWorkflow) and the legal periods (DeadlineRules).
alter table shipment_case add column goods_facts jsonb not null default '[]';
