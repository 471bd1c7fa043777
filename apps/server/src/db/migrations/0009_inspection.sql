-- Labor inspection (劳动保障监察, RULES.md W-06) and labor-relations supervision (劳动关系行政监管, W-10).
-- An inspection case is a track_case (track 'inspection', driven by the domain's inspectionMachine);
-- these tables hold what only inspection needs: the source, the reporter (kept apart: S3 Art. 9 ¶3),
-- the handling inspectors, records, document requests, outcomes, campaigns; and the supervision
-- filings with the minimum-wage and penalty tables as data.

CREATE TABLE inspection_campaign (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 2000),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_on <= ends_on)
);

CREATE TABLE inspection_case (
  case_id uuid PRIMARY KEY REFERENCES track_case(id),
  -- complaint: own rights (S3 Art. 9 ¶2); report: anyone (¶1); ex_officio: 日常巡视检查 (S3 Art. 14);
  -- campaign: 专项检查; supervision: opened from a labor-relations supervision finding.
  source text NOT NULL CHECK (source IN ('complaint', 'report', 'ex_officio', 'campaign', 'supervision')),
  employer_party_id uuid REFERENCES party(id),
  violation_ended_on date,
  received_on date NOT NULL,
  campaign_id uuid REFERENCES inspection_campaign(id),
  supervision_filing_id uuid,
  -- The acceptance decision (S4 Art. 18): accepted | time_barred | dispute_procedure | jurisdiction | not_inspection.
  decision text CHECK (decision IN ('accepted', 'time_barred', 'dispute_procedure', 'jurisdiction', 'not_inspection')),
  decision_reason text,
  referral_to text,
  decided_at timestamptz,
  decided_by uuid REFERENCES app_user(id),
  filed_on date,
  extended boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX inspection_case_employer_idx ON inspection_case (employer_party_id);
CREATE INDEX inspection_case_campaign_idx ON inspection_case (campaign_id);

-- The reporter of a report: encrypted, never a party of the matter, readable only by the case's
-- handling inspectors (《劳动保障监察条例》第九条第三款；RULES.md P-05).
CREATE TABLE inspection_reporter (
  case_id uuid PRIMARY KEY REFERENCES track_case(id),
  anonymous boolean NOT NULL,
  name_enc text,
  phone_enc text,
  id_number_enc text,
  address_enc text,
  reward_requested boolean NOT NULL DEFAULT false,
  CHECK (anonymous OR name_enc IS NOT NULL)
);

-- Handling inspectors (≥2 for investigation: S3 Art. 16). removed_at set: no longer handling.
CREATE TABLE inspection_inspector (
  case_id uuid NOT NULL REFERENCES track_case(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  lead boolean NOT NULL DEFAULT false,
  certificate_number text NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by uuid REFERENCES app_user(id),
  removed_at timestamptz,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX inspection_inspector_user_idx ON inspection_inspector (user_id) WHERE removed_at IS NULL;

-- Investigation records: on-site inspection (现场检查笔录), inquiry (询问笔录), evidence, tasks.
CREATE TABLE inspection_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  kind text NOT NULL CHECK (kind IN ('onsite', 'inquiry', 'evidence', 'task')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  content text NOT NULL DEFAULT '',
  occurred_on date,
  place text,
  interviewee text,
  inspector_ids uuid[] NOT NULL DEFAULT '{}',
  due_date date,
  done_at timestamptz,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind NOT IN ('onsite', 'inquiry') OR cardinality(inspector_ids) >= 2)
);
CREATE INDEX inspection_record_case_idx ON inspection_record (case_id, created_at);

-- Requests to the employer for documents (调查询问书, S3 Art. 15(3)), with a deadline.
CREATE TABLE inspection_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  materials text[] NOT NULL CHECK (cardinality(materials) >= 1),
  deadline date NOT NULL,
  issued_on date NOT NULL,
  received_on date,
  note text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_request_case_idx ON inspection_request (case_id, created_at);

-- Outcomes (S3 Arts. 18, 26; S14 Arts. 44, 63–64): orders, compensation, penalties, withdrawal,
-- end of investigation, referrals, the result told to the complainant.
CREATE TABLE inspection_outcome (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  kind text NOT NULL CHECK (kind IN ('order', 'compensation', 'penalty', 'withdrawal', 'investigation_end',
    'dispute_referral', 'police_referral', 'transfer', 'result_notice')),
  summary text NOT NULL,
  deadline date,
  amount_fen bigint CHECK (amount_fen IS NULL OR amount_fen >= 0),
  rate_percent integer CHECK (rate_percent IS NULL OR rate_percent BETWEEN 50 AND 100),
  worker_count integer,
  penalty_rule text,
  fine_fen bigint CHECK (fine_fen IS NULL OR fine_fen >= 0),
  hearing_deadline date,
  hearing_requested boolean,
  complied boolean,
  checked_on date,
  document_id uuid,
  details jsonb,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_outcome_case_idx ON inspection_outcome (case_id, created_at);

CREATE TABLE inspection_campaign_employer (
  campaign_id uuid NOT NULL REFERENCES inspection_campaign(id),
  employer_party_id uuid NOT NULL REFERENCES party(id),
  case_id uuid REFERENCES track_case(id),
  PRIMARY KEY (campaign_id, employer_party_id)
);

-- Penalty ranges as data (amounts in fen), per affected worker or per case, with their basis.
CREATE TABLE penalty_rule (
  code text PRIMARY KEY,
  label text NOT NULL,
  per text NOT NULL CHECK (per IN ('worker', 'case')),
  min_fen bigint NOT NULL,
  max_fen bigint NOT NULL,
  basis text NOT NULL,
  CHECK (min_fen <= max_fen)
);
INSERT INTO penalty_rule (code, label, per, min_fen, max_fen, basis) VALUES
  ('illegal_overtime', '违法延长工作时间', 'worker', 10000, 50000, '《劳动保障监察条例》第二十五条：按受侵害的劳动者每人100元以上500元以下'),
  ('female_minor_protection', '违反女职工、未成年工特殊劳动保护规定', 'worker', 100000, 500000, '《劳动保障监察条例》第二十三条：按受侵害的劳动者每人1000元以上5000元以下'),
  ('obstruction', '无理抗拒、阻挠监察或逾期不改正', 'case', 200000, 2000000, '《劳动保障监察条例》第三十条：2000元以上2万元以下'),
  ('dispatch_violation', '违反劳务派遣规定，逾期不改正', 'worker', 500000, 1000000, '《劳动合同法》第九十二条第二款：每人5000元以上1万元以下'),
  ('no_written_contract_roster', '未按规定建立职工名册等', 'case', 200000, 2000000, '《劳动合同法实施条例》第三十三条：2000元以上2万元以下')
ON CONFLICT (code) DO NOTHING;

-- Minimum wage by area and tier, with effective dates (S18 Art. 48: set by the province).
CREATE TABLE minimum_wage (
  area_code text NOT NULL,
  tier integer NOT NULL CHECK (tier BETWEEN 1 AND 4),
  monthly_fen bigint NOT NULL CHECK (monthly_fen > 0),
  hourly_fen bigint NOT NULL CHECK (hourly_fen > 0),
  effective_from date NOT NULL,
  basis text NOT NULL,
  PRIMARY KEY (area_code, effective_from)
);
-- Hubei's tiers as seeded demo data [U]: verify the figures and each county's tier against the
-- provincial government's current notice before go-live (administrators maintain this table).
INSERT INTO minimum_wage (area_code, tier, monthly_fen, hourly_fen, effective_from, basis) VALUES
  ('421300', 3, 165000, 1650, '2021-09-01', '湖北省人民政府关于调整全省最低工资标准的通知（2021年，三类地区）[U 待核]'),
  ('421303', 3, 165000, 1650, '2021-09-01', '湖北省人民政府关于调整全省最低工资标准的通知（2021年，三类地区）[U 待核]'),
  ('421321', 3, 165000, 1650, '2021-09-01', '湖北省人民政府关于调整全省最低工资标准的通知（2021年，三类地区）[U 待核]'),
  ('421381', 3, 165000, 1650, '2021-09-01', '湖北省人民政府关于调整全省最低工资标准的通知（2021年，三类地区）[U 待核]'),
  ('421300', 3, 180000, 1800, '2024-12-01', '湖北省人民政府关于调整全省最低工资标准的通知（2024年，三类地区）[U 待核]'),
  ('421303', 3, 180000, 1800, '2024-12-01', '湖北省人民政府关于调整全省最低工资标准的通知（2024年，三类地区）[U 待核]'),
  ('421321', 3, 180000, 1800, '2024-12-01', '湖北省人民政府关于调整全省最低工资标准的通知（2024年，三类地区）[U 待核]'),
  ('421381', 3, 180000, 1800, '2024-12-01', '湖北省人民政府关于调整全省最低工资标准的通知（2024年，三类地区）[U 待核]')
ON CONFLICT DO NOTHING;

-- Labor-relations supervision filings (劳动关系科): layoff plans, dispatch, special working hours,
-- restructuring and bankruptcy placement plans. `flags` are the checks computed on filing.
CREATE TABLE supervision_filing (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('layoff', 'dispatch', 'special_hours', 'restructuring', 'bankruptcy')),
  employer_party_id uuid NOT NULL REFERENCES party(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  data jsonb NOT NULL,
  flags jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'flagged', 'approved', 'rejected', 'case_opened')),
  case_id uuid REFERENCES track_case(id),
  note text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX supervision_filing_employer_idx ON supervision_filing (employer_party_id, created_at DESC);
CREATE INDEX supervision_filing_jurisdiction_idx ON supervision_filing (jurisdiction_id, created_at DESC);

INSERT INTO setting (key, value, label, basis) VALUES
  ('inspection.police_referral.single_worker_min_fen', '500000', '拒不支付劳动报酬移送：单个劳动者数额较大起点（分）',
   '《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》第三条：五千元至二万元以上，省级确定 [L]'),
  ('inspection.police_referral.single_worker_min_months', '3', '拒不支付劳动报酬移送：单个劳动者拖欠月数起点',
   '同上第三条第（一）项：三个月以上'),
  ('inspection.police_referral.group_min_workers', '10', '拒不支付劳动报酬移送：劳动者人数起点', '同上第三条第（二）项：十名以上'),
  ('inspection.police_referral.group_min_fen', '3000000', '拒不支付劳动报酬移送：十名以上劳动者累计数额起点（分）',
   '同上第三条第（二）项：三万元至十万元以上，省级确定 [L]')
ON CONFLICT (key) DO NOTHING;
