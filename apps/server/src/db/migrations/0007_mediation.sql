-- Mediation first (坚持调解优先, 随人社函〔2023〕36号 五(一)3): the mediation record of a mediation
-- track case (consent, who mediates), the listed mediation organisations, the 调解建议书 per claim
-- item with each side's reply, sessions with their record (笔录), and the follow-ups of an agreement
-- (仲裁审查, 司法确认, 支付令 court docking). RULES W-04, W-05, W-07, R-09, R-11, R-12.

-- Listed mediation organisations (调解组织, 《劳动争议调解仲裁法》第十条). jurisdiction_code is the
-- administrative division code (jurisdiction.code), so the seed does not depend on reference data.
CREATE TABLE mediation_organization (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL
    CHECK (kind IN ('enterprise_committee', 'street_township', 'union', 'court_linked', 'peoples_mediation')),
  jurisdiction_code text NOT NULL,
  address text,
  contact_person text,
  phone text,
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per mediation track case. consent: who, when, how (R-09: mediation is voluntary).
CREATE TABLE mediation_case (
  case_id uuid PRIMARY KEY REFERENCES track_case(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  consent jsonb NOT NULL,
  employer_consent jsonb,
  -- center: the one-stop center mediates (small and simple); organization: referred to a listed organisation.
  handled_by text NOT NULL CHECK (handled_by IN ('center', 'organization')),
  handling_reasons jsonb NOT NULL DEFAULT '[]',
  organization_id uuid REFERENCES mediation_organization(id),
  referral_state text CHECK (referral_state IN ('pending', 'accepted', 'returned')),
  referral_note text,
  mediator_user_id uuid REFERENCES app_user(id),
  mediator_name text,
  mediator_contact text,
  reply_deadline date,
  proposal_document_id uuid,
  agreement_document_id uuid,
  agreement_signed_at timestamptz,
  performance_date date,
  -- Where the claims not settled went (arbitration case opened pre-filled from the same claims).
  arbitration_case_id uuid REFERENCES track_case(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (handled_by = 'center' OR organization_id IS NOT NULL)
);
CREATE INDEX mediation_case_matter_idx ON mediation_case (matter_id);
CREATE INDEX mediation_case_org_idx ON mediation_case (organization_id) WHERE referral_state = 'pending';

-- The proposed settlement per claim item (调解建议书) and each side's reply, item by item.
CREATE TABLE mediation_proposal_item (
  case_id uuid NOT NULL REFERENCES mediation_case(case_id),
  claim_id uuid NOT NULL REFERENCES matter_claim(id),
  proposed_fen bigint NOT NULL CHECK (proposed_fen >= 0),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  -- Optional calculator result (formula and legal basis shown on the proposal).
  formula text,
  basis text,
  calculation jsonb,
  worker_reply text NOT NULL DEFAULT 'pending' CHECK (worker_reply IN ('pending', 'accepted', 'rejected')),
  worker_replied_at timestamptz,
  employer_reply text NOT NULL DEFAULT 'pending' CHECK (employer_reply IN ('pending', 'accepted', 'rejected')),
  employer_replied_at timestamptz,
  reply_notes jsonb NOT NULL DEFAULT '[]',
  sort integer NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, claim_id)
);

-- Sessions: joint mediation (人社 + 工会 + 法院) with room, time, participants and the record (笔录).
CREATE TABLE mediation_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES mediation_case(case_id),
  starts_at timestamptz NOT NULL,
  room text NOT NULL CHECK (length(room) BETWEEN 1 AND 200),
  joint boolean NOT NULL DEFAULT false,
  mediators jsonb NOT NULL DEFAULT '[]',
  participants jsonb NOT NULL DEFAULT '[]',
  record text,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'no_show')),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mediation_session_case_idx ON mediation_session (case_id, starts_at);

-- After an agreement: 仲裁审查 (R-12, 办案规则第七十四条), 司法确认 (民事诉讼法第二百零五条) and, when not
-- performed, the 支付令 court docking (R-11, 调解仲裁法第十六条), with their results.
CREATE TABLE mediation_followup (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES mediation_case(case_id),
  kind text NOT NULL CHECK (kind IN ('arbitral_review', 'judicial_confirmation', 'payment_order')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 200),
  claim_ids uuid[] NOT NULL DEFAULT '{}',
  filed_on date NOT NULL,
  result text NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'granted', 'refused')),
  result_on date,
  note text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX mediation_followup_case_idx ON mediation_followup (case_id, created_at);

-- The listed organisations are maintained by administrators; the demo seed (seed/demo.ts) adds
-- example ones to demo databases only.

-- "Small and simple" criteria and local figures as data with their basis (administrators update them).
INSERT INTO setting (key, value, label, basis) VALUES
  ('mediation.simple.max_total_fen', '5000000', '中心就地调解：争议总额上限（分）',
   '随人社函〔2023〕36号 五(一)3：辖区内争议额度小、案情简单的争议由一站式中心调解（额度为本中心规定）'),
  ('mediation.simple.require_undisputed_facts', 'true', '中心就地调解：须事实无争议',
   '随人社函〔2023〕36号 五(一)3（案情简单）'),
  ('mediation.simple.max_employers', '1', '中心就地调解：用人单位数量上限',
   '随人社函〔2023〕36号 五(一)3（案情简单：一个用人单位）'),
  ('mediation.proposal.reply_days', '5', '调解建议书答复期限（日）',
   '劳动人事争议仲裁文书示范文本（调解建议书：答复期限由仲裁委员会确定）'),
  ('calc.local_average_monthly_wage_fen', '680000', '本地区上年度职工月平均工资（分）',
   '《劳动合同法》第四十七条第二款；随州市统计部门公布数（示例数，管理员须按当年公布数更新）'),
  ('calc.monthly_pay_days', '21.75', '月计薪天数', '《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）'),
  ('calc.minimum_wage', '[{"code":"421303","area":"曾都区","monthlyFen":195000,"hourlyFen":1950},{"code":"421381","area":"广水市","monthlyFen":195000,"hourlyFen":1950},{"code":"421321","area":"随县","monthlyFen":180000,"hourlyFen":1800}]',
   '最低工资标准（按地区）',
   '《最低工资规定》第六条、第十条；湖北省人民政府关于调整全省最低工资标准的通知（示例数，管理员须按现行文件核对）')
ON CONFLICT (key) DO NOTHING;
