-- A period shortened with the protected party's consent (e.g. the defence period in 简易处理,
-- 《劳动人事争议仲裁办案规则》第五十八条): the shortened duration replaces the rule's for this clock until it
-- restarts; the reason names the consent. NULL = the rule's own period.
ALTER TABLE clock ADD COLUMN shortened_duration integer CHECK (shortened_duration IS NULL OR shortened_duration >= 1);
ALTER TABLE clock ADD COLUMN shortened_reason text;
