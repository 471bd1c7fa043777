-- Issuers of documents (issue #13): every organisation that issues documents has its own 文号
-- pattern and seal, and mediation documents belong to the mediating organisation.
--
-- 1. A listed mediation organisation (调解组织, 《劳动争议调解仲裁法》第十条) issues its 调解建议书 and
--    调解协议书 under its own name, numbering and seal (第十四条: the agreement binds once sealed by the
--    mediation organisation). issuer_org_id links it to the organisation row that documents, number
--    patterns and seals refer to; the row is created when the organisation first issues a document
--    (modules/mediation/mediation.issuer.ts).
ALTER TABLE mediation_organization ADD COLUMN issuer_org_id uuid UNIQUE REFERENCES organization(id);

-- 2. The mediation organisation that mediates cases kept at the one-stop center (handled_by 'center').
INSERT INTO setting (key, value, label, basis) VALUES
  ('mediation.center_organization', '"随州市劳动人事争议一站式多元联调联处中心"',
   '中心就地调解的调解组织（其名义出具调解建议书、调解协议书）',
   '《劳动争议调解仲裁法》第十条、第十四条；随人社函〔2023〕36号 五(一)3')
ON CONFLICT (key) DO NOTHING;

-- 3. Organisations whose staff issue documents (a window clerk's 转办单, legal-aid decisions) but had
--    no pattern: a fresh database gets them from DEFAULT_PATTERNS (documents.numbering.ts); an
--    installation whose patterns were seeded before gets them here (as 0015 and 0017 do).
INSERT INTO document_number_pattern (issuer_org_id, type, pattern, basis)
SELECT o.id, v.type, v.pattern, v.basis
FROM (VALUES
  ('随州市劳动人事争议仲裁院', '*', '随劳人仲院字〔{year}〕{seq}号',
   'GB/T 9704-2012《党政机关公文格式》7.2.4：发文字号由发文机关代字、年份、发文顺序号组成'),
  ('随州市司法局法律援助中心', '*', '随法援字〔{year}〕{seq}号',
   'GB/T 9704-2012《党政机关公文格式》7.2.4：发文字号由发文机关代字、年份、发文顺序号组成'),
  ('随州市总工会', '*', '随工维字〔{year}〕{seq}号',
   'GB/T 9704-2012《党政机关公文格式》7.2.4：发文字号由发文机关代字、年份、发文顺序号组成'),
  ('随州市曾都区人民法院', '*', '曾法诉调字〔{year}〕{seq}号',
   'GB/T 9704-2012《党政机关公文格式》7.2.4：发文字号由发文机关代字、年份、发文顺序号组成'),
  ('广水市一站式劳动保障维权中心', '*', '广人社维字〔{year}〕{seq}号',
   'GB/T 9704-2012《党政机关公文格式》7.2.4：发文字号由发文机关代字、年份、发文顺序号组成')
) AS v(org, type, pattern, basis)
JOIN organization o ON o.name = v.org
WHERE EXISTS (SELECT 1 FROM document_number_pattern p)
ON CONFLICT (issuer_org_id, type) DO NOTHING;
