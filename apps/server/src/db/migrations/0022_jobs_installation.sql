-- Safe to run for real (issue 15).
--
-- 1. Which kind of installation this database is. A 'demo' database holds demo accounts whose
--    password is public; a 'production' database must never receive them, and a demo database
--    must never be started as production. The server records the mode on its first start and
--    refuses a start in the other mode (bootstrap / seed/installation.ts).
CREATE TABLE installation (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  mode text NOT NULL CHECK (mode IN ('demo', 'production')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- 2. One job queue with leases. A worker holds a job until lease_until and renews the lease while
--    it runs; a 'running' job whose lease has expired (its worker died) is claimable again.
--    'failed' is the dead-letter state (attempts exhausted), listed for administrators to retry.
ALTER TABLE job ADD COLUMN lease_until timestamptz;
UPDATE job SET lease_until = coalesce(locked_at, now()) WHERE state = 'running';
CREATE INDEX job_lease_idx ON job (lease_until) WHERE state = 'running';
CREATE INDEX job_failed_idx ON job (finished_at DESC) WHERE state = 'failed';

-- Periodic tasks run once per period across all instances: an instance runs a task only if it
--    wins the conditional update of the task's row (last_run_at older than the period).
CREATE TABLE job_schedule (
  name text PRIMARY KEY,
  last_run_at timestamptz,
  last_run_by text,
  last_error text
);

-- 3. SMS without a configured provider are 'logged' (written to the log, NOT delivered).
ALTER TABLE notification DROP CONSTRAINT notification_state_check;
ALTER TABLE notification ADD CONSTRAINT notification_state_check
  CHECK (state IN ('pending', 'sending', 'sent', 'logged', 'failed'));
ALTER TABLE party_notice DROP CONSTRAINT party_notice_state_check;
ALTER TABLE party_notice ADD CONSTRAINT party_notice_state_check
  CHECK (state IN ('pending', 'sending', 'sent', 'logged', 'failed', 'recorded'));

-- The two SMS outboxes are delivered by the job queue from now on: one job per message still due.
UPDATE notification SET state = 'pending', locked_at = NULL WHERE channel = 'sms' AND state = 'sending';
UPDATE party_notice SET state = 'pending', locked_at = NULL WHERE channel = 'sms' AND state = 'sending';
INSERT INTO job (kind, payload, dedupe_key, run_at)
  SELECT 'sms.notification', jsonb_build_object('id', id), 'sms:notification:' || id, next_attempt_at
    FROM notification WHERE channel = 'sms' AND state = 'pending'
ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING;
INSERT INTO job (kind, payload, dedupe_key, run_at)
  SELECT 'sms.party_notice', jsonb_build_object('id', id), 'sms:party_notice:' || id, next_attempt_at
    FROM party_notice WHERE channel = 'sms' AND state = 'pending'
ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING;

-- 4. The leaders' alert that SMS are only logged (no provider configured).
ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check
  CHECK (kind IN ('employer_open_matters', 'collective', 'spring_festival_wages', 'sms_not_delivered'));
