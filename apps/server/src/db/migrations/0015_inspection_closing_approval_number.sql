-- 结案审批表 of labor inspection (RULES.md W-06 CLOSED): its own 文号 pattern for the inspection issuer.
-- A fresh database gets it from DEFAULT_PATTERNS (documents.numbering.ts) when the patterns are seeded;
-- here only issuers whose patterns were already seeded get the row, so an empty table stays empty for
-- the seed.
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id,
  'inspection_closing_approval',
  '随人社监结字〔{year}〕第{seq}号',
  '《劳动保障监察条例》《关于实施〈劳动保障监察条例〉若干规定》：监察文书按机关代字、年份和序号编号'
FROM organization o
WHERE o.name = '随州市劳动保障监察支队'
  AND EXISTS (SELECT 1 FROM document_number_pattern p WHERE p.issuer_org_id = o.id)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
