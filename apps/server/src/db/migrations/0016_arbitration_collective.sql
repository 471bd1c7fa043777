-- Arbitration, collective variant and decision documents (RULES.md W-02, W-03, T-A17).

-- Tripartite tribunal for collective-CONTRACT disputes (集体合同争议): each arbitrator's side —
-- labour administration, trade union or enterprise side (RULES.md W-03, S2 Arts. 62–67 [V2 via
-- secondary summaries]). NULL for every other tribunal.
ALTER TABLE tribunal_member ADD COLUMN side text
  CHECK (side IS NULL OR side IN ('labour_administration', 'trade_union', 'enterprise'));

-- Written consent of the represented workers to a representative's act that disposes of their rights
-- (changing / abandoning claims, admitting the other side's claims, accepting a settlement, withdrawing):
-- who consented (party ids, names as signed), on which day, and the reference of the signed document.
CREATE TABLE arbitration_consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  act text NOT NULL CHECK (act IN ('change_claims', 'abandon_claims', 'admit_claims', 'accept_settlement', 'withdraw')),
  party_ids uuid[] NOT NULL CHECK (cardinality(party_ids) >= 1),
  party_names text[] NOT NULL,
  signed_on date NOT NULL,
  document_ref text NOT NULL CHECK (length(document_ref) BETWEEN 1 AND 200),
  note text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES app_user(id),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX arbitration_consent_case_idx ON arbitration_consent (case_id, act);

ALTER TABLE arbitration_record DROP CONSTRAINT IF EXISTS arbitration_record_kind_check;
ALTER TABLE arbitration_record ADD CONSTRAINT arbitration_record_kind_check CHECK (kind IN (
  'evidence', 'hearing_record', 'defence', 'mediation_attempt', 'postponement_request', 'suspension',
  'resumption', 'extension', 'withdrawal', 'default', 'advance_execution', 'restart', 'note',
  'consent', 'claims_change', 'collective_notice', 'simplified_notice'));
