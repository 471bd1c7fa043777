-- Prevention, part A (issue #19 items 3 and 4): outreach — planned and done visits to enterprises (走访)
-- and 普法 sessions, with the staff who go, the place, topics, attendance, photos and the issues found —
-- and referrals from the organisations' case ledger to the center. A found issue becomes a matter (the
-- intake path, status 'registered': the center's intake queue) or a labor-relations supervision item
-- (supervision_filing of kind 'outreach'), linked both ways. Every change appends a prevention_event row.

CREATE TABLE prevention_visit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- enterprise_visit: 走访企业; law_session: 普法宣传（讲座、培训、现场宣传）.
  kind text NOT NULL CHECK (kind IN ('enterprise_visit', 'law_session')),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  employer_party_id uuid REFERENCES party(id),
  -- The place as the visitor wrote it (an enterprise's premises, a park, a community hall).
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  planned_on date NOT NULL,
  done_on date,
  topics text[] NOT NULL DEFAULT '{}',
  attendance_count integer CHECK (attendance_count IS NULL OR attendance_count >= 0),
  -- The attendance list: [{ "name": "...", "position": "..." }] (may be shorter than the count).
  attendees jsonb NOT NULL DEFAULT '[]',
  summary text,
  cancel_reason text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'enterprise_visit' OR employer_party_id IS NOT NULL),
  CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX prevention_visit_jurisdiction_idx ON prevention_visit (jurisdiction_id, planned_on);
CREATE INDEX prevention_visit_employer_idx ON prevention_visit (employer_party_id) WHERE employer_party_id IS NOT NULL;

-- Who goes (staff users), in the order given; the first is the lead.
CREATE TABLE prevention_visit_staff (
  visit_id uuid NOT NULL REFERENCES prevention_visit(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  sort integer NOT NULL,
  PRIMARY KEY (visit_id, user_id)
);

-- Photos of the visit or session (content-addressed in the file store, like the assessment evidence).
CREATE TABLE prevention_visit_photo (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL REFERENCES prevention_visit(id),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid REFERENCES app_user(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prevention_visit_photo_visit_idx ON prevention_visit_photo (visit_id);

-- Issues found; each may become a matter or a supervision item (once).
CREATE TABLE prevention_visit_issue (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL REFERENCES prevention_visit(id),
  seq integer NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  claim_type text,
  worker_count integer CHECK (worker_count IS NULL OR worker_count >= 1),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'matter', 'supervision')),
  matter_id uuid REFERENCES matter(id),
  supervision_filing_id uuid REFERENCES supervision_filing(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (visit_id, seq),
  CHECK ((state = 'matter') = (matter_id IS NOT NULL)),
  CHECK ((state = 'supervision') = (supervision_filing_id IS NOT NULL))
);
CREATE INDEX prevention_visit_issue_matter_idx ON prevention_visit_issue (matter_id) WHERE matter_id IS NOT NULL;

-- A supervision item found on an outreach visit (走访发现问题), besides the filed reports.
ALTER TABLE supervision_filing DROP CONSTRAINT supervision_filing_kind_check;
ALTER TABLE supervision_filing ADD CONSTRAINT supervision_filing_kind_check
  CHECK (kind IN ('layoff', 'dispatch', 'special_hours', 'restructuring', 'bankruptcy', 'outreach'));

-- A ledger case referred to the center: why (handling, 仲裁审查 or 司法确认 of its agreement) and when.
ALTER TABLE prevention_org_case ADD COLUMN referral_purpose text
  CHECK (referral_purpose IS NULL OR referral_purpose IN ('handling', 'arbitral_review', 'judicial_confirmation'));
ALTER TABLE prevention_org_case ADD COLUMN referred_at timestamptz;
ALTER TABLE prevention_org_case ADD CONSTRAINT prevention_org_case_referral_check
  CHECK ((referral_purpose IS NULL) = (matter_id IS NULL));
