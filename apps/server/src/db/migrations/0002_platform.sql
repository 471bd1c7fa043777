-- Platform services shared by the feature modules: gap-free number sequences, the job queue
-- (claimed with FOR UPDATE SKIP LOCKED so several instances never run a job twice) and
-- idempotency keys for retried public submissions.
CREATE TABLE number_sequence (
  scope text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, year)
);

CREATE TABLE job (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key text,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_by text,
  locked_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_due_idx ON job (run_at) WHERE state = 'pending';
CREATE UNIQUE INDEX job_dedupe_key ON job (dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE idempotency_key (
  key text NOT NULL,
  scope text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
