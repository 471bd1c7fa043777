-- 文号 patterns of the arbitration decision documents added with 0016 (中止审理决定书, 恢复审理通知书,
-- 延长审理期限通知书, 准予撤回仲裁申请决定书, 集体争议一次性告知书, 简易处理通知书). A fresh database gets
-- them from DEFAULT_PATTERNS (documents.numbering.ts) when the patterns are seeded; an installation whose
-- patterns were seeded before gets them here (as 0015 does for inspection), so these documents do not
-- fall back to the commission's general 随劳人仲文字 number.
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, v.type, v.pattern,
  '《劳动人事争议仲裁办案规则》及人社部仲裁文书示范文本：文书编号由仲裁委员会简称、文书代字、年份和序号组成'
FROM organization o
CROSS JOIN (VALUES
  ('suspension_decision', '随劳人仲中字〔{year}〕第{seq}号'),
  ('resumption_notice', '随劳人仲恢字〔{year}〕第{seq}号'),
  ('extension_notice', '随劳人仲延字〔{year}〕第{seq}号'),
  ('withdrawal_decision', '随劳人仲撤字〔{year}〕第{seq}号'),
  ('deemed_withdrawal_decision', '随劳人仲按撤字〔{year}〕第{seq}号'),
  ('collective_notice', '随劳人仲集字〔{year}〕第{seq}号'),
  ('simplified_notice', '随劳人仲简字〔{year}〕第{seq}号')
) AS v(type, pattern)
WHERE o.name = '随州市劳动人事争议仲裁委员会'
  AND EXISTS (SELECT 1 FROM document_number_pattern p WHERE p.issuer_org_id = o.id)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
