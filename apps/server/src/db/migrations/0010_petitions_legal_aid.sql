-- Consultation log and knowledge base (咨询), petitions (信访, W-09), legal-aid referrals (法律援助, W-08)
-- and the court-mediation link (诉调对接, W-07). Petitions and legal aid are track cases (track_case);
-- these tables hold what the machines do not: the petitioner's request, negotiation and 释明 records,
-- the legal-aid screening and the lawyer, the court's delegation and its results.

-- Knowledge base: questions and answers with their legal basis; published entries are public.
CREATE TABLE kb_entry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 60),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
  answer text NOT NULL CHECK (length(answer) BETWEEN 1 AND 5000),
  basis text NOT NULL CHECK (length(basis) BETWEEN 1 AND 1000),
  tags text[] NOT NULL DEFAULT '{}',
  published boolean NOT NULL DEFAULT false,
  -- Maintained by the trigger below: every searchable text in one column (pg_trgm index).
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  updated_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION kb_entry_search_text() RETURNS trigger AS $$
BEGIN
  NEW.search_text := concat_ws(' ', NEW.topic, NEW.question, array_to_string(NEW.tags, ' '), NEW.answer, NEW.basis);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER kb_entry_search_text BEFORE INSERT OR UPDATE ON kb_entry
  FOR EACH ROW EXECUTE FUNCTION kb_entry_search_text();
CREATE INDEX kb_entry_search_trgm ON kb_entry USING gin (search_text gin_trgm_ops);
CREATE INDEX kb_entry_topic_idx ON kb_entry (topic, updated_at DESC);

-- Every question answered (RULES R-01): alone, or on a matter; converted_matter_id once it became one.
CREATE TABLE consultation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid REFERENCES matter(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  channel text NOT NULL CHECK (channel IN ('window', 'phone', 'online', 'hotline_12333', 'petition_window')),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 60),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  answer text NOT NULL CHECK (length(answer) BETWEEN 1 AND 5000),
  legal_basis text NOT NULL DEFAULT '',
  kb_entry_id uuid REFERENCES kb_entry(id),
  visitor_name text,
  visitor_phone_enc text,
  staff_user_id uuid NOT NULL REFERENCES app_user(id),
  staff_name text NOT NULL,
  state text NOT NULL DEFAULT 'answered' CHECK (state IN ('answered', 'converted')),
  converted_matter_id uuid REFERENCES matter(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'converted') = (converted_matter_id IS NOT NULL))
);
CREATE INDEX consultation_jurisdiction_idx ON consultation (jurisdiction_id, created_at DESC);
CREATE INDEX consultation_matter_idx ON consultation (matter_id) WHERE matter_id IS NOT NULL;
CREATE INDEX consultation_staff_idx ON consultation (staff_user_id, created_at DESC);

-- A petition (信访事项, 《信访工作条例》第十九条、第二十一条): the petitioner's request, facts and
-- reasons; its state lives in the petition track case.
CREATE TABLE petition (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL UNIQUE REFERENCES track_case(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  form text NOT NULL CHECK (form IN ('letter', 'visit', 'call', 'online')),
  petitioner_name text NOT NULL CHECK (length(petitioner_name) BETWEEN 1 AND 100),
  petitioner_address_enc text,
  petitioner_phone_enc text,
  request text NOT NULL CHECK (length(request) BETWEEN 1 AND 2000),
  facts text NOT NULL CHECK (length(facts) BETWEEN 1 AND 5000),
  reasons text NOT NULL DEFAULT '',
  -- 建议意见类 / 检举控告类 / 申诉求决类 (条例第二十九条至第三十一条).
  category text CHECK (category IN ('suggestion', 'accusation', 'claim')),
  -- The conclusion the petitioner disputes (seed 四(五)): none, an inspection decision or an award.
  disputed_conclusion text CHECK (disputed_conclusion IN ('inspection', 'arbitration')),
  conclusion_ref text,
  transfer_id uuid REFERENCES transfer(id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX petition_matter_idx ON petition (matter_id);

-- Early-intervention negotiation with the employer, settlement and 释明 records (append-only).
CREATE TABLE petition_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  petition_id uuid NOT NULL REFERENCES petition(id),
  kind text NOT NULL CHECK (kind IN ('negotiation', 'settlement', 'explanation')),
  occurred_on date NOT NULL,
  content text NOT NULL CHECK (length(content) BETWEEN 1 AND 5000),
  result text,
  payload jsonb,
  document_id uuid,
  actor_id uuid REFERENCES app_user(id),
  actor_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX petition_record_petition_idx ON petition_record (petition_id, created_at);

-- Referral to the legal-aid center (R-10; 《法律援助法》第三十一条、第四十二条、第四十四条): the screening
-- at referral time, the 转介函, the decision and the assigned lawyer. The state is the legal_aid case's.
CREATE TABLE legal_aid_referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL UNIQUE REFERENCES track_case(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  applicant_party_id uuid REFERENCES party(id),
  applicant_name text NOT NULL,
  claim_types text[] NOT NULL DEFAULT '{}',
  means_test_exempt boolean NOT NULL,
  exemption_reason text,
  economic_hardship boolean,
  urgent boolean NOT NULL DEFAULT false,
  days_left integer,
  urgent_measure_needed boolean NOT NULL DEFAULT false,
  reason text NOT NULL,
  referral_document_id uuid,
  decision text CHECK (decision IN ('granted', 'refused', 'provisional')),
  decided_on date,
  refusal_reason text,
  lawyer_name text,
  law_firm text,
  assigned_on date,
  result text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX legal_aid_referral_matter_idx ON legal_aid_referral (matter_id);

-- Court docking (W-07): a case the court delegates to the center's mediators, or a mediation
-- agreement sent to the court for judicial confirmation (30 days, T-M5).
CREATE TABLE court_docking (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('delegated', 'confirmation')),
  state text NOT NULL CHECK (state IN ('referred_in', 'mediating', 'agreed', 'returned_to_court',
    'conf_applied', 'confirmed', 'rejected')),
  matter_id uuid REFERENCES matter(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  court_org_id uuid NOT NULL REFERENCES organization(id),
  court_case_no text,
  applicant_name text NOT NULL,
  respondent_name text NOT NULL,
  summary text NOT NULL,
  mediator_user_id uuid REFERENCES app_user(id),
  agreement_terms text,
  agreement_effective_on date,
  returned_reason text,
  conf_applied_on date,
  court_ruling_no text,
  court_result_on date,
  court_result_note text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'delegated' OR matter_id IS NOT NULL)
);
CREATE INDEX court_docking_queue_idx ON court_docking (jurisdiction_id, state, created_at DESC);
CREATE INDEX court_docking_matter_idx ON court_docking (matter_id) WHERE matter_id IS NOT NULL;

CREATE TABLE court_docking_event (
  docking_id uuid NOT NULL REFERENCES court_docking(id),
  seq integer NOT NULL,
  from_state text,
  to_state text NOT NULL,
  event text NOT NULL,
  actor_id uuid REFERENCES app_user(id),
  actor_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  note text,
  PRIMARY KEY (docking_id, seq)
);

-- Seed: common questions at the window, each with its legal basis (published; editors maintain them).
INSERT INTO kb_entry (topic, question, answer, basis, tags, published) VALUES
  ('欠薪', '用人单位拖欠工资，劳动者可以通过哪些途径维权？',
   '可以向劳动保障监察机构投诉，由其责令用人单位限期支付，逾期不支付的按应付金额百分之五十以上百分之一百以下加付赔偿金；也可以申请劳动争议调解或者仲裁。两条途径针对同一诉求只能选择其一。农民工请求支付劳动报酬的，可以申请法律援助，免予核查经济困难状况。',
   '《劳动法》第五十条；《劳动保障监察条例》第二十六条；《劳动合同法》第八十五条；《劳动争议调解仲裁法》第五条',
   '{欠薪,拖欠工资,投诉,仲裁}', true),
  ('欠薪', '拖欠工资申请仲裁有时间限制吗？',
   '劳动关系存续期间因拖欠劳动报酬发生争议的，劳动者申请仲裁不受一年仲裁时效期间的限制；但劳动关系终止的，应当自劳动关系终止之日起一年内提出。',
   '《劳动争议调解仲裁法》第二十七条第四款',
   '{欠薪,拖欠工资,仲裁时效}', true),
  ('欠薪', '包工头拖欠农民工工资，应当由谁支付？',
   '分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法追偿；建设单位或者施工总承包单位将工程发包、分包给个人或者不具备合法经营资格的单位，导致拖欠农民工工资的，由建设单位或者施工总承包单位清偿。可向劳动保障监察机构投诉。',
   '《保障农民工工资支付条例》第三十条、第三十六条',
   '{欠薪,农民工,包工头,建筑工地}', true),
  ('加班', '加班费如何计算？',
   '安排劳动者延长工作时间的，支付不低于工资的百分之一百五十的工资报酬；休息日安排工作又不能安排补休的，支付不低于工资的百分之二百的工资报酬；法定休假日安排工作的，支付不低于工资的百分之三百的工资报酬。',
   '《劳动法》第四十四条',
   '{加班,加班费,工资}', true),
  ('加班', '用人单位每天最多能安排加班多长时间？',
   '用人单位由于生产经营需要，经与工会和劳动者协商后可以延长工作时间，一般每日不得超过一小时；因特殊原因需要延长的，在保障劳动者身体健康的条件下每日不得超过三小时，每月不得超过三十六小时。',
   '《劳动法》第四十一条',
   '{加班,工作时间}', true),
  ('劳动合同', '入职超过一个月，单位一直不签书面劳动合同怎么办？',
   '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资；满一年仍未订立的，视为已订立无固定期限劳动合同。可以申请劳动争议仲裁主张二倍工资差额。',
   '《劳动合同法》第十条、第十四条第三款、第八十二条',
   '{劳动合同,二倍工资,未签合同}', true),
  ('劳动合同', '被用人单位违法解除劳动合同，可以主张什么？',
   '劳动者要求继续履行劳动合同的，用人单位应当继续履行；劳动者不要求继续履行或者劳动合同已经不能继续履行的，用人单位应当按照经济补偿标准的二倍向劳动者支付赔偿金。',
   '《劳动合同法》第四十八条、第八十七条',
   '{劳动合同,违法解除,赔偿金}', true),
  ('劳动合同', '经济补偿怎么计算？',
   '按劳动者在本单位工作的年限，每满一年支付一个月工资；六个月以上不满一年的按一年计算；不满六个月的支付半个月工资。月工资高于本地区上年度职工月平均工资三倍的，按三倍的数额支付，支付年限最高不超过十二年。月工资是劳动者在劳动合同解除或者终止前十二个月的平均工资。',
   '《劳动合同法》第四十七条',
   '{劳动合同,经济补偿,解除}', true),
  ('劳动合同', '试用期最长可以约定多久？',
   '劳动合同期限三个月以上不满一年的，试用期不得超过一个月；一年以上不满三年的，不得超过二个月；三年以上固定期限和无固定期限的，不得超过六个月。同一用人单位与同一劳动者只能约定一次试用期。',
   '《劳动合同法》第十九条',
   '{劳动合同,试用期}', true),
  ('工伤', '受伤后应当在多长时间内申请工伤认定？',
   '用人单位应当自事故伤害发生之日起三十日内向统筹地区社会保险行政部门提出工伤认定申请；用人单位未按规定提出的，工伤职工或者其近亲属、工会组织在事故伤害发生之日起一年内可以直接提出。工伤认定由社会保险行政部门负责，本中心告知前往办理。',
   '《工伤保险条例》第十七条',
   '{工伤,工伤认定,时限}', true),
  ('工伤', '单位没有缴纳工伤保险，发生工伤后怎么办？',
   '应当参加工伤保险而未参加的用人单位职工发生工伤的，由该用人单位按照《工伤保险条例》规定的工伤保险待遇项目和标准支付费用。因工伤待遇发生争议的，可以申请劳动争议仲裁；农民工请求工伤事故人身损害赔偿的，可以申请法律援助。',
   '《工伤保险条例》第六十二条第二款；《法律援助法》第三十一条',
   '{工伤,工伤保险,工伤待遇}', true),
  ('仲裁时效', '劳动争议申请仲裁的时效是多久？',
   '劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算。因一方当事人向对方主张权利、向有关部门请求权利救济或者对方同意履行义务而中断，从中断时起重新计算；因不可抗力或者有其他正当理由不能申请的，时效中止。',
   '《劳动争议调解仲裁法》第二十七条',
   '{仲裁时效,仲裁,时效}', true),
  ('仲裁', '对劳动仲裁裁决不服怎么办？',
   '劳动者对仲裁裁决不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，裁决书发生法律效力。对终局裁决，用人单位有证据证明存在法定情形的，可以自收到裁决书之日起三十日内向仲裁委员会所在地的中级人民法院申请撤销。',
   '《劳动争议调解仲裁法》第四十八条、第四十九条、第五十条',
   '{仲裁,裁决,起诉,不服裁决}', true),
  ('仲裁', '申请劳动仲裁要交费吗？需要准备哪些材料？',
   '劳动争议仲裁不收费，仲裁委员会的经费由财政予以保障。申请仲裁应当提交书面仲裁申请，并按照被申请人人数提交副本，写明当事人情况、仲裁请求和所根据的事实、理由、证据；书写仲裁申请确有困难的，可以口头申请，由仲裁委员会记入笔录。',
   '《劳动争议调解仲裁法》第二十八条、第五十三条',
   '{仲裁,申请材料,仲裁费用}', true),
  ('法律援助', '农民工讨要工资能申请法律援助吗？需要经济困难证明吗？',
   '请求支付劳动报酬、确认劳动关系、请求工伤事故人身损害赔偿属于法律援助事项。进城务工人员申请支付劳动报酬或者请求工伤事故人身损害赔偿的，免予核查经济困难状况。距时效届满不足七日等紧急情况，法律援助机构可以先行提供法律援助，事后补办手续。',
   '《法律援助法》第三十一条、第四十二条第（三）项、第四十四条',
   '{法律援助,农民工,欠薪,免予核查}', true),
  ('法律援助', '申请法律援助后多久能作出决定？',
   '法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定；决定给予法律援助的，应当自作出决定之日起三日内指派法律援助人员；决定不给予的，应当书面告知申请人并说明理由。材料不齐全的，应当一次性告知需补充的材料。',
   '《法律援助法》第四十三条',
   '{法律援助,审查期限,指派律师}', true),
  ('调解', '调解协议如何申请司法确认？',
   '经调解组织调解达成调解协议后，双方当事人可以自调解协议生效之日起三十日内，共同向人民法院申请司法确认。人民法院裁定调解协议有效的，一方拒绝履行或者未全部履行的，对方可以申请强制执行；裁定无效的，当事人可以变更原协议、达成新协议或者向人民法院提起诉讼。',
   '《民事诉讼法》第二百零五条、第二百零六条；《人民调解法》第三十三条',
   '{调解,调解协议,司法确认}', true);
