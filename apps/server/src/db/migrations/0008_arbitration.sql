-- Arbitration (仲裁): the application as filed (办案规则第二十九条), its preliminary review, the
-- tribunal, hearing rooms and hearings, case records (evidence, hearing transcripts, postponements,
-- advance execution …), awards with per-item finality, the window's day close (当日受理) and the
-- satisfaction-rating requests. The case itself is a track_case of track 'arbitration' (0006).

-- One application per arbitration case. Party details are not copied: they are read from the matter's
-- parties (personal data stays encrypted in `party`); the claims are a snapshot (amounts in fen).
CREATE TABLE arbitration_application (
  case_id uuid PRIMARY KEY REFERENCES track_case(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  -- Claims as filed: [{claimId, type, label, amountFen, periodFrom, periodTo, facts}]
  claims jsonb NOT NULL DEFAULT '[]'::jsonb,
  facts text NOT NULL DEFAULT '',
  -- Evidence list with the source of each item; witnesses with addresses (调解仲裁法第二十八条).
  evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  witnesses jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Materials received at the window (收件回执 list): [{title, form, pages, copies}]
  materials jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Copies of the application handed in (one per respondent, 调解仲裁法第二十八条第一款).
  copies_submitted integer NOT NULL DEFAULT 0 CHECK (copies_submitted >= 0),
  applicant_signed boolean NOT NULL DEFAULT false,
  -- Jurisdiction facts (R-06; 调解仲裁法第二十一条).
  performance_place text,
  employer_domicile text,
  within_jurisdiction boolean,
  -- Collective variant: representatives (3–5, 办案规则第六十二条起).
  representatives jsonb NOT NULL DEFAULT '[]'::jsonb,
  simplified boolean NOT NULL DEFAULT false,
  simplified_grounds text[] NOT NULL DEFAULT '{}',
  -- Same-day acceptance category (center policy): wage_arrears / work_injury / major_collective.
  same_day_category text CHECK (same_day_category IN ('wage_arrears', 'work_injury', 'major_collective')),
  -- The receipt date (reset by a correction, 办案规则第四十六条第（二）项).
  received_at timestamptz NOT NULL DEFAULT now(),
  -- Last preliminary review (初审) as data: [{code, label, status, message, basis}]
  checklist jsonb NOT NULL DEFAULT '[]'::jsonb,
  missing_items text[] NOT NULL DEFAULT '{}',
  correction_deadline date,
  rejection_reason text,
  competent_commission text,
  redirect_explanation text,
  outcome text,
  outcome_amount_fen bigint,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX arbitration_application_matter_idx ON arbitration_application (matter_id);

-- The tribunal (仲裁庭): one arbitrator (独任) or three with a presiding arbitrator (调解仲裁法第三十一条).
CREATE TABLE tribunal_member (
  case_id uuid NOT NULL REFERENCES track_case(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  role text NOT NULL CHECK (role IN ('sole', 'presiding', 'member', 'clerk')),
  appointed_at timestamptz NOT NULL DEFAULT now(),
  appointed_by uuid REFERENCES app_user(id),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX tribunal_member_user_idx ON tribunal_member (user_id);

CREATE TABLE hearing_room (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  location text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  UNIQUE (jurisdiction_id, name)
);

-- Hearings on the room calendar. Double booking of a room or an arbitrator is refused in a checked
-- transaction (advisory locks per room and per arbitrator, then an overlap query).
CREATE TABLE hearing (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  room_id uuid NOT NULL REFERENCES hearing_room(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'held', 'postponed', 'cancelled')),
  -- The arbitrators sitting (copied from the tribunal when scheduled): the arbitrator double-booking check.
  arbitrator_ids uuid[] NOT NULL DEFAULT '{}',
  notice_document_ids uuid[] NOT NULL DEFAULT '{}',
  postponed_reason text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_at > starts_at)
);
CREATE INDEX hearing_room_time_idx ON hearing (room_id, starts_at) WHERE state = 'scheduled';
CREATE INDEX hearing_case_idx ON hearing (case_id, starts_at);
CREATE INDEX hearing_time_idx ON hearing (starts_at) WHERE state = 'scheduled';

-- Case records: evidence, hearing transcripts, defence, postponement requests, suspension grounds,
-- withdrawal, default, advance execution (先予执行) requests, restart events.
CREATE TABLE arbitration_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  kind text NOT NULL CHECK (kind IN (
    'evidence', 'hearing_record', 'defence', 'mediation_attempt', 'postponement_request', 'suspension',
    'resumption', 'extension', 'withdrawal', 'default', 'advance_execution', 'restart', 'note')),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  content jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid REFERENCES app_user(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX arbitration_record_case_idx ON arbitration_record (case_id, created_at);

-- Awards: items with the per-item final / non-final determination (调解仲裁法第四十七条; 最高法解释（一）
-- 第十九条); one document per kind when both exist (办案规则第五十条第二款).
CREATE TABLE arbitration_award (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  items jsonb NOT NULL,
  minimum_wage_fen bigint NOT NULL,
  final_document_id uuid,
  non_final_document_id uuid,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX arbitration_award_case_idx ON arbitration_award (case_id);

-- The window's day close: refused while a same-day case (欠薪、工伤、重大集体争议) is still pending.
CREATE TABLE arbitration_day_close (
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  day date NOT NULL,
  closed_by uuid REFERENCES app_user(id),
  closed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction_id, day)
);

-- Satisfaction rating (满意度评价) requested from the worker at closure; the portal answers it later.
CREATE TABLE satisfaction_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  party_id uuid NOT NULL REFERENCES party(id),
  token text NOT NULL UNIQUE,
  message text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'answered', 'expired')),
  rating integer CHECK (rating BETWEEN 1 AND 5),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  UNIQUE (case_id, party_id)
);

-- Hearing rooms are seeded at start-up for the city commission (modules/arbitration: seedRooms), as the
-- jurisdictions are reference data loaded after the migrations.

INSERT INTO setting (key, value, label, basis) VALUES
  ('arbitration.monthly_minimum_wage_fen', '200000', '当地月最低工资标准（分，终局裁决界限 = 12 倍）',
   '《劳动争议调解仲裁法》第四十七条第（一）项；湖北省人民政府公布的月最低工资标准（管理员按随州市所属档次维护，上线前核对）'),
  ('arbitration.simplified_amount_cap_fen', '10000000', '简易处理金额上限（分，省上年度职工年平均工资）',
   '《劳动人事争议仲裁办案规则》第五十六条第（二）项；湖北省统计局公布的上年度职工年平均工资（管理员每年维护）'),
  ('arbitration.correction_days', '5', '补正期限（日，自通知之日起）', '《劳动人事争议仲裁办案规则》第二十九条第四款（地方做法）'),
  ('arbitration.evidence_days', '15', '举证期限（日，自受理之日起）', '《劳动人事争议仲裁办案规则》第十五条（举证期限，地方做法）'),
  ('arbitration.major_collective_min_workers', '30', '重大集体争议人数（达到即当日受理）', '中心服务承诺（重大集体争议当日受理）；《劳动争议调解仲裁法》第七条')
ON CONFLICT (key) DO NOTHING;
