-- Idempotency keys commit with the business transaction (issue #15/#17 of the scale-out load test).
-- `result` holds what the request's first write transaction returned (wrapped as {"value": …}); it is
-- written inside that transaction, so a row with status_code 0 and a result means "the work committed,
-- the response was not stored yet" and a retry rebuilds the response from it. Rows reserved by the old
-- code outside any transaction (status_code 0, result NULL) keep NULL: their outcome is unknown.
ALTER TABLE idempotency_key ADD COLUMN result jsonb;
