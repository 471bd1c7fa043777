-- Single-window intake (一窗受理) and the master record (维权事项, matter): parties, claims, evidence,
-- the append-only timeline, and early-warning alerts for the leaders.
-- Later modules hang track cases, transfers and work queues on matter / matter_claim.

-- Parties: workers and employers. Personal data (ID number, phone, address) is stored encrypted
-- (AES-256-GCM, *_enc) with a keyed hash (HMAC, *_hash) for exact lookup (RULES.md P-04, PIPL Art. 51).
CREATE TABLE party (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('worker', 'employer')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Worker: ID document (GB 11643 and others); employer: unified social credit code (GB 32100, public).
  id_type text CHECK (id_type IN ('resident_id', 'passport', 'hmt_residence_permit', 'foreign_permanent_residence')),
  id_number_enc text,
  credit_code text,
  -- Keyed hash of 'worker:<ID number>' or 'employer:<credit code>': one party per identity.
  identity_hash text,
  sex text CHECK (sex IN ('male', 'female')),
  birth_date date,
  phone_enc text,
  phone_hash text,
  address_enc text,
  migrant_worker boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  pregnant_or_nursing boolean NOT NULL DEFAULT false,
  minor boolean NOT NULL DEFAULT false,
  legal_representative text,
  contact_name text,
  industry text,
  size text CHECK (size IN ('micro', 'small', 'medium', 'large')),
  status text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'bankrupt', 'restructuring', 'closed')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'employer' OR (id_type IS NOT NULL AND id_number_enc IS NOT NULL AND identity_hash IS NOT NULL))
);
CREATE UNIQUE INDEX party_identity_key ON party (identity_hash);
CREATE INDEX party_phone_idx ON party (phone_hash);
-- Chinese fuzzy search (pg_trgm needs a UTF-8 ctype, e.g. C.UTF-8): infix for ≥3 characters;
-- the text_pattern_ops index serves prefix search for one- and two-character names.
CREATE INDEX party_name_trgm ON party USING gin (name gin_trgm_ops);
CREATE INDEX party_name_prefix ON party (name text_pattern_ops);

-- The master record. Numbers 随维〔2026〕00123 come from the gap-free sequence 'matter'.
CREATE TABLE matter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  year integer NOT NULL,
  seq integer NOT NULL,
  channel text NOT NULL CHECK (channel IN ('window', 'online', 'hotline_12333', 'mail', 'petition_transfer',
    'inspection_transfer', 'court_delegated', 'union_transfer', 'other_transfer')),
  request_kind text NOT NULL CHECK (request_kind IN ('question', 'application', 'complaint', 'report', 'petition')),
  status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'routed', 'closed', 'merged')),
  narrative text NOT NULL DEFAULT '',
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  responsible_user_id uuid REFERENCES app_user(id),
  created_by uuid REFERENCES app_user(id),
  received_at timestamptz NOT NULL DEFAULT now(),
  worker_count integer NOT NULL DEFAULT 1 CHECK (worker_count >= 1),
  collective boolean NOT NULL DEFAULT false,
  collective_contract boolean NOT NULL DEFAULT false,
  priority_flags text[] NOT NULL DEFAULT '{}',
  employment_start date,
  employment_end date,
  knew_date date,
  -- Triage (分流): the recommendation as computed, the clerk's decision, and the worker's consent to
  -- mediation (R-09: mediation is voluntary; the consent record says who, when and how).
  triage_input jsonb,
  triage_result jsonb,
  triage_decision jsonb,
  triage_decided_by uuid REFERENCES app_user(id),
  triage_decided_at timestamptz,
  mediation_consent jsonb,
  duplicate_of_id uuid REFERENCES matter(id),
  merged_into_id uuid REFERENCES matter(id),
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, seq)
);
CREATE INDEX matter_jurisdiction_idx ON matter (jurisdiction_id, received_at DESC);
CREATE INDEX matter_received_idx ON matter (received_at DESC);
CREATE INDEX matter_status_idx ON matter (status) WHERE status IN ('registered', 'routed');

CREATE TABLE matter_party (
  matter_id uuid NOT NULL REFERENCES matter(id),
  party_id uuid NOT NULL REFERENCES party(id),
  role text NOT NULL CHECK (role IN ('worker', 'employer')),
  -- Elected representative of a collective dispute (RULES.md §6.3: 3–5 in arbitration).
  representative boolean NOT NULL DEFAULT false,
  sort integer NOT NULL DEFAULT 0,
  PRIMARY KEY (matter_id, party_id)
);
CREATE INDEX matter_party_party_idx ON matter_party (party_id, matter_id);

-- Claims (诉求): one matter has many; each later points at the track case handling it.
CREATE TABLE matter_claim (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES matter(id),
  type text NOT NULL,
  amount_fen bigint CHECK (amount_fen IS NULL OR amount_fen >= 0),
  period_from date,
  period_to date,
  facts text NOT NULL,
  -- The procedure chosen at triage; at most one per claim (R-03).
  track text CHECK (track IN ('consultation', 'mediation', 'arbitration', 'inspection', 'petition', 'referral')),
  -- Filled by the track-case module (no FK yet: that table does not exist).
  track_case_id uuid,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'routed', 'withdrawn', 'closed')),
  sort integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to)
);
CREATE INDEX matter_claim_matter_idx ON matter_claim (matter_id, sort);

CREATE TABLE matter_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES matter(id),
  file_name text NOT NULL,
  -- Sniffed from the magic bytes, never taken from the client.
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  description text,
  uploaded_by uuid REFERENCES app_user(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX matter_evidence_matter_idx ON matter_evidence (matter_id, uploaded_at);

-- The timeline (一管到底): append-only, one row per state change, written in the same transaction.
CREATE TABLE matter_event (
  id bigserial PRIMARY KEY,
  matter_id uuid NOT NULL REFERENCES matter(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text NOT NULL,
  kind text NOT NULL,
  summary text NOT NULL,
  payload jsonb
);
CREATE INDEX matter_event_matter_idx ON matter_event (matter_id, id);

CREATE FUNCTION matter_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'matter_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER matter_event_no_update BEFORE UPDATE OR DELETE ON matter_event
  FOR EACH ROW EXECUTE FUNCTION matter_event_append_only();

-- Early warning for the leaders (RULES.md §6.1, §6.3; 保障农民工工资支付条例).
CREATE TABLE alert (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('employer_open_matters', 'collective', 'spring_festival_wages')),
  dedupe_key text NOT NULL UNIQUE,
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  matter_id uuid REFERENCES matter(id),
  employer_party_id uuid REFERENCES party(id),
  summary text NOT NULL,
  basis text NOT NULL,
  count integer NOT NULL DEFAULT 1,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_open_idx ON alert (jurisdiction_id, updated_at DESC);

INSERT INTO setting (key, value, label, basis) VALUES
  ('alert.employer_open_matters_min', '3', '同一用人单位未结维权事项达到此数时预警', '中心预警规则（地方做法）'),
  ('alert.spring_festival_window_days', '30', '春节前多少天内的欠薪事项预警',
   '《保障农民工工资支付条例》；国务院办公厅节假日安排通知（春节放假首日）'),
  ('alert.collective_min_workers', '10', '集体争议人数（达到即预警）', '《劳动争议调解仲裁法》第七条'),
  ('intake.matter_number_pattern', '"随维〔{year}〕{seq:5}"', '维权事项编号格式', '中心编号规则')
ON CONFLICT (key) DO NOTHING;
