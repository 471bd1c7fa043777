-- Written hearing (书面审理) of a simplified arbitration case (issue #20; 《劳动人事争议仲裁办案规则》
-- 第六十条): the periods set when it was ordered (computed by the clock engine from the catalogue's
-- rules arbitration.written-statement / arbitration.written-reply) and each side's submissions.
CREATE TABLE written_hearing (
  case_id uuid PRIMARY KEY REFERENCES track_case(id),
  ordered_by_name text NOT NULL,
  ordered_at timestamptz NOT NULL DEFAULT now(),
  note text,
  statement_due date NOT NULL,
  reply_due date NOT NULL,
  basis text NOT NULL
);

CREATE TABLE written_submission (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES written_hearing(case_id),
  party_id uuid NOT NULL REFERENCES party(id),
  role text NOT NULL CHECK (role IN ('worker', 'employer')),
  round text NOT NULL CHECK (round IN ('statement', 'reply')),
  text text NOT NULL,
  evidence_ids jsonb NOT NULL DEFAULT '[]',
  submitted_by_name text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, role, round)
);
