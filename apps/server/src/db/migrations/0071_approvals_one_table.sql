-- Issue #13: one storage for every approval (审批). The inspection approvals (延长办案期限, 撤销立案,
-- 结案; migration 0048, table inspection_approval) move into approval_request (migration 0046), which
-- the arbitration 立案审批 and 结案审批 already use: one table, one service (cases/approvals.ts), one
-- 工作台 list "待我审批". The inspection 立案审批 (立案审批表, 《劳动保障监察条例》第十四条第二款;
-- 《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款) is a new kind of the same table.
--
-- 1. The business dates of the request and of the approving action (the 审批表 prints them; a test
--    clock or a late-evening action must not shift them through a UTC timestamp).
ALTER TABLE approval_request ADD COLUMN requested_on date;
ALTER TABLE approval_request ADD COLUMN decided_on date;
UPDATE approval_request
SET requested_on = COALESCE(
      CASE WHEN payload->>'requestedDate' ~ '^\d{4}-\d{2}-\d{2}$' THEN (payload->>'requestedDate')::date END,
      (requested_at AT TIME ZONE 'UTC' + interval '480 minutes')::date),
    decided_on = CASE WHEN decided_at IS NULL THEN NULL
                      ELSE (decided_at AT TIME ZONE 'UTC' + interval '480 minutes')::date END;
ALTER TABLE approval_request ALTER COLUMN requested_on SET NOT NULL;

-- 2. The inspection approvals, with their ids, requests, decisions, opinions and forms (history kept).
--    Kinds become the approval-form kinds of packages/domain approvals.ts (extension →
--    inspection_extension …).
INSERT INTO approval_request (
  id, kind, subject_type, subject_id, subject_label, jurisdiction_id, approver_role, summary, payload,
  state, requested_by, requested_by_name, requested_at, requested_on, decided_by, decided_by_name,
  decided_at, decided_on, decision_comment, document_id, version)
SELECT a.id,
       'inspection_' || a.kind,
       'case',
       a.case_id,
       c.number || COALESCE(' ' || p.name, ''),
       c.jurisdiction_id,
       a.approver_role,
       COALESCE(NULLIF(a.request->>'reason', ''), NULLIF(a.request->>'resultText', ''),
         CASE a.kind WHEN 'extension' THEN '延长办案期限' WHEN 'revocation' THEN '撤销立案' ELSE '结案' END),
       a.request,
       a.state,
       a.requested_by,
       r.display_name,
       a.requested_at,
       a.requested_on,
       a.decided_by,
       d.display_name,
       a.decided_at,
       a.decided_on,
       a.opinion,
       a.document_id,
       a.version
FROM inspection_approval a
JOIN track_case c ON c.id = a.case_id
JOIN app_user r ON r.id = a.requested_by
LEFT JOIN app_user d ON d.id = a.decided_by
LEFT JOIN inspection_case ic ON ic.case_id = a.case_id
LEFT JOIN party p ON p.id = ic.employer_party_id;

DROP TABLE inspection_approval;

CREATE INDEX approval_request_subject_idx ON approval_request (subject_id, requested_at);

-- 3. The 立案审批表's 文号 for installations whose patterns were seeded before (a fresh database gets
--    it from DEFAULT_PATTERNS in documents.numbering.ts).
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, 'inspection_filing_approval', '随人社监立批字〔{year}〕第{seq}号',
  '《劳动保障监察条例》《关于实施〈劳动保障监察条例〉若干规定》：监察文书按机关代字、年份和序号编号'
FROM organization o
WHERE o.name = '随州市劳动保障监察支队'
  AND EXISTS (SELECT 1 FROM document_number_pattern p)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
