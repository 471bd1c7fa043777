// Over 400 lines on purpose: sample data of every document type for previews and the golden PDF tests; one entry per type.
import { deflateSync } from 'node:zlib';
import { isCaseDocument } from '@onestop/domain';
import type { DocumentType } from './model.js';
import type { DocumentFieldsMap } from './templates/index.js';
import type { DocumentContext } from './templates/template.js';
import { JURISDICTION_SAMPLES } from './templates/jurisdiction.js';
import { OBLIGATION_SAMPLES } from './templates/obligations.js';
import { PETITION_LEGAL_AID_SAMPLES } from './templates/petition-legal-aid.js';
import { DEFAULTER_SAMPLES } from './templates/defaulters.js';
import { ARBITRATION_STEP_SAMPLES } from './templates/arbitration-steps.js';
import { INSPECTION_STEP_SAMPLES, INSPECTION_STEP_TYPES } from './templates/inspection-steps.js';

/**
 * Filled sample fields for every document type: used by tests, the benchmark and previews.
 * Names include CJK Extension A characters (䶮 U+4DAE, 㛃 U+36C3) on purpose.
 */
export const SAMPLE_FIELDS: { [T in DocumentType]: DocumentFieldsMap[T] } = {
  receipt: {
    applicantName: '刘䶮',
    receivedAt: '2026-11-24T09:30',
    channel: '现场窗口',
    intakeNo: 'SZ-2026-001532',
    materials: [
      { title: '仲裁申请书', form: '原件', pages: 3, copies: 2 },
      { title: '申请人身份证', form: '复印件', pages: 1 },
      { title: '劳动合同', form: '复印件', pages: 6 },
      { title: '工资银行流水', form: '原件', pages: 12 },
    ],
    handler: '陈晓燕',
    missingItems: ['被申请人营业执照信息'],
    correctionDeadline: '2026-11-29',
  },
  correction_notice: {
    applicantName: '王㛃',
    receivedDate: '2026-11-20',
    missingItems: [
      '仲裁申请书副本一份（按被申请人人数提交）',
      '被申请人工商登记信息',
      '证据目录及证据来源说明',
    ],
    deadline: '2026-11-27',
  },
  acceptance_notice: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    submittedDate: '2026-11-24',
    evidenceDeadline: '2026-12-10',
    evidenceItems: ['考勤记录', '加班审批单'],
  },
  notice_to_respond: {
    respondentName: '随州市恒达机械制造有限公司',
    applicantName: '刘䶮',
    caseCause: '劳动报酬',
    defenceDays: 10,
    evidenceDeadline: '2026-12-10',
  },
  rejection_notice: {
    applicantName: '王㛃',
    receivedDate: '2026-11-20',
    reasonCode: 'out_of_scope',
    reasons: '你与被申请人之间系承揽关系，所请求支付的款项为加工费，不属于劳动人事争议。',
  },
  hearing_notice: {
    addresseeName: '刘䶮',
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    hearingAt: '2026-12-18T09:00',
    hearingPlace: '随州市劳动人事争议仲裁院第二仲裁庭',
    presidingArbitrator: '周明',
    arbitrators: ['李红', '张国强'],
    clerk: '赵丽',
  },
  mediation_proposal: {
    addresseeName: '随州市恒达机械制造有限公司',
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    claims: [
      {
        claim: '支付2026年8月至10月拖欠工资',
        proposedAmount: 15600,
        reason: '考勤记录和工资条显示三个月工资未发放。',
      },
      {
        claim: '支付延时加班工资',
        proposedAmount: 3200,
        reason: '加班审批单可证明部分加班事实，按八折计算。',
      },
      { claim: '支付解除劳动合同经济补偿', proposedAmount: 10400, reason: '工作满两年，按两个月工资计算。' },
    ],
    replyDeadline: '2026-12-01',
    mediatorName: '陈晓燕',
    mediatorContact: '0722-3251234',
  },
  mediation_agreement: {
    workerName: '刘䶮',
    employerName: '随州市恒达机械制造有限公司',
    matter: '拖欠工资及经济补偿',
    terms: ['乙方向甲方支付拖欠工资人民币15,600.00元。', '乙方向甲方支付经济补偿人民币8,000.00元。'],
    performanceDeadline: '2026-12-15',
    mediatorName: '陈晓燕',
  },
  arbitral_mediation_statement: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    claims: ['裁决被申请人支付拖欠工资15,600.00元。', '裁决被申请人支付经济补偿10,400.00元。'],
    agreedTerms: [
      '被申请人于2026年12月20日前支付申请人工资及经济补偿共计22,000.00元。',
      '申请人放弃其他仲裁请求。',
    ],
    arbitrators: ['周明'],
    clerk: '赵丽',
  },
  award: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    claims: ['裁决被申请人支付拖欠工资15,600.00元。', '裁决被申请人支付违法解除劳动合同赔偿金20,800.00元。'],
    facts:
      '申请人于2024年9月入职被申请人处从事车工工作，月工资5,200.00元。被申请人未支付申请人2026年8月至10月工资。',
    reasons:
      '用人单位应当按照劳动合同约定和国家规定，及时足额支付劳动者劳动报酬。被申请人未能举证证明已支付上述工资，应承担不利后果。',
    items: [
      { text: '被申请人于本裁决生效之日起十日内支付申请人拖欠工资', finality: 'final', amount: 15600 },
      { text: '被申请人支付申请人违法解除劳动合同赔偿金', finality: 'non_final', amount: 20800 },
    ],
    arbitrators: ['周明', '李红', '张国强'],
    clerk: '赵丽',
  },
  transfer_slip: {
    matterNo: 'SZ-2026-001533',
    fromUnit: '随州市劳动保障维权中心综合受理窗口',
    toUnit: '随州市劳动保障监察支队',
    partyName: '王㛃等十二人',
    summary: '反映某建筑工地拖欠农民工工资',
    reason: '涉及欠薪，属劳动保障监察职责',
    replyDeadline: '2026-12-05',
    contact: '陈晓燕 0722-3251234',
  },
  inspection_acceptance: {
    complainantName: '王㛃',
    employerName: '随州市恒达机械制造有限公司',
    complaintDate: '2026-11-20',
    matters: '拖欠工资',
    filedDate: '2026-11-21',
  },
  inspection_rejection: {
    complainantName: '王㛃',
    employerName: '随州市恒达机械制造有限公司',
    complaintDate: '2026-11-20',
    reasons: '你反映的违法行为发生于2023年，已超过两年未被劳动保障行政部门发现，依法不再查处。',
    guidance: '你可以就相关争议依法向劳动人事争议仲裁委员会申请仲裁。',
  },
  order_to_correct: {
    employerName: '随州市恒达机械制造有限公司',
    violations: '拖欠刘䶮等五名劳动者2026年8月至10月工资共计78,000.00元。',
    legalBasis: '《劳动保障监察条例》第二十六条',
    corrections: ['足额支付刘䶮等五名劳动者拖欠工资共计78,000.00元。'],
    deadline: '2026-12-05',
  },
  case_withdrawal: {
    employerName: '随州市恒达机械制造有限公司',
    filedDate: '2026-11-21',
    reasonCode: 'minor_corrected',
    reasons: '你单位已于立案后补发全部拖欠工资。',
  },
  penalty_notice: {
    employerName: '随州市恒达机械制造有限公司',
    facts: '安排三名劳动者每日工作12小时，每月延长工作时间超过三十六小时。',
    reasons: '你单位违反《中华人民共和国劳动法》第四十一条关于延长工作时间的规定',
    legalBasis: '《劳动保障监察条例》第二十五条',
    proposedPenalty: '罚款人民币3,000.00元',
    hearingDeadline: '2026-12-04',
  },
  hearing_notice_penalty: {
    employerName: '随州市恒达机械制造有限公司',
    hearingDate: '2026-12-15',
    hearingTime: '上午9时30分',
    place: '随州市人力资源和社会保障局第一听证室',
    hearingOfficer: '王法制',
    rights: ['申请听证主持人回避', '进行陈述、申辩和质证', '委托一至二人代理参加听证'],
    legalBasis: '《中华人民共和国行政处罚法》第六十四条',
  },
  penalty_decision: {
    employerName: '随州市恒达机械制造有限公司',
    employerAddress: '随州市曾都区交通大道88号',
    facts: '安排三名劳动者每日工作12小时，每月延长工作时间超过三十六小时。',
    evidence: ['考勤记录复印件', '询问笔录三份', '现场检查笔录'],
    penalty: '罚款人民币3,000.00元',
    legalBasis: '《劳动保障监察条例》第二十五条',
    performance: '自收到本决定书之日起十五日内将罚款缴至指定银行',
    performanceDeadline: '2026-12-20',
  },
  inspection_result_notice: {
    complainantName: '王㛃',
    employerName: '随州市恒达机械制造有限公司',
    complaintDate: '2026-11-20',
    caseNumber: 'JC2026-0001',
    result: '用人单位已足额补发拖欠工资，本机关已撤销立案。',
  },
  inspection_closing_approval: {
    caseNumber: 'JC2026-0001',
    cause: '低于最低工资标准支付工资',
    source: '举报',
    employerName: '随州市好味道餐饮有限公司',
    complainant: '举报人身份依法保密',
    filedDate: '2026-11-21',
    inspectors: '陈监察、张敏',
    facts: '该单位2026年9月至10月向6名服务员支付的月工资低于当地最低工资标准，合计差额5,400元。',
    handling: ['2026年11月25日撤销立案：违法行为轻微且已改正', '处理结果已告知举报人'],
    amountRecovered: 5400,
    fine: 0,
    opinion: '违法事实已查清，用人单位已全部改正，建议结案。',
    approver: '吴建国',
    approvalDate: '2026-11-29',
  },
  petition_acceptance: {
    petitionerName: '王㛃',
    receivedDate: '2026-11-20',
    request: '要求落实工伤职工生活补助',
  },
  petition_opinion: {
    petitionerName: '王㛃',
    request: '要求落实工伤职工生活补助',
    facts: '你于2025年经认定为工伤，伤残等级九级，用人单位已依法支付一次性伤残补助金。',
    opinion: '你所提生活补助诉求缺乏政策依据，本机关已向你解释相关政策。',
    outcome: 'explain',
    legalBasis: '《工伤保险条例》第三十七条',
  },
  legal_aid_referral: {
    toAgency: '随州市法律援助中心',
    applicantName: '刘䶮',
    matter: '追索劳动报酬',
    reason: '申请人系农民工，请求支付劳动报酬，依法免予核查经济困难状况',
    contact: '陈晓燕 0722-3251234',
    urgent: true,
  },
  proof_of_service: {
    caseCause: '劳动报酬',
    addresseeName: '随州市恒达机械制造有限公司',
    documentsServed: ['应诉通知书', '仲裁申请书副本', '举证通知书'],
    servicePlace: '随州市曾都区交通大道88号',
    serviceMethod: '直接送达',
  },
  explanation_record: {
    petitionerName: '王建国',
    conclusionType: 'arbitration',
    conclusionRef: '随劳人仲裁字〔2026〕第8号',
    request: '要求重新处理拖欠工资争议',
    explanation: '仲裁裁决已依法作出，信访程序不能改变裁决结论；你可在法定期限内向人民法院起诉。',
    court: '随州市曾都区人民法院',
  },
  suspension_decision: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '工伤保险待遇',
    acceptedDate: '2026-11-24',
    ground: '等待工伤认定、伤残等级鉴定或其他鉴定结论',
    detail: '申请人的工伤认定尚在进行中',
    approver: '仲裁委员会主任 吴建国',
  },
  resumption_notice: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '工伤保险待遇',
    suspendedDate: '2026-11-30',
    reason: '工伤认定结论已经作出',
    awardDueDate: '2027-01-20',
  },
  extension_notice: {
    addresseeName: '刘䶮',
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    acceptedDate: '2026-11-24',
    days: 15,
    originalDueDate: '2027-01-08',
    newDueDate: '2027-01-23',
    approver: '仲裁委员会主任 吴建国',
    reason: '案情复杂，需对加班时长进行司法鉴定',
  },
  withdrawal_decision: {
    applicantName: '王㛃',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    acceptedDate: '2026-11-24',
    withdrawalDate: '2026-12-02',
    reason: '双方已自行和解，被申请人已支付全部工资',
  },
  deemed_withdrawal_decision: {
    applicantName: '王㛃',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    acceptedDate: '2026-11-24',
    hearingAt: '2026年12月15日上午9时',
    serviceProof: '2026年12月3日直接送达，申请人签收',
    reason: '申请人无正当理由拒不到庭',
  },
  collective_notice: {
    applicantName: '刘䶮等12人（代表人：刘䶮、王㛃、陈晓燕）',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    acceptedDate: '2026-11-24',
    presidingArbitrator: '周明',
    arbitrators: ['孙立', '吴芳'],
    clerk: '陈晓燕',
    defencePeriod: '被申请人自收到仲裁申请书副本之日起十日内',
    evidenceDeadline: '2026-12-09',
    hearingAt: '2026-12-15T09:00',
    hearingPlace: '第一仲裁庭（一站式综合服务大厅二楼）',
  },
  simplified_notice: {
    addresseeName: '随州市恒达机械制造有限公司',
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    arbitrator: '周明',
    serviceChannel: '短信',
    defencePeriod: '经被申请人同意缩短为五日（自收到本通知之日起）',
    grounds: '事实清楚、权利义务关系明确、争议不大',
  },
  ...PETITION_LEGAL_AID_SAMPLES,
  ...ARBITRATION_STEP_SAMPLES,
  ...INSPECTION_STEP_SAMPLES,
  ...JURISDICTION_SAMPLES,
  ...DEFAULTER_SAMPLES,
  ...OBLIGATION_SAMPLES,
  mediation_record: {
    workerName: '刘䶮',
    employerName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    sessionAt: '2026-12-07T10:00',
    sessionPlace: '视频调解（线上调解室）',
    mediators: ['张敏'],
    attendees: ['劳动者刘䶮（视频）', '用人单位委托代理人孙明（视频）'],
    lines: ['调解员：核对双方身份，告知调解自愿原则。', '劳动者：请求支付2026年8月至10月工资15,600.00元。'],
    signatures: [
      '劳动者刘䶮：已签名（手机手写签名并经短信验证码确认）',
      '调解员张敏：已签名（工作人员登录确认）',
    ],
    recordHash: '3f7a2c9e1b4d6f8a0c2e4a6b8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b3d5f',
    organizationName: '随州市劳动人事争议一站式多元联调联处中心',
  },
};

const WORKER = {
  role: '申请人',
  kind: 'person',
  name: '刘䶮',
  ethnicity: '汉',
  address: '湖北省随州市曾都区白云湖路16号3栋2单元501室',
  // Sex and birth date are derived from the number (GB 11643): 男, 1990年3月7日.
  idNumber: '421302199003071234',
  agents: [{ name: '陈律', identity: '湖北随州某律师事务所律师', authority: '特别授权' }],
} as const;
const EMPLOYER = {
  kind: 'organization',
  name: '随州市恒达机械制造有限公司',
  address: '随州市曾都区交通大道88号',
  creditCode: '91421300MA49ABCD1X',
  representative: '赵建华',
  representativePost: '总经理',
  agents: [{ name: '孙明', identity: '该公司人力资源部经理', authority: '一般授权' }],
} as const;

/** The case of the arbitration samples (随劳人仲案字) and of the inspection samples (随人社监案字). */
export const SAMPLE_CASE_NUMBERS = {
  arbitration: '随劳人仲案字〔2026〕第2号',
  inspection: '随人社监案字〔2026〕第7号',
} as const;

const ARBITRATION_CONTEXT: DocumentContext = {
  caseNumber: SAMPLE_CASE_NUMBERS.arbitration,
  parties: [
    { ...WORKER, agents: [...WORKER.agents] },
    { ...EMPLOYER, role: '被申请人', agents: [...EMPLOYER.agents] },
  ],
  tribunal: [
    { role: 'member', name: '李红' },
    { role: 'presiding', name: '周明' },
    { role: 'member', name: '张国强' },
    { role: 'clerk', name: '赵丽' },
  ],
  defence:
    '被申请人辩称：申请人2026年8月至10月工资已以现金方式部分支付，剩余部分因公司资金周转困难暂缓发放，并非恶意拖欠。',
};
const INSPECTION_CONTEXT: DocumentContext = {
  caseNumber: SAMPLE_CASE_NUMBERS.inspection,
  parties: [{ ...EMPLOYER, role: '当事人', agents: [] }],
  violations: [
    {
      label: '工作时间',
      basis: '《劳动法》第四十一条；《国务院关于职工工作时间的规定》第三条；《劳动保障监察条例》第二十五条',
    },
  ],
};

/**
 * What the master record gives each sample (documents.context.ts loads the same from the database):
 * a case document gets its case's 案号 and particulars; a matter document nothing.
 */
export function sampleContext(type: DocumentType): DocumentContext {
  if (!isCaseDocument(type)) return {};
  return INSPECTION_TYPES.has(type) ? INSPECTION_CONTEXT : ARBITRATION_CONTEXT;
}

/** Types issued by the labor inspection body (the rest of the samples are the commission's). */
export const INSPECTION_TYPES: ReadonlySet<DocumentType> = new Set<DocumentType>([
  'inspection_acceptance',
  'inspection_rejection',
  'order_to_correct',
  'case_withdrawal',
  'penalty_notice',
  'hearing_notice_penalty',
  'penalty_decision',
  'inspection_result_notice',
  'inspection_closing_approval',
  ...INSPECTION_STEP_TYPES,
]);

export const SAMPLE_NUMBERS: { [T in DocumentType]?: string } = {
  acceptance_notice: '随劳人仲受字〔2026〕第15号',
  award: '随劳人仲案字〔2026〕第15号',
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A red ring seal with a star as an RGBA PNG (stand-in for the commission's real seal image). */
export function sampleSealPng(size = 240): Buffer {
  const rows: Buffer[] = [];
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c + 0.5, y - c + 0.5);
      const angle = Math.atan2(y - c, x - c) + Math.PI / 2;
      const starRadius = size * 0.16 * (0.55 + 0.45 * Math.cos(5 * angle));
      const on = (r < c - 2 && r > c - size * 0.06) || r < starRadius;
      if (on) row.set([200, 20, 20, 210], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
