-- Kafka-connected providers answer later, on their reply topic: the request remembers when it was sent and by when
-- the answer is due; past that, the sweeper records ERROR.
alter table authentication_request
    add column asked_at      timestamptz,
    add column answer_due_at timestamptz;
create index authentication_request_answer_due on authentication_request (answer_due_at)
    where status = 'PENDING' and answer_due_at is not null;
