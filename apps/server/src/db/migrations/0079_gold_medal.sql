-- 金牌 selection (issue #19 item 5): the criteria and weights as data (defaults in packages/domain
-- training/gold.ts, snapshotted into each round so a later change does not move a round's scores); a
-- yearly round (open → marking → scored → approved by the director → published on the portal); the
-- nominations with the record and score computed at scoring time; the panel's marks, one per panelist.

CREATE TABLE gold_criterion (
  code text PRIMARY KEY
    CHECK (code IN ('cases_handled', 'success_rate', 'agreement_performance', 'complaints',
                    'training_hours', 'standard', 'panel')),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 30),
  weight integer NOT NULL CHECK (weight BETWEEN 0 AND 100),
  target integer CHECK (target BETWEEN 1 AND 1000),
  basis text NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
  sort integer NOT NULL,
  version integer NOT NULL DEFAULT 1
);
INSERT INTO gold_criterion (code, label, weight, target, basis, sort) VALUES
  ('cases_handled', '办结案件数', 20, 10, '本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）', 1),
  ('success_rate', '调解成功率', 25, NULL, '《劳动争议调解仲裁法》第十四条（达成调解协议）；本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）', 2),
  ('agreement_performance', '协议履行率', 15, NULL, '《劳动争议调解仲裁法》第十五条（协议的履行）；本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）', 3),
  ('complaints', '投诉情况', 10, 25, '本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）', 4),
  ('training_hours', '培训学时', 10, NULL, '本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）', 5),
  ('standard', '六有五统一', 10, NULL, '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）', 6),
  ('panel', '评审组评分', 10, NULL, '本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）', 7);

CREATE TABLE gold_round (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'marking', 'scored', 'approved', 'published')),
  criteria jsonb NOT NULL,
  scored_at timestamptz,
  approved_by uuid REFERENCES app_user(id),
  approved_by_name text,
  approved_at timestamptz,
  approval_note text,
  published_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status IN ('approved', 'published')) = (approved_at IS NOT NULL)),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);

CREATE TABLE gold_nomination (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES gold_round(id),
  kind text NOT NULL CHECK (kind IN ('organization', 'mediator')),
  organization_id uuid REFERENCES mediation_organization(id),
  user_id uuid REFERENCES app_user(id),
  member_id uuid REFERENCES prevention_org_member(id),
  nominee_name text NOT NULL,
  affiliation text NOT NULL DEFAULT '',
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  complaints integer NOT NULL DEFAULT 0 CHECK (complaints BETWEEN 0 AND 100),
  record jsonb,
  parts jsonb,
  -- The score in hundredths (58.5 → 5850), set when the round is scored.
  score_centi integer,
  awarded boolean NOT NULL DEFAULT false,
  nominated_by uuid REFERENCES app_user(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'organization') = (organization_id IS NOT NULL)),
  CHECK (kind = 'organization' OR ((user_id IS NULL) <> (member_id IS NULL))),
  CHECK (kind = 'mediator' OR (user_id IS NULL AND member_id IS NULL)),
  UNIQUE (round_id, organization_id),
  UNIQUE (round_id, user_id),
  UNIQUE (round_id, member_id)
);
CREATE INDEX gold_nomination_round_idx ON gold_nomination (round_id);

CREATE TABLE gold_mark (
  nomination_id uuid NOT NULL REFERENCES gold_nomination(id),
  panelist_id uuid NOT NULL REFERENCES app_user(id),
  panelist_name text NOT NULL,
  mark integer NOT NULL CHECK (mark BETWEEN 0 AND 100),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (nomination_id, panelist_id)
);
