-- The defaulter list procedure's negative outcomes and its end (issue #21 point 4): the 不予列入决定书,
-- the 不予提前移出决定书 and the 期满移出通知书 get their own 文号 series of the labour inspection body.
-- A fresh database gets them from DEFAULT_PATTERNS (documents.numbering.ts); a seeded installation here.
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, v.type, v.pattern,
       '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》：列入、移出应当书面告知、作出决定；文书按机构代字、年份和序号编号'
FROM (VALUES
  ('defaulter_not_listed_decision', '随人社监失不字〔{year}〕第{seq}号'),
  ('defaulter_removal_refusal', '随人社监失驳字〔{year}〕第{seq}号'),
  ('defaulter_expiry_notice', '随人社监失满字〔{year}〕第{seq}号')
) AS v(type, pattern)
JOIN organization o ON o.name = '随州市劳动保障监察支队'
WHERE EXISTS (SELECT 1 FROM document_number_pattern p)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
