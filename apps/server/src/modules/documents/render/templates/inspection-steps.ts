// Over 400 lines on purpose: one template per inspection step document (GB/T 9704 layout data), read side by side.
import type { Block } from '../model.js';
import { remedy, violatedProvisions, WITHDRAWAL_REASONS } from './inspection.js';
import { cn, d, dt, defineTemplate, h, kv, list, p, partyBlocks, sign, yuan } from './template.js';

// Labor inspection documents issued by the investigation steps (issue #13 item 3; 《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》, inspection documents, 《劳动保障监察条例》《行政处罚法》):
// 询问通知书, 询问笔录, 现场检查笔录, 延长办案期限审批表, 撤销立案审批表, 加付赔偿金决定书, 案件移送书 and
// 听证笔录. 条例 = 《劳动保障监察条例》; 规定 = 《关于实施〈劳动保障监察条例〉若干规定》.

/** The lines of a free text (a 笔录's questions and answers) as paragraphs, blank lines dropped. */
const lines = (text: string): Block[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => p(l));

export interface InquiryNoticeFields {
  employerName: string;
  /** The suspected violations the inquiry is about */
  matters: string;
  attendDate: string;
  attendTime: string;
  place: string;
  materials: string[];
  contact: string;
}

/**
 * 询问通知书 / 调查询问书 (条例第十五条第（三）项; inspection documents, 《劳动保障监察条例》《行政处罚法》): addressee, matters, time and place,
 * materials to bring, the basis and the consequence of refusing (条例第三十条).
 */
export const inquiryNotice = defineTemplate<InquiryNoticeFields>({
  type: 'inquiry_notice',
  title: '劳动保障监察询问通知书',
  required: [
    { key: 'employerName', label: '被调查单位' },
    { key: 'matters', label: '调查事项' },
    { key: 'attendDate', label: '接受询问日期', kind: 'date' },
    { key: 'attendTime', label: '接受询问时间' },
    { key: 'place', label: '接受询问地点' },
    { key: 'materials', label: '需提供的材料', kind: 'texts' },
    { key: 'contact', label: '联系人' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    p(
      `本机关正在调查你单位${f.matters.replace(/[。；]$/, '')}一案。根据《劳动保障监察条例》第十五条第（三）项的规定，请你单位法定代表人（主要负责人）或者委托代理人于${d(f.attendDate)}${f.attendTime}到${f.place}接受询问，并提供下列材料：`,
    ),
    list(f.materials),
    p('委托他人接受询问的，应当出具授权委托书；提供复印件的，应当注明“与原件核对无误”并加盖你单位印章。'),
    p(
      '无正当理由拒不接受询问、拒不提供有关材料，或者隐瞒事实真相、出具伪证、隐匿毁灭证据的，本机关将依照《劳动保障监察条例》第三十条的规定责令改正，并可以处二千元以上二万元以下的罚款。',
    ),
    p(`联系人：${f.contact}`),
  ],
});

export interface InspectorSeat {
  name: string;
  certificate: string;
}

export interface InvestigationRecordFields {
  /** When the questioning or inspection began (YYYY-MM-DDTHH:mm) */
  startedAt: string;
  /** When it ended, e.g. "10时40分", when recorded */
  endedAt?: string;
  place: string;
  inspectors: InspectorSeat[];
  recorder: string;
  /** Inquiry: the person questioned and his or her position; on-site: the unit's person present */
  interviewee: string;
  employerName: string;
  content: string;
}

const recordSpecs = (who: string) => [
  { key: 'startedAt', label: '开始时间', kind: 'datetime' as const },
  { key: 'place', label: '地点' },
  {
    key: 'inspectors',
    label: '监察员',
    kind: 'items' as const,
    item: [
      { key: 'name', label: '姓名' },
      { key: 'certificate', label: '监察证号' },
    ],
  },
  { key: 'recorder', label: '记录人' },
  { key: 'interviewee', label: who },
  { key: 'employerName', label: '被调查单位' },
  { key: 'content', label: '笔录内容' },
];

const period = (f: InvestigationRecordFields) =>
  f.endedAt ? `${dt(f.startedAt)}至${f.endedAt}` : dt(f.startedAt);

const seats = (f: InvestigationRecordFields) =>
  f.inspectors.map((i) => `${i.name}（监察证号：${i.certificate}）`).join('、');

/** Two inspectors sign every page with the interviewee (条例第十六条; 《行政处罚法》第五十五条). */
const recordSignatures = (f: InvestigationRecordFields, who: string): Block[] => [
  p(`${who}对以上笔录核对无误（或者已向其宣读），逐页签名或者按指印；拒绝签名的，由监察员在笔录上注明。`),
  sign(`${who}（签名）：`, ...f.inspectors.map(() => '监察员（签名）：'), '记录人（签名）：'),
];

/** 询问笔录 (条例第十五条第（一）项、第十六条; 《行政处罚法》第五十五条; inspection documents, 《劳动保障监察条例》《行政处罚法》). */
export const inquiryRecord = defineTemplate<InvestigationRecordFields>({
  type: 'inquiry_record',
  title: '劳动保障监察询问笔录',
  required: recordSpecs('被询问人'),
  build: (f) => [
    kv([
      ['时间', period(f)],
      ['地点', f.place],
      ['询问人', seats(f)],
      ['记录人', f.recorder],
      ['被询问人', f.interviewee],
      ['被调查单位', f.employerName],
    ]),
    p(
      '监察员向被询问人出示了劳动保障监察证件，表明身份，告知其有如实回答询问、提供材料的义务，以及认为监察员与本案有利害关系时申请回避的权利（《劳动保障监察条例》第十六条、第三十条；《中华人民共和国行政处罚法》第四十三条、第五十五条）。',
    ),
    h('询问内容'),
    ...lines(f.content),
    ...recordSignatures(f, '被询问人'),
  ],
});

/** 现场检查笔录 (条例第十五条第（二）项、第十六条; 《行政处罚法》第五十五条; inspection documents, 《劳动保障监察条例》《行政处罚法》). */
export const onsiteRecord = defineTemplate<InvestigationRecordFields>({
  type: 'onsite_record',
  title: '劳动保障监察现场检查笔录',
  required: recordSpecs('在场人'),
  build: (f) => [
    kv([
      ['时间', period(f)],
      ['检查地点', f.place],
      ['检查人', seats(f)],
      ['记录人', f.recorder],
      ['被检查单位', f.employerName],
      ['在场人', f.interviewee],
    ]),
    p(
      '监察员向在场人出示了劳动保障监察证件，表明身份，说明检查事由，告知被检查单位应当配合检查、如实提供情况和材料（《劳动保障监察条例》第十五条、第十六条；《中华人民共和国行政处罚法》第五十五条）。',
    ),
    h('检查情况'),
    ...lines(f.content),
    ...recordSignatures(f, '在场人'),
  ],
});

/** What an internal approval form (审批表) prints about the case and the approval action. */
interface ApprovalBase {
  caseNumber: string;
  cause: string;
  employerName: string;
  filedDate: string;
  inspectors: string;
  /** Who asked for the approval and when (the handling inspector's own request) */
  requestedBy: string;
  requestedDate: string;
  /** The approver's display name and the date of the approving action, never typed */
  approver: string;
  approvalDate: string;
  opinion: string;
}

const approvalBase = [
  { key: 'caseNumber', label: '案件编号' },
  { key: 'cause', label: '案由' },
  { key: 'employerName', label: '被调查单位' },
  { key: 'filedDate', label: '立案日期', kind: 'date' as const },
  { key: 'inspectors', label: '承办监察员' },
  { key: 'requestedBy', label: '报批人' },
  { key: 'requestedDate', label: '报批日期', kind: 'date' as const },
  { key: 'approver', label: '审批人' },
  { key: 'approvalDate', label: '审批日期', kind: 'date' as const },
  { key: 'opinion', label: '审批意见' },
];

const caseRows = (f: ApprovalBase): [string, string][] => [
  ['案件编号', f.caseNumber],
  ['案由', f.cause],
  ['被调查单位', f.employerName],
  ['立案日期', d(f.filedDate)],
  ['承办监察员', f.inspectors],
];

const approvalBlocks = (f: ApprovalBase): Block[] => [
  h('审批意见'),
  p(f.opinion),
  kv([
    ['报批人', `${f.requestedBy}（${d(f.requestedDate)}）`],
    ['审批人', `${f.approver}（${d(f.approvalDate)}在系统中审批）`],
  ]),
  p('（本表为内部审批文书，归入副卷，不向当事人送达。）'),
  sign('报批人（签名）：', '审批人（签名）：'),
];

export interface FilingApprovalFields extends ApprovalBase {
  /** 投诉 / 举报 */
  source: string;
  receivedDate: string;
  creditCode?: string;
  employerAddress?: string;
  legalRepresentative?: string;
  /** The suspected violations, as complained or reported */
  violations: string;
}

/**
 * 立案审批表 (《劳动保障监察条例》第十四条第二款; 《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款): case number, source,
 * the employer's identity, the suspected violations and the basis, the handlers, the approver and the
 * date of the approving action (= the 立案 date, from which the 60 working days of 条例第十七条 run).
 */
export const filingApproval = defineTemplate<FilingApprovalFields>({
  type: 'inspection_filing_approval',
  title: '立案审批表',
  required: [
    ...approvalBase,
    { key: 'source', label: '案件来源' },
    { key: 'receivedDate', label: '收到投诉举报日期', kind: 'date' },
    { key: 'violations', label: '涉嫌违法事实' },
  ],
  build: (f) => [
    kv([
      ...caseRows(f),
      ['案件来源', f.source],
      ['收到日期', d(f.receivedDate)],
      ...(f.creditCode ? [['统一社会信用代码', f.creditCode] as [string, string]] : []),
      ...(f.employerAddress ? [['单位地址', f.employerAddress] as [string, string]] : []),
      ...(f.legalRepresentative
        ? [['法定代表人（主要负责人）', f.legalRepresentative] as [string, string]]
        : []),
    ]),
    h('涉嫌违法事实'),
    p(f.violations),
    h('立案依据'),
    p(
      '依据《劳动保障监察条例》第十四条第二款、《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款：对用人单位涉嫌违反劳动保障法律、法规或者规章的行为，需要进行调查处理的，应当及时立案。立案后由二名以上监察员调查（《劳动保障监察条例》第十六条），自立案之日起六十个工作日内完成（第十七条）。',
    ),
    ...approvalBlocks(f),
  ],
});

export interface ExtensionApprovalFields extends ApprovalBase {
  dueDate: string;
  extendedDueDate: string;
  reason: string;
}

/** 延长办案期限审批表 (条例第十七条: 60 working days, +30 with the head's approval; 《劳动保障监察条例》第十七条). */
export const extensionApproval = defineTemplate<ExtensionApprovalFields>({
  type: 'inspection_extension_approval',
  title: '延长办案期限审批表',
  required: [
    ...approvalBase,
    { key: 'dueDate', label: '原办案期限', kind: 'date' },
    { key: 'extendedDueDate', label: '延长后的办案期限', kind: 'date' },
    { key: 'reason', label: '延长理由' },
  ],
  build: (f) => [
    kv([...caseRows(f), ['原办案期限', `${d(f.dueDate)}届满`]]),
    h('延长理由'),
    p(f.reason),
    p(
      `根据《劳动保障监察条例》第十七条的规定，案件应当自立案之日起六十个工作日内完成；情况复杂的，经劳动保障行政部门负责人批准，可以延长三十个工作日。申请延长至${d(f.extendedDueDate)}。`,
    ),
    ...approvalBlocks(f),
  ],
});

export interface RevocationApprovalFields extends ApprovalBase {
  reasonCode: keyof typeof WITHDRAWAL_REASONS;
  reasons: string;
  evidenceOfCorrection?: string;
}

/** 撤销立案审批表 (条例第十八条第一款第（三）项; 规定第三十五条; inspection documents, 《劳动保障监察条例》《行政处罚法》). */
export const revocationApproval = defineTemplate<RevocationApprovalFields>({
  type: 'inspection_revocation_approval',
  title: '撤销立案审批表',
  required: [
    ...approvalBase,
    { key: 'reasonCode', label: '撤销理由类别', kind: 'choice', choices: WITHDRAWAL_REASONS },
    { key: 'reasons', label: '撤销理由' },
  ],
  build: (f) => [
    kv([...caseRows(f), ['撤销理由类别', WITHDRAWAL_REASONS[f.reasonCode]]]),
    h('调查情况及撤销理由'),
    p(f.reasons),
    ...(f.evidenceOfCorrection ? [h('改正情况及证据'), p(f.evidenceOfCorrection)] : []),
    p(
      f.reasonCode === 'minor_corrected'
        ? '依据《劳动保障监察条例》第十八条第一款第（三）项：违法行为情节轻微且已改正的，撤销立案。'
        : '依据《关于实施〈劳动保障监察条例〉若干规定》第三十五条：经调查认定违法事实不能成立的，撤销立案。',
    ),
    ...approvalBlocks(f),
  ],
});

export interface CompensationOrderFields {
  employerName: string;
  orderNumber: string;
  orderDeadline: string;
  workers: string;
  amountOwed: number;
  ratePercent: number;
  compensation: number;
  deadline: string;
  legalBasis: string;
}

/**
 * 加付赔偿金决定书 (《劳动合同法》第八十五条: 50%–100% of the amount owed when wages ordered paid are
 * not paid by the deadline; 条例第二十六条), with the remedy (复议 60 days, 诉讼 6 months).
 */
export const compensationOrder = defineTemplate<CompensationOrderFields>({
  type: 'compensation_order',
  title: '加付赔偿金决定书',
  required: [
    { key: 'employerName', label: '当事人' },
    { key: 'orderNumber', label: '责令支付文书文号' },
    { key: 'orderDeadline', label: '责令支付期限', kind: 'date' },
    { key: 'workers', label: '劳动者' },
    { key: 'amountOwed', label: '应付劳动报酬', kind: 'amount' },
    { key: 'ratePercent', label: '加付比例（%）', kind: 'days' },
    { key: 'compensation', label: '加付赔偿金', kind: 'amount' },
    { key: 'deadline', label: '支付期限', kind: 'date' },
    { key: 'legalBasis', label: '决定依据' },
  ],
  addressee: (f) => f.employerName,
  build: (f, ctx) => [
    ...partyBlocks(ctx, ['当事人'], [`当事人：${f.employerName}`]),
    p(
      `本机关以${f.orderNumber}责令你单位于${d(f.orderDeadline)}前向${f.workers}支付劳动报酬${yuan(f.amountOwed)}。经复查，你单位逾期未支付。`,
    ),
    ...violatedProvisions(ctx, '《中华人民共和国劳动合同法》第三十条、《工资支付暂行规定》第七条'),
    p(
      `根据${f.legalBasis}的规定，本机关决定：你单位应于${d(f.deadline)}前向${f.workers}支付劳动报酬${yuan(f.amountOwed)}，并按应付金额的百分之${cn(f.ratePercent)}加付赔偿金${yuan(f.compensation, { words: true })}。`,
    ),
    p(
      '你单位逾期不履行本决定的，本机关将依法申请人民法院强制执行；拒不支付劳动报酬数额较大的，将依照《劳动保障监察条例》第十八条第二款的规定移送公安机关（《中华人民共和国刑法》第二百七十六条之一）。',
    ),
    remedy('决定书'),
  ],
});

export const TRANSFER_KINDS = {
  police: '涉嫌拒不支付劳动报酬罪，移送公安机关',
  transfer: '不属于劳动保障监察事项，移送有关部门',
} as const;

export interface CaseTransferLetterFields {
  receivingAuthority: string;
  kind: keyof typeof TRANSFER_KINDS;
  employerName: string;
  filedDate: string;
  facts: string;
  reason: string;
  materials: string[];
  contact: string;
}

/**
 * 案件移送书 (条例第十八条第二款: not an inspection matter → the competent department; suspected crime
 * → the judicial organs; 《刑法》第二百七十六条之一 for wage refusal; 《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》 TRANSFERRED).
 */
export const caseTransferLetter = defineTemplate<CaseTransferLetterFields>({
  type: 'case_transfer_letter',
  title: '劳动保障监察案件移送书',
  required: [
    { key: 'receivingAuthority', label: '受移送机关' },
    { key: 'kind', label: '移送类别', kind: 'choice', choices: TRANSFER_KINDS },
    { key: 'employerName', label: '当事人' },
    { key: 'filedDate', label: '立案日期', kind: 'date' },
    { key: 'facts', label: '已查明的事实' },
    { key: 'reason', label: '移送理由' },
    { key: 'materials', label: '移送材料', kind: 'texts' },
    { key: 'contact', label: '联系人' },
  ],
  addressee: (f) => f.receivingAuthority,
  build: (f, ctx) => [
    p(`本机关于${d(f.filedDate)}对下列当事人涉嫌违反劳动保障法律、法规的行为立案调查：`),
    ...partyBlocks(ctx, ['当事人'], [`当事人：${f.employerName}`]),
    p(`经调查查明：${f.facts.replace(/[。；]$/, '')}。`),
    p(`移送事由：${TRANSFER_KINDS[f.kind]}。`),
    p(
      f.kind === 'police'
        ? `${f.reason.replace(/[。；]$/, '')}。当事人的行为涉嫌构成《中华人民共和国刑法》第二百七十六条之一规定的拒不支付劳动报酬罪。根据《劳动保障监察条例》第十八条第二款的规定，现将该案移送你局依法处理。`
        : `${f.reason.replace(/[。；]$/, '')}。根据《劳动保障监察条例》第十八条第二款的规定，该案不属于劳动保障监察事项，现移送你单位依法处理。`,
    ),
    p('随本移送书移送下列材料：'),
    list(f.materials),
    p(`请你单位收到本移送书后依法处理，并将处理结果书面告知本机关。联系人：${f.contact}`),
  ],
});

export interface PenaltyHearingRecordFields {
  employerName: string;
  heldOn: string;
  hearingTime: string;
  place: string;
  hearingOfficer: string;
  recorder: string;
  investigators: string;
  attendees: string;
  transcript: string;
  opinion?: string;
}

/** 听证笔录 (《行政处罚法》第六十四条第（八）项、第六十五条; 《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》 HEARING). */
export const penaltyHearingRecord = defineTemplate<PenaltyHearingRecordFields>({
  type: 'penalty_hearing_record',
  title: '行政处罚听证笔录',
  required: [
    { key: 'employerName', label: '当事人' },
    { key: 'heldOn', label: '听证日期', kind: 'date' },
    { key: 'hearingTime', label: '听证时间' },
    { key: 'place', label: '听证地点' },
    { key: 'hearingOfficer', label: '听证主持人' },
    { key: 'recorder', label: '记录人' },
    { key: 'investigators', label: '案件调查人员' },
    { key: 'attendees', label: '当事人及其代理人' },
    { key: 'transcript', label: '听证笔录' },
  ],
  build: (f) => [
    kv([
      ['当事人', f.employerName],
      ['时间', `${d(f.heldOn)}${f.hearingTime}`],
      ['地点', f.place],
      ['听证主持人', f.hearingOfficer],
      ['记录人', f.recorder],
      ['案件调查人员', f.investigators],
      ['当事人及其代理人', f.attendees],
    ]),
    p(
      '听证主持人宣布听证纪律，核对参加人员身份，告知当事人申请回避、陈述、申辩和质证的权利；当事人未申请回避。案件调查人员提出当事人违法的事实、证据和拟作出的行政处罚建议，当事人进行申辩和质证（《中华人民共和国行政处罚法》第六十四条）。',
    ),
    h('听证经过'),
    ...lines(f.transcript),
    ...(f.opinion ? [h('听证主持人意见'), p(f.opinion)] : []),
    p(
      '本笔录已交当事人或者其代理人核对无误后签字或者盖章；拒绝签字或者盖章的，由听证主持人在笔录中注明。本机关将根据听证笔录依法作出决定（《中华人民共和国行政处罚法》第六十四条第（八）项、第六十五条）。',
    ),
    sign(
      '当事人或者代理人（签名或者盖章）：',
      '案件调查人员（签名）：',
      '听证主持人（签名）：',
      '记录人（签名）：',
    ),
  ],
});

/** The types of this file (issued by the inspection body). */
export const INSPECTION_STEP_TYPES = [
  'inspection_filing_approval',
  'inquiry_notice',
  'inquiry_record',
  'onsite_record',
  'inspection_extension_approval',
  'inspection_revocation_approval',
  'compensation_order',
  'case_transfer_letter',
  'penalty_hearing_record',
] as const;

const APPROVAL_SAMPLE = {
  caseNumber: '随人社监案字〔2026〕第7号',
  cause: '拖欠劳动报酬',
  employerName: '随州市恒达机械制造有限公司',
  filedDate: '2026-09-01',
  inspectors: '陈监察（主办）、张敏',
  requestedBy: '陈监察',
  requestedDate: '2026-11-26',
  approver: '吴建国',
  approvalDate: '2026-11-27',
  opinion: '同意。',
};
const RECORD_SAMPLE = {
  startedAt: '2026-11-23T09:30',
  endedAt: '10时40分',
  inspectors: [
    { name: '陈监察', certificate: '鄂劳监字第421300017号' },
    { name: '张敏', certificate: '鄂劳监字第421300021号' },
  ],
  recorder: '张敏',
  employerName: '随州市恒达机械制造有限公司',
};

/** Realistic samples (the table-driven element test renders each). */
export const INSPECTION_STEP_SAMPLES: {
  inspection_filing_approval: FilingApprovalFields;
  inquiry_notice: InquiryNoticeFields;
  inquiry_record: InvestigationRecordFields;
  onsite_record: InvestigationRecordFields;
  inspection_extension_approval: ExtensionApprovalFields;
  inspection_revocation_approval: RevocationApprovalFields;
  compensation_order: CompensationOrderFields;
  case_transfer_letter: CaseTransferLetterFields;
  penalty_hearing_record: PenaltyHearingRecordFields;
} = {
  inspection_filing_approval: {
    ...APPROVAL_SAMPLE,
    filedDate: '2026-09-01',
    inspectors: '（立案后指派）',
    requestedDate: '2026-08-31',
    approvalDate: '2026-09-01',
    opinion: '同意立案，请指派二名监察员调查。',
    source: '投诉',
    receivedDate: '2026-08-28',
    creditCode: '91421300MA4W0007XK',
    employerAddress: '随州市曾都区交通大道1001号',
    legalRepresentative: '赵建华（总经理）',
    violations: '涉嫌拖欠刘䶮等五名劳动者2026年6月至7月工资共计78,000.00元。',
  },
  inquiry_notice: {
    employerName: '随州市恒达机械制造有限公司',
    matters: '涉嫌拖欠刘䶮等五名劳动者2026年8月至10月工资',
    attendDate: '2026-12-03',
    attendTime: '上午9时',
    place: '随州市人力资源和社会保障局劳动保障监察支队二楼询问室',
    materials: ['2026年1月至10月工资支付记录', '劳动合同', '考勤记录', '营业执照副本复印件'],
    contact: '陈监察，0722-3251234',
  },
  inquiry_record: {
    ...RECORD_SAMPLE,
    place: '随州市人力资源和社会保障局劳动保障监察支队询问室',
    interviewee: '赵建华，随州市恒达机械制造有限公司总经理',
    content:
      '问：你单位2026年8月至10月是否按时足额支付了刘䶮等五名劳动者的工资？\n答：没有，公司资金周转困难，只发了生活费。\n问：拖欠的工资总额是多少？\n答：大约七万八千元，工资表可以提供。',
  },
  onsite_record: {
    ...RECORD_SAMPLE,
    place: '随州市曾都区交通大道88号该公司生产车间及财务室',
    interviewee: '孙明，该公司人力资源部经理',
    content:
      '检查发现：车间在岗劳动者23人；调取2026年8月至10月工资表，刘䶮等五人工资栏为空。\n现场拍摄照片6张，复印工资表3页，由在场人核对签名。',
  },
  inspection_extension_approval: {
    ...APPROVAL_SAMPLE,
    dueDate: '2026-11-30',
    extendedDueDate: '2027-01-13',
    reason: '涉及劳动者人数多，需调取银行流水并委托会计师事务所审计工资支付情况。',
    opinion: '同意延长办案期限三十个工作日。',
  },
  inspection_revocation_approval: {
    ...APPROVAL_SAMPLE,
    reasonCode: 'minor_corrected',
    reasons: '该单位拖欠工资情节轻微，立案后已主动足额补发。',
    evidenceOfCorrection: '2026年11月20日补发五名劳动者工资共计78,000.00元，银行回单在卷。',
    opinion: '同意撤销立案。',
  },
  compensation_order: {
    employerName: '随州市恒达机械制造有限公司',
    orderNumber: '随人社监令字〔2026〕第3号',
    orderDeadline: '2026-11-20',
    workers: '刘䶮等五名劳动者',
    amountOwed: 78000,
    ratePercent: 50,
    compensation: 39000,
    deadline: '2026-12-10',
    legalBasis: '《中华人民共和国劳动合同法》第八十五条、《劳动保障监察条例》第二十六条',
  },
  case_transfer_letter: {
    receivingAuthority: '随州市公安局曾都区分局',
    kind: 'police',
    employerName: '随州市恒达机械制造有限公司',
    filedDate: '2026-09-01',
    facts: '该单位拖欠刘䶮等五名劳动者2026年8月至10月工资共计78,000.00元，经本机关责令限期支付，逾期仍不支付',
    reason: '拖欠数额达到拒不支付劳动报酬罪“数额较大”的标准，经政府有关部门责令支付仍不支付',
    materials: ['立案审批表', '询问笔录二份', '责令改正指令书及送达回证', '工资支付记录复印件'],
    contact: '陈监察，0722-3251234',
  },
  penalty_hearing_record: {
    employerName: '随州市恒达机械制造有限公司',
    heldOn: '2026-12-15',
    hearingTime: '上午9时30分',
    place: '随州市人力资源和社会保障局第一听证室',
    hearingOfficer: '王法制',
    recorder: '李书记',
    investigators: '陈监察、张敏',
    attendees: '赵建华（法定代表人）、孙明（委托代理人）',
    transcript:
      '调查人员：当事人安排三名劳动者每日工作12小时，证据有考勤记录和询问笔录。\n当事人：旺季订单多，加班已支付加班费，请求从轻处罚。',
    opinion: '违法事实清楚，证据确凿；当事人已支付加班费，建议维持拟处罚决定。',
  },
};
