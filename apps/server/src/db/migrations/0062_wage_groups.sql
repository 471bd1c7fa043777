-- Group wage arrears (issue #21 point 3): one group matter (a project, a site or an employer) with a
-- ledger of one line per worker and period, and the payments made on each line (employer, general
-- contractor paying directly 总包代发, wage deposit 工资保证金, emergency fund 应急周转金). Workers are
-- parties (ID number and phone encrypted, see party); amounts in fen.
CREATE TABLE wage_group (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL UNIQUE REFERENCES matter(id),
  kind text NOT NULL CHECK (kind IN ('project', 'site', 'employer')),
  name text NOT NULL,
  general_contractor text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE wage_line (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES wage_group(id),
  party_id uuid NOT NULL REFERENCES party(id),
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  claimed_fen bigint NOT NULL CHECK (claimed_fen > 0),
  confirmed_fen bigint CHECK (confirmed_fen >= 0),
  confirmed_by text CHECK (confirmed_by IN ('employer', 'investigation')),
  paid_fen bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
  source_row integer,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, party_id, period_from, period_to)
);
CREATE INDEX wage_line_party_idx ON wage_line (party_id);

CREATE TABLE wage_payment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  line_id uuid NOT NULL REFERENCES wage_line(id),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  paid_on date NOT NULL,
  payer text NOT NULL CHECK (payer IN ('employer', 'general_contractor', 'wage_deposit', 'emergency_fund')),
  payer_name text,
  note text,
  recorded_by uuid REFERENCES app_user(id),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wage_payment_line_idx ON wage_payment (line_id, paid_on);
