-- Written waivers of the defence period (respondent) and of the evidence period (parties), recorded on
-- the case: a hearing may then be set before those periods end (调解仲裁法第三十条; 办案规则第十五条、第五十八条).
ALTER TABLE arbitration_record DROP CONSTRAINT IF EXISTS arbitration_record_kind_check;
ALTER TABLE arbitration_record ADD CONSTRAINT arbitration_record_kind_check CHECK (kind IN (
  'evidence', 'hearing_record', 'defence', 'mediation_attempt', 'postponement_request', 'suspension',
  'resumption', 'extension', 'withdrawal', 'default', 'advance_execution', 'restart', 'note',
  'consent', 'claims_change', 'collective_notice', 'simplified_notice', 'defence_waiver', 'evidence_waiver'));
