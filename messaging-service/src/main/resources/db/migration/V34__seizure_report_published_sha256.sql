-- The SHA-256 of a report's record exactly as messaging-service wrote it for seizure-reported: the consumer
-- recognises the API's own records by the hash of the bytes it receives, without reading and checking them again.
-- Reports stored before have none; their records are recognised by their content, as before.
alter table seizure_report add column published_sha256 text;
