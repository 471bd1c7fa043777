-- Settings shown to administrators cite the law or the center's own rule, never an internal rulebook
-- code: the consultation number pattern said "RULES R-01".
UPDATE setting
   SET basis = '中心案件编号规则（咨询登记：先咨询后立案，每次咨询均登记）'
 WHERE key = 'cases.number_pattern.consultation' AND basis LIKE '%RULES%';
