-- Prevention and capacity (issue #19): the register of mediation organisations (调解组织名录) extends the
-- listed organisations of the mediation module (mediation_organization, 0007) with what the bureau
-- manages — jurisdiction, founding date, status, the employer whose committee it is, the members — the
-- 六有五统一 checklist as data, assessments with evidence per item (re-assessment on the clock engine),
-- and the organisations' own case ledger (案件台账), which feeds the mediation statistics table by type
-- of mediation body. Every change appends a prevention_event row (who, when, what) besides the audit.

ALTER TABLE mediation_organization DROP CONSTRAINT mediation_organization_kind_check;
ALTER TABLE mediation_organization ADD CONSTRAINT mediation_organization_kind_check
  CHECK (kind IN ('enterprise_committee', 'street_township', 'village_community', 'industry_regional',
                  'union', 'court_linked', 'peoples_mediation'));

CREATE TABLE prevention_org (
  organization_id uuid PRIMARY KEY REFERENCES mediation_organization(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  founded_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'dissolved')),
  -- The employer's unified social credit code (GB 32100, public) where it is an enterprise's committee.
  credit_code text,
  employer_party_id uuid REFERENCES party(id),
  -- Latest assessment (denormalised for the shortfall list); null: never assessed.
  last_assessment_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (credit_code IS NULL OR credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$')
);
CREATE INDEX prevention_org_jurisdiction_idx ON prevention_org (jurisdiction_id);
CREATE INDEX prevention_org_credit_idx ON prevention_org (credit_code);

-- Members: people (调解员 may not be staff users); user_id links a sign-in holding the org_mediator post.
CREATE TABLE prevention_org_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES mediation_organization(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  position text NOT NULL CHECK (position IN ('chair', 'member', 'mediator')),
  user_id uuid REFERENCES app_user(id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, user_id)
);
CREATE INDEX prevention_org_member_user_idx ON prevention_org_member (user_id) WHERE user_id IS NOT NULL;

-- The 六有五统一 checklist in force (admin-editable; defaults from packages/domain prevention/checklist.ts).
CREATE TABLE prevention_checklist_item (
  code text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,30}$'),
  grp text NOT NULL CHECK (grp IN ('six_haves', 'five_uniforms')),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
  guidance text NOT NULL DEFAULT '',
  basis text NOT NULL,
  sort integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1
);
INSERT INTO prevention_checklist_item (code, grp, label, guidance, basis, sort) VALUES
  ('place', 'six_haves', '有场所', '有固定的调解场所', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 1),
  ('sign', 'six_haves', '有牌子', '悬挂调解组织标牌', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 2),
  ('staff', 'six_haves', '有人员', '配备专职或兼职调解员', '《劳动争议调解仲裁法》第十一条；人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 3),
  ('rules', 'six_haves', '有制度', '调解工作制度上墙', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 4),
  ('ledger', 'six_haves', '有台账', '案件登记台账完整', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 5),
  ('funds', 'six_haves', '有经费', '有工作经费保障', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 6),
  ('u_name', 'five_uniforms', '统一名称', '使用统一规范的名称', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 7),
  ('u_seal', 'five_uniforms', '统一印章', '使用统一的调解专用章', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 8),
  ('u_procedure', 'five_uniforms', '统一程序', '按统一的调解程序办案', '《劳动争议调解仲裁法》第十二条至第十六条；人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 9),
  ('u_forms', 'five_uniforms', '统一文书', '使用统一的调解文书格式', '《劳动争议调解仲裁法》第十四条；人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 10),
  ('u_ledger', 'five_uniforms', '统一台账', '使用统一的案件台账格式', '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准', 11);

CREATE TABLE prevention_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES mediation_organization(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  assessed_on date NOT NULL,
  assessor_id uuid REFERENCES app_user(id),
  assessor_name text NOT NULL,
  passed boolean NOT NULL,
  failed_count integer NOT NULL CHECK (failed_count >= 0),
  reassess_rule text NOT NULL,
  reassess_due date NOT NULL,
  clock_id uuid,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prevention_assessment_org_idx ON prevention_assessment (organization_id, assessed_on);

-- The items as assessed (label and basis copied: the checklist may change later).
CREATE TABLE prevention_assessment_item (
  assessment_id uuid NOT NULL REFERENCES prevention_assessment(id),
  code text NOT NULL,
  grp text NOT NULL,
  label text NOT NULL,
  passed boolean NOT NULL,
  note text,
  sort integer NOT NULL,
  PRIMARY KEY (assessment_id, code)
);

-- Evidence photos/files per item (content-addressed in the file store, like matter evidence).
CREATE TABLE prevention_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES prevention_assessment(id),
  item_code text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid REFERENCES app_user(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (assessment_id, item_code) REFERENCES prevention_assessment_item(assessment_id, code)
);

-- The organisations' own case ledger (案件台账).
CREATE TABLE prevention_org_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES mediation_organization(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  seq integer NOT NULL,
  applicant_name text NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 100),
  respondent_name text NOT NULL CHECK (length(respondent_name) BETWEEN 1 AND 200),
  claim_type text NOT NULL,
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  received_on date NOT NULL,
  result text NOT NULL DEFAULT 'pending'
    CHECK (result IN ('pending', 'agreement', 'no_agreement', 'withdrawn', 'referred')),
  closed_on date,
  amount_fen bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  -- A case referred to the center becomes a matter (intake path).
  matter_id uuid REFERENCES matter(id),
  recorded_by uuid REFERENCES app_user(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, seq),
  CHECK ((result = 'pending') = (closed_on IS NULL)),
  CHECK (closed_on IS NULL OR closed_on >= received_on)
);
CREATE INDEX prevention_org_case_stats_idx ON prevention_org_case (jurisdiction_id, received_on);

-- Every state change of the module, one row per change (the module's timeline).
CREATE TABLE prevention_event (
  id bigserial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  organization_id uuid REFERENCES mediation_organization(id),
  action text NOT NULL,
  summary text NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prevention_event_entity_idx ON prevention_event (entity_type, entity_id, id);
