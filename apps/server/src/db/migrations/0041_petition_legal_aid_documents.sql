-- 文号 patterns of the documents the petition and legal-aid flows issue (issue #13): 不予受理告知书,
-- 转送告知书, 延期办理告知书, 复查意见书, 复核意见书 (《信访工作条例》第三十条至第三十六条) and the
-- 给予/不予法律援助决定书 (《法律援助法》第四十三条). A fresh database gets them from DEFAULT_PATTERNS
-- (documents.numbering.ts); an installation whose patterns were seeded before gets them here.
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, v.type, v.pattern, b.basis
FROM (VALUES
  ('随州市信访局（维权中心信访窗口）', 'petition_rejection_notice', '随信不受字〔{year}〕第{seq}号'),
  ('随州市信访局（维权中心信访窗口）', 'petition_forward_notice', '随信转字〔{year}〕第{seq}号'),
  ('随州市信访局（维权中心信访窗口）', 'petition_extension_notice', '随信延字〔{year}〕第{seq}号'),
  ('随州市信访局（维权中心信访窗口）', 'petition_review_opinion', '随信复查字〔{year}〕第{seq}号'),
  ('随州市信访局（维权中心信访窗口）', 'petition_re_review_opinion', '随信复核字〔{year}〕第{seq}号'),
  ('随州市司法局法律援助中心', 'legal_aid_grant', '随法援决字〔{year}〕第{seq}号'),
  ('随州市司法局法律援助中心', 'legal_aid_refusal', '随法援不字〔{year}〕第{seq}号')
) AS v(org, type, pattern)
CROSS JOIN LATERAL (SELECT CASE WHEN v.org LIKE '%法律援助%'
  THEN '《法律援助法》第四十三条：法律援助机构应当书面告知申请人给予或者不予法律援助的决定；文书按机构代字、年份和序号编号'
  ELSE '《信访工作条例》第三十一条至第三十六条：受理、不予受理、转送、延期告知和处理、复查、复核意见应当书面出具并编号存档'
  END AS basis) b
JOIN organization o ON o.name = v.org
WHERE EXISTS (SELECT 1 FROM document_number_pattern p)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
