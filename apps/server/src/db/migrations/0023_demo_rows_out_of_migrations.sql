-- Demo rows belong to the demo seed only (issue 15): migration 0007 used to insert six example
-- mediation organisations, with example telephone numbers, into every installation. New
-- installations no longer get them (the demo seed adds them). Here they are removed from existing
-- installations only where they are untouched (version 1, every column as inserted) and no
-- mediation record refers to them; an organisation an administrator edited or used stays.
-- A demo database gets them back from the demo seed at its next start.
DELETE FROM mediation_organization o
 USING (VALUES
  ('随州市劳动人事争议一站式多元联调联处中心', 'peoples_mediation', '421300', '随州市曾都区沿河大道（仲裁院一站式综合服务大厅）', '值班调解员', '0722-3258000', 1),
  ('随州市总工会劳动争议调解委员会', 'union', '421300', '随州市曾都区烈山大道', '周平', '0722-3222000', 2),
  ('随州市曾都区人民法院诉调对接工作室', 'court_linked', '421303', '随州市曾都区人民法院立案庭', '孙丽', '0722-3811000', 3),
  ('曾都区东城街道劳动争议调解委员会', 'street_township', '421303', '曾都区东城街道办事处', '街道调解员', '0722-3300100', 4),
  ('广水市应山街道劳动争议调解委员会', 'street_township', '421381', '广水市应山街道办事处', '街道调解员', '0722-6200100', 5),
  ('随县厉山镇人民调解委员会', 'peoples_mediation', '421321', '随县厉山镇人民政府', '镇调解员', '0722-4500100', 6)
 ) AS d (name, kind, jurisdiction_code, address, contact_person, phone, sort)
 WHERE o.name = d.name AND o.kind = d.kind AND o.jurisdiction_code = d.jurisdiction_code
   AND o.address IS NOT DISTINCT FROM d.address
   AND o.contact_person IS NOT DISTINCT FROM d.contact_person
   AND o.phone IS NOT DISTINCT FROM d.phone AND o.sort = d.sort
   AND o.version = 1 AND o.active
   AND NOT EXISTS (SELECT 1 FROM mediation_case m WHERE m.organization_id = o.id);
