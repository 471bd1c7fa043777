-- Issue #21 points 1 and 2: every agreement item, award item, 责令改正 order and court-confirmed
-- agreement becomes an obligation (who pays whom, how much, by when), followed until it is paid.
-- One row per instalment. Payments are recorded by staff or declared by the worker on the portal
-- (with a photo of the transfer record, kept as matter evidence) and confirmed by staff.
CREATE TABLE obligation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES matter(id),
  case_id uuid REFERENCES track_case(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  organization_id uuid REFERENCES organization(id),
  responsible_user_id uuid REFERENCES app_user(id),
  source text NOT NULL CHECK (source IN ('mediation_agreement', 'arbitration_award_final',
    'arbitration_award_non_final', 'arbitral_mediation_statement', 'order_to_correct', 'court_confirmation')),
  source_document_id uuid REFERENCES document(id),
  source_label text NOT NULL,
  debtor_party_id uuid REFERENCES party(id),
  debtor_name text NOT NULL,
  creditor_party_id uuid REFERENCES party(id),
  creditor_name text NOT NULL,
  item text NOT NULL,
  claim_type text,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  paid_fen bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
  instalment_no integer NOT NULL DEFAULT 1,
  instalment_count integer NOT NULL DEFAULT 1,
  effective_date date,
  served_on date,
  due_date date,
  basis text NOT NULL,
  status text NOT NULL CHECK (status IN ('awaiting_effect', 'open', 'part_paid', 'overdue', 'paid')),
  overdue_since date,
  alerted_at timestamptz,
  paid_at timestamptz,
  next_step text CHECK (next_step IN ('payment_order', 'enforcement', 'inspection')),
  next_step_document_id uuid REFERENCES document(id),
  next_step_ref text,
  next_step_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX obligation_matter_idx ON obligation (matter_id, due_date);
CREATE INDEX obligation_case_idx ON obligation (case_id);
CREATE INDEX obligation_debtor_idx ON obligation (debtor_party_id);
CREATE INDEX obligation_open_idx ON obligation (status, due_date) WHERE status <> 'paid';
CREATE INDEX obligation_source_doc_idx ON obligation (source_document_id);

CREATE TABLE obligation_payment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  obligation_id uuid NOT NULL REFERENCES obligation(id),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  paid_on date NOT NULL,
  payer text NOT NULL CHECK (payer IN ('debtor', 'general_contractor', 'wage_deposit', 'emergency_fund', 'other')),
  declared_by text NOT NULL CHECK (declared_by IN ('staff', 'worker')),
  declared_by_user_id uuid REFERENCES app_user(id),
  declared_by_name text NOT NULL,
  proof_evidence_id uuid REFERENCES matter_evidence(id),
  note text,
  status text NOT NULL CHECK (status IN ('declared', 'confirmed', 'rejected')),
  decided_by uuid REFERENCES app_user(id),
  decided_by_name text,
  decided_at timestamptz,
  decision_note text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX obligation_payment_obligation_idx ON obligation_payment (obligation_id, created_at);
CREATE INDEX obligation_payment_declared_idx ON obligation_payment (status) WHERE status = 'declared';
