-- Training and accreditation (issue #19 item 6): courses for the center's staff, part-time inspectors
-- and arbitrators and the mediators of listed organisations; attendance with the course assessment;
-- the yearly minimum hours per group as data with its basis (admin-editable; defaults in packages/domain
-- training/requirements.ts); certificate renewals (the certificate table of 0001 keeps the validity,
-- this keeps each renewal with the hours it was granted on). Every change appends a training_event row
-- (who, when, what) besides the audit.

CREATE TABLE training_requirement (
  audience text PRIMARY KEY
    CHECK (audience IN ('staff', 'part_time_inspector', 'part_time_arbitrator', 'org_mediator')),
  min_hours integer NOT NULL CHECK (min_hours BETWEEN 0 AND 500),
  basis text NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
  version integer NOT NULL DEFAULT 1
);
INSERT INTO training_requirement (audience, min_hours, basis) VALUES
  ('staff', 24, '本局工作人员年度业务培训规定：每年不少于24学时（无全国统一学时标准，本局可修改）'),
  ('part_time_inspector', 16, '本局兼职劳动保障监察员继续教育规定：每年不少于16学时，未完成的不予换发监察员证（无全国统一学时标准，本局可修改）；监察员资格见《劳动保障监察条例》'),
  ('part_time_arbitrator', 16, '《劳动争议调解仲裁法》第二十条（仲裁员条件）；本局兼职仲裁员继续教育规定：每年不少于16学时，未完成的不予换发仲裁员证（无全国统一学时标准，本局可修改）'),
  ('org_mediator', 12, '《劳动争议调解仲裁法》第十一条（调解员应具有一定法律知识、政策水平）；本局调解员培训规定：每年不少于12学时（无全国统一学时标准，本局可修改）');

CREATE TABLE training_course (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
  hours integer NOT NULL CHECK (hours BETWEEN 1 AND 200),
  trainer text NOT NULL CHECK (length(trainer) BETWEEN 1 AND 100),
  held_on date NOT NULL,
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  audiences text[] NOT NULL CHECK (cardinality(audiences) >= 1),
  -- null: no assessment (attendance alone earns the hours); otherwise the score that passes.
  pass_mark integer CHECK (pass_mark BETWEEN 0 AND 100),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_course_held_idx ON training_course (held_on);

-- A person is a staff user or a member of a listed organisation (mediators may have no sign-in).
CREATE TABLE training_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  course_id uuid NOT NULL REFERENCES training_course(id),
  user_id uuid REFERENCES app_user(id),
  member_id uuid REFERENCES prevention_org_member(id),
  person_name text NOT NULL,
  score integer CHECK (score BETWEEN 0 AND 100),
  passed boolean,
  version integer NOT NULL DEFAULT 1,
  recorded_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((user_id IS NULL) <> (member_id IS NULL)),
  CHECK (passed IS NULL OR score IS NOT NULL),
  UNIQUE (course_id, user_id),
  UNIQUE (course_id, member_id)
);
CREATE INDEX training_attendance_user_idx ON training_attendance (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX training_attendance_member_idx ON training_attendance (member_id) WHERE member_id IS NOT NULL;

CREATE TABLE certificate_renewal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  certificate_id uuid NOT NULL REFERENCES certificate(id),
  previous_valid_to date NOT NULL,
  new_valid_to date NOT NULL CHECK (new_valid_to > previous_valid_to),
  training_year integer NOT NULL,
  hours_done integer NOT NULL,
  hours_required integer NOT NULL,
  renewed_by uuid REFERENCES app_user(id),
  renewed_by_name text NOT NULL,
  renewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certificate_renewal_cert_idx ON certificate_renewal (certificate_id, renewed_at);

-- The module's timeline (training and 金牌 selection), one row per state change.
CREATE TABLE training_event (
  id bigserial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  action text NOT NULL,
  summary text NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_event_entity_idx ON training_event (entity_type, entity_id, id);
