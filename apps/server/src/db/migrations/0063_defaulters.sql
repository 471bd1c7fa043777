-- The defaulter list procedure (拖欠农民工工资失信联合惩戒对象名单, issue #21 point 4): one listing per
-- employer and inspection case, its state, and every step with the document it issued. Grounds,
-- periods and clocks are data in packages/domain/src/defaulters.
CREATE TABLE defaulter_listing (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  employer_party_id uuid NOT NULL REFERENCES party(id),
  case_id uuid NOT NULL REFERENCES track_case(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  organization_id uuid NOT NULL REFERENCES organization(id),
  ground text NOT NULL CHECK (ground IN ('criminal_threshold', 'serious_incident')),
  facts text NOT NULL,
  owed_fen bigint NOT NULL CHECK (owed_fen >= 0),
  responsible_persons text NOT NULL DEFAULT '',
  state text NOT NULL CHECK (state IN ('proposed', 'statement_received', 'decided_not_listed', 'listed',
    'published', 'removal_requested', 'removed', 'expired')),
  decided_on date,
  published_on date,
  ends_on date,
  removed_on date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open procedure per employer and case.
CREATE UNIQUE INDEX defaulter_listing_open_idx ON defaulter_listing (employer_party_id, case_id)
  WHERE state NOT IN ('decided_not_listed', 'removed', 'expired');
CREATE INDEX defaulter_listing_public_idx ON defaulter_listing (state, published_on);

CREATE TABLE defaulter_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL REFERENCES defaulter_listing(id),
  step text NOT NULL,
  state_after text NOT NULL,
  note text NOT NULL DEFAULT '',
  document_id uuid REFERENCES document(id),
  actor_id uuid REFERENCES app_user(id),
  actor_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX defaulter_step_listing_idx ON defaulter_step (listing_id, at);

-- 文号 patterns of the procedure's documents, issued by the labour inspection body. A fresh database
-- gets them from DEFAULT_PATTERNS (documents.numbering.ts); a seeded installation here.
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, v.type, v.pattern,
       '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》：列入、移出应当书面告知、作出决定；文书按机构代字、年份和序号编号'
FROM (VALUES
  ('defaulter_notice', '随人社监失告字〔{year}〕第{seq}号'),
  ('defaulter_statement_record', '随人社监失辩字〔{year}〕第{seq}号'),
  ('defaulter_listing_decision', '随人社监失决字〔{year}〕第{seq}号'),
  ('defaulter_publication', '随人社监失公字〔{year}〕第{seq}号'),
  ('defaulter_removal_receipt', '随人社监失申字〔{year}〕第{seq}号'),
  ('defaulter_removal_decision', '随人社监失移字〔{year}〕第{seq}号')
) AS v(type, pattern)
JOIN organization o ON o.name = '随州市劳动保障监察支队'
WHERE EXISTS (SELECT 1 FROM document_number_pattern p)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
