-- Track cases (案件): the work of one function on a matter, driven by the domain's declared state
-- machines; the append-only case events; which claims each case handles (R-03: a claim is never
-- open in two procedures); transfers (转办) between functions and partner agencies; the matter's
-- responsible organisation; staff declarations of relations to parties (回避).

CREATE TABLE track_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES matter(id),
  track text NOT NULL
    CHECK (track IN ('consultation', 'mediation', 'arbitration', 'inspection', 'petition', 'legal_aid', 'court')),
  -- Official number by the issuing body's pattern (gap-free per track and year, e.g. 随劳人仲案字〔2026〕第15号).
  number text NOT NULL UNIQUE,
  year integer NOT NULL,
  seq integer NOT NULL,
  state text NOT NULL,
  -- true once the machine reached a terminal state (closed_at is set in the same update).
  closed boolean NOT NULL DEFAULT false,
  organization_id uuid NOT NULL REFERENCES organization(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  assignee_user_id uuid REFERENCES app_user(id),
  -- Copied from the matter's triage (wage_arrears, work_injury, collective, migrant_worker, …).
  priority_flags text[] NOT NULL DEFAULT '{}',
  opened_by uuid REFERENCES app_user(id),
  version integer NOT NULL DEFAULT 1,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (track, year, seq),
  CHECK (closed = (closed_at IS NOT NULL))
);
CREATE INDEX track_case_matter_idx ON track_case (matter_id, opened_at);
-- Work queues: open cases by jurisdiction and track, by organisation, by assignee.
CREATE INDEX track_case_queue_idx ON track_case (jurisdiction_id, track, state) WHERE NOT closed;
CREATE INDEX track_case_org_idx ON track_case (organization_id) WHERE NOT closed;
CREATE INDEX track_case_assignee_idx ON track_case (assignee_user_id) WHERE NOT closed;
CREATE INDEX track_case_unassigned_idx ON track_case (jurisdiction_id, track) WHERE NOT closed AND assignee_user_id IS NULL;

-- One row per transition (and one for the opening), written in the same transaction as the update.
CREATE TABLE case_event (
  case_id uuid NOT NULL REFERENCES track_case(id),
  seq integer NOT NULL,
  from_state text,
  to_state text NOT NULL,
  event text NOT NULL,
  actor_id uuid REFERENCES app_user(id),
  actor_name text NOT NULL,
  role text,
  at timestamptz NOT NULL DEFAULT now(),
  reason text,
  payload jsonb,
  PRIMARY KEY (case_id, seq)
);
CREATE INDEX case_event_actor_idx ON case_event (actor_id);

CREATE FUNCTION case_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_event_no_update BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_append_only();

-- The claims a case handles. `open` is cleared when the case closes or the claim is transferred.
-- R-03 (《劳动保障监察条例》第二十一条第二款; 《劳动人事争议仲裁办案规则》第三十条): one claim, one open procedure.
CREATE TABLE case_claim (
  case_id uuid NOT NULL REFERENCES track_case(id),
  claim_id uuid NOT NULL REFERENCES matter_claim(id),
  open boolean NOT NULL DEFAULT true,
  released_at timestamptz,
  released_reason text,
  PRIMARY KEY (case_id, claim_id)
);
CREATE UNIQUE INDEX case_claim_one_open_procedure ON case_claim (claim_id) WHERE open;

-- Which organisation answers for the matter now (首问负责制, 《保障农民工工资支付条例》第十条第三款);
-- absent: the organisation of the staff member who registered it. Changed by an accepted transfer.
CREATE TABLE matter_custody (
  matter_id uuid PRIMARY KEY REFERENCES matter(id),
  organization_id uuid NOT NULL REFERENCES organization(id),
  since timestamptz NOT NULL DEFAULT now(),
  transfer_id uuid
);
CREATE INDEX matter_custody_org_idx ON matter_custody (organization_id);

-- Transfers (转办) with a transfer slip (转办单); driven by the domain's transferMachine.
CREATE TABLE transfer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES matter(id),
  case_id uuid REFERENCES track_case(id),
  from_org_id uuid NOT NULL REFERENCES organization(id),
  from_user_id uuid NOT NULL REFERENCES app_user(id),
  to_org_id uuid NOT NULL REFERENCES organization(id),
  -- The receiving function: a case of this track opens on acceptance (null: the matter only).
  to_track text
    CHECK (to_track IS NULL OR to_track IN ('consultation', 'mediation', 'arbitration', 'inspection', 'petition', 'legal_aid', 'court')),
  claim_ids uuid[] NOT NULL DEFAULT '{}',
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'returned')),
  slip_document_id uuid,
  opened_case_id uuid REFERENCES track_case(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by uuid REFERENCES app_user(id),
  return_reason text,
  version integer NOT NULL DEFAULT 1,
  CHECK (state <> 'returned' OR length(return_reason) > 0)
);
CREATE INDEX transfer_inbox_idx ON transfer (to_org_id, created_at) WHERE state = 'pending';
CREATE INDEX transfer_outbox_idx ON transfer (from_org_id, created_at DESC);
CREATE INDEX transfer_matter_idx ON transfer (matter_id, created_at);
CREATE INDEX transfer_pending_idx ON transfer (created_at) WHERE state = 'pending';
-- One pending transfer per matter at a time: the chain stays readable on the timeline.
CREATE UNIQUE INDEX transfer_one_pending ON transfer (matter_id) WHERE state = 'pending';

-- A member of staff's declared relation to a party: bars them from every case of a matter involving
-- that party (《劳动争议调解仲裁法》第三十三条; 《行政处罚法》第四十三条).
CREATE TABLE staff_conflict (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id),
  party_id uuid NOT NULL REFERENCES party(id),
  relation text NOT NULL CHECK (length(relation) BETWEEN 1 AND 200),
  declared_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, party_id)
);
CREATE INDEX staff_conflict_party_idx ON staff_conflict (party_id);

-- Search in the work queues by case number.
CREATE INDEX track_case_number_idx ON track_case (number text_pattern_ops);

-- Case number patterns per track, as data with their basis (administrators may change them;
-- the code's defaults in modules/cases/cases.tracks.ts apply when a row is absent).
INSERT INTO setting (key, value, label, basis) VALUES
  ('cases.number_pattern.consultation', '"随咨〔{year}〕{seq}号"', '咨询登记编号格式', '中心案件编号规则；RULES R-01'),
  ('cases.number_pattern.mediation', '"随劳人调字〔{year}〕第{seq}号"', '调解案件编号格式', '中心案件编号规则；《劳动争议调解仲裁法》第十二条'),
  ('cases.number_pattern.arbitration', '"随劳人仲案字〔{year}〕第{seq}号"', '仲裁案件案号格式',
   '《劳动人事争议仲裁办案规则》及人社部仲裁文书示范文本：案号由仲裁委员会简称、案件代字、年份和序号组成'),
  ('cases.number_pattern.inspection', '"随人社监字〔{year}〕第{seq}号"', '劳动保障监察案件编号格式',
   '《关于实施〈劳动保障监察条例〉若干规定》：投诉举报登记、立案按机关代字、年份和序号编号'),
  ('cases.number_pattern.petition', '"随信转〔{year}〕{seq}号"', '信访事项编号格式', '《信访工作条例》第三十一条'),
  ('cases.number_pattern.legal_aid', '"随法援〔{year}〕{seq}号"', '法律援助案件编号格式', '中心案件编号规则；《法律援助法》第四十三条'),
  ('cases.number_pattern.court', '"随诉调〔{year}〕{seq}号"', '诉调对接案件编号格式', '中心案件编号规则')
ON CONFLICT (key) DO NOTHING;
