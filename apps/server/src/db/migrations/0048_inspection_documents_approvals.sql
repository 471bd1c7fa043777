-- Issue #13, inspection: the documents the investigation steps issue (询问通知书, 询问笔录, 现场检查笔录,
-- 延长办案期限审批表, 撤销立案审批表, 加付赔偿金决定书, 案件移送书, 听证笔录) and approvals made by the
-- approver's own action.
--
-- 1. 文号 patterns. A fresh database gets them from DEFAULT_PATTERNS (documents.numbering.ts); an
--    installation whose patterns were seeded before gets them here.
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, v.type, v.pattern,
  '《劳动保障监察条例》《关于实施〈劳动保障监察条例〉若干规定》：监察文书按机关代字、年份和序号编号'
FROM (VALUES
  ('inquiry_notice', '随人社监询字〔{year}〕第{seq}号'),
  ('inquiry_record', '随人社监询录字〔{year}〕第{seq}号'),
  ('onsite_record', '随人社监检录字〔{year}〕第{seq}号'),
  ('inspection_extension_approval', '随人社监延字〔{year}〕第{seq}号'),
  ('inspection_revocation_approval', '随人社监撤批字〔{year}〕第{seq}号'),
  ('compensation_order', '随人社监赔字〔{year}〕第{seq}号'),
  ('case_transfer_letter', '随人社监移字〔{year}〕第{seq}号'),
  ('penalty_hearing_record', '随人社监听录字〔{year}〕第{seq}号')
) AS v(type, pattern)
JOIN organization o ON o.name = '随州市劳动保障监察支队'
WHERE EXISTS (SELECT 1 FROM document_number_pattern p)
ON CONFLICT (issuer_org_id, type) DO NOTHING;

-- 2. The document a record (笔录) or a request (询问通知书) issued.
ALTER TABLE inspection_record ADD COLUMN document_id uuid REFERENCES document(id);
ALTER TABLE inspection_request ADD COLUMN document_id uuid REFERENCES document(id);
ALTER TABLE inspection_request ADD COLUMN attend_time text;
ALTER TABLE inspection_request ADD COLUMN place text;

-- 3. Approvals (审批): a handling inspector asks, the user holding the approving post approves or
--    refuses by his or her own action; the form prints that user's name and the date of the action.
--    Generic columns (subject, kind, request payload) so other tracks can share the shape later.
CREATE TABLE inspection_approval (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  kind text NOT NULL CHECK (kind IN ('extension', 'revocation', 'closing')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  approver_role text NOT NULL,
  request jsonb NOT NULL,
  requested_by uuid NOT NULL REFERENCES app_user(id),
  requested_on date NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES app_user(id),
  decided_on date,
  decided_at timestamptz,
  opinion text,
  document_id uuid REFERENCES document(id),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX inspection_approval_one_pending ON inspection_approval (case_id, kind) WHERE state = 'pending';
CREATE INDEX inspection_approval_state ON inspection_approval (state, case_id);
