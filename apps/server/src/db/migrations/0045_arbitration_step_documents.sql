-- 文号 patterns of the arbitration documents the steps of the proceedings issue (issue #13, item 3):
-- 仲裁庭组成通知书 (《劳动争议调解仲裁法》第三十二条), 延期开庭通知书 (第三十五条), 庭审笔录 (第四十条),
-- 先予执行裁决书 (第四十四条), 部分裁决书 (第四十三条第二款), 回避决定书 (第三十三条), 裁决书补正决定书
-- (《劳动人事争议仲裁办案规则》第五十四条) and the internal 立案审批表 / 仲裁结案审批表. A fresh database
-- gets them from DEFAULT_PATTERNS (documents.numbering.ts, ARBITRATION_STEP_PATTERNS); an installation
-- whose patterns were seeded before gets them here.
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, v.type, v.pattern,
  '《劳动人事争议仲裁办案规则》及人社部仲裁文书示范文本：文书编号由仲裁委员会简称、文书代字、年份和序号组成'
FROM (VALUES
  ('tribunal_composition_notice', '随劳人仲组字〔{year}〕第{seq}号'),
  ('postponement_notice', '随劳人仲延开字〔{year}〕第{seq}号'),
  ('hearing_record', '随劳人仲笔字〔{year}〕第{seq}号'),
  ('advance_execution_award', '随劳人仲先执字〔{year}〕第{seq}号'),
  ('partial_award', '随劳人仲先裁字〔{year}〕第{seq}号'),
  ('recusal_decision', '随劳人仲回字〔{year}〕第{seq}号'),
  ('award_correction_decision', '随劳人仲补正字〔{year}〕第{seq}号'),
  ('arbitration_filing_approval', '随劳人仲立审字〔{year}〕第{seq}号'),
  ('arbitration_closing_approval', '随劳人仲结审字〔{year}〕第{seq}号')
) AS v(type, pattern)
JOIN organization o ON o.name = '随州市劳动人事争议仲裁委员会'
WHERE EXISTS (SELECT 1 FROM document_number_pattern p)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
