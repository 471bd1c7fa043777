-- Legal clocks (issue 4): the working-day calendar as data, clocks with their event log, and the
-- notification outbox. The calendar is seeded from the domain's SEED_NOTICES at start-up
-- (modules/clocks/calendar.seed.ts), never retyped here.

-- One row per day per region. region 'national' holds the State Council calendar; a row whose
-- region is a jurisdiction code overrides that day for the jurisdiction (《全国年节及纪念日放假办法》第四条).
CREATE TABLE calendar_day (
  region text NOT NULL DEFAULT 'national',
  date date NOT NULL,
  day_type text NOT NULL CHECK (day_type IN ('workday', 'weekend', 'holiday', 'makeup_workday')),
  name text,
  notice_source text,
  PRIMARY KEY (region, date)
);

-- The annual 国务院办公厅 notice as entered (the source of the national calendar_day rows).
CREATE TABLE calendar_notice (
  region text NOT NULL DEFAULT 'national',
  year integer NOT NULL,
  source text NOT NULL,
  holidays jsonb NOT NULL,
  makeup_workdays jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, year)
);

-- Bumped by every calendar edit: servers compare it to rebuild their cached WorkCalendar.
CREATE TABLE calendar_revision (
  id integer PRIMARY KEY CHECK (id = 1),
  revision bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 1);

CREATE TABLE clock (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  subject_label text,
  rule_id text NOT NULL,
  trigger_date date NOT NULL,
  due_date date NOT NULL,
  original_due_date date NOT NULL,
  calendar_version text NOT NULL,
  status text NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'suspended', 'met', 'missed', 'extended')),
  suspended_since date,
  suspended_days integer NOT NULL DEFAULT 0,
  extension_approver text,
  extension_reason text,
  responsible_user_id uuid REFERENCES app_user (id),
  organization_id uuid REFERENCES organization (id),
  jurisdiction_id uuid REFERENCES jurisdiction (id),
  basis text NOT NULL,
  explanation text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The sweep: open clocks by due date.
CREATE INDEX clock_sweep_idx ON clock (status, due_date);
CREATE INDEX clock_subject_idx ON clock (subject_type, subject_id);
-- At most one open clock per subject and rule (meet/suspend by subject+rule need it unambiguous).
CREATE UNIQUE INDEX clock_open_unique ON clock (subject_type, subject_id, rule_id)
  WHERE status IN ('running', 'suspended', 'extended');
CREATE INDEX clock_responsible_idx ON clock (responsible_user_id) WHERE status IN ('running', 'extended', 'suspended');

-- Append-only history of every clock.
CREATE TABLE clock_event (
  id bigserial PRIMARY KEY,
  clock_id uuid NOT NULL REFERENCES clock (id),
  event text NOT NULL,
  actor text NOT NULL,
  actor_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  reason text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX clock_event_clock_idx ON clock_event (clock_id, id);

-- Notification outbox: in-app messages are visible at once; SMS rows are delivered by a worker that
-- claims them with FOR UPDATE SKIP LOCKED. dedupe_key makes two server instances enqueue once.
CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient_user_id uuid NOT NULL REFERENCES app_user (id),
  channel text NOT NULL CHECK (channel IN ('in_app', 'sms')),
  template text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  body text NOT NULL,
  subject_type text,
  subject_id uuid,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_at timestamptz,
  last_error text,
  sent_at timestamptz,
  provider_ref text,
  dedupe_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notification_delivery_idx ON notification (next_attempt_at) WHERE state = 'pending';
CREATE INDEX notification_recipient_idx ON notification (recipient_user_id, created_at DESC);
CREATE INDEX notification_subject_idx ON notification (subject_type, subject_id);
