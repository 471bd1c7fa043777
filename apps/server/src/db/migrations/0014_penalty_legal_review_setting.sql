-- Legal review (法制审核) before an administrative-penalty decision: the amount from which it is
-- required is local data (行政处罚法第五十八条 lists "重大" cases; the threshold is set locally).
INSERT INTO setting (key, value, label, basis)
VALUES (
  'inspection.penalty.legal_review_min_fen',
  '1000000'::jsonb,
  '罚款金额达到此数额（分）须经法制审核',
  '《中华人民共和国行政处罚法》第五十八条：涉及重大公共利益、直接关系当事人重大权益等情形，作出决定前应当进行法制审核（数额标准由本地确定，演示值：1万元）'
)
ON CONFLICT (key) DO NOTHING;
