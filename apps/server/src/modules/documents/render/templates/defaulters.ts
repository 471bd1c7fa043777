// Over 400 lines: the document models of the defaulter-list procedure (notice, hearing, decision, removal) side by side so their shared wording stays consistent.
import { DEFAULTER_ACT, DEFAULTER_PERIODS, DEFAULTER_RULE } from '@onestop/domain';
import { d, defineTemplate, kv, p, yuan } from './template.js';
import { remedy } from './inspection.js';

// The defaulter list procedure (拖欠农民工工资失信联合惩戒对象名单, issue #21 point 4): every step issues
// its document, filled from the listing record (modules/defaulters). 《名单办法》 = DEFAULTER_RULE.

interface DefaulterBase {
  employerName: string;
  /** 案号 of the inspection case the proposal comes from */
  caseNumber: string;
  /** The responsible persons listed with the employer (法定代表人等) */
  responsiblePersons: string;
  /** Facts: the order to pay, its deadline, what is still unpaid */
  facts: string;
  /** The ground of 第五条 in words, with its basis */
  ground: string;
  owedAmount: number;
}

const base = [
  { key: 'employerName', label: '用人单位' },
  { key: 'caseNumber', label: '案号' },
  { key: 'responsiblePersons', label: '有关责任人员' },
  { key: 'facts', label: '违法事实' },
  { key: 'ground', label: '列入事由' },
  { key: 'owedAmount', label: '拖欠工资金额', kind: 'amount' as const },
];

const particulars = (f: DefaulterBase) =>
  kv([
    ['用人单位', f.employerName],
    ['有关责任人员', f.responsiblePersons],
    ['案号', f.caseNumber],
    ['拖欠工资', yuan(f.owedAmount)],
  ]);

export interface DefaulterNoticeFields extends DefaulterBase {
  statementDays: number;
  statementDeadline: string;
  periodBasis: string;
}

/** 拟列入告知书: facts, reasons, basis, and the right to state a case and object within the period. */
export const defaulterNotice = defineTemplate<DefaulterNoticeFields>({
  type: 'defaulter_notice',
  title: '拟列入拖欠农民工工资失信联合惩戒对象名单告知书',
  required: [
    ...base,
    { key: 'statementDays', label: '陈述申辩期间（工作日）', kind: 'days' },
    { key: 'statementDeadline', label: '陈述申辩截止日期', kind: 'date' },
    { key: 'periodBasis', label: '期间依据' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    particulars(f),
    p(`经查：${f.facts}`),
    p(
      `你单位的上述行为属于${f.ground}的情形。依照《保障农民工工资支付条例》第四十八条和${DEFAULTER_RULE}第五条的规定，本机关拟将你单位及${f.responsiblePersons}列入拖欠农民工工资失信联合惩戒对象名单，列入期限为三年，并依法向社会公开，由有关部门实施联合惩戒。`,
    ),
    p(
      `你单位有权进行陈述和申辩。请于收到本告知书之日起${f.statementDays}个工作日内（${d(f.statementDeadline)}前）向本机关提交书面陈述、申辩意见及证据；逾期未提出的，视为放弃陈述、申辩的权利。期间依据：${f.periodBasis}。`,
    ),
    p('你单位在作出列入决定前足额支付拖欠的农民工工资的，请一并提交支付凭证。'),
  ],
});

export interface DefaulterStatementRecordFields extends DefaulterBase {
  noticeNumber: string;
  receivedDate: string;
  statement: string;
}

/** 陈述申辩笔录: what the employer stated, recorded on the file (internal). */
export const defaulterStatementRecord = defineTemplate<DefaulterStatementRecordFields>({
  type: 'defaulter_statement_record',
  title: '陈述申辩记录',
  required: [
    ...base,
    { key: 'noticeNumber', label: '告知书文号' },
    { key: 'receivedDate', label: '收到陈述申辩日期', kind: 'date' },
    { key: 'statement', label: '陈述申辩意见' },
  ],
  addressee: () => '',
  build: (f) => [
    particulars(f),
    p(`拟列入的事实：${f.facts}拟列入事由：${f.ground}。`),
    p(`本机关于${d(f.receivedDate)}收到你单位对${f.noticeNumber}告知书提出的陈述、申辩，内容如下：`),
    p(f.statement),
    p('本机关将对你单位提出的事实、理由和证据进行复核；成立的，予以采纳。'),
  ],
});

export interface DefaulterListingDecisionFields extends DefaulterBase {
  noticeNumber: string;
  statementSummary: string;
  decidedDate: string;
  endsDate: string;
  approver: string;
}

/** 列入决定书: the decision by the approving post, the term, the remedy. */
export const defaulterListingDecision = defineTemplate<DefaulterListingDecisionFields>({
  type: 'defaulter_listing_decision',
  title: '列入拖欠农民工工资失信联合惩戒对象名单决定书',
  required: [
    ...base,
    { key: 'noticeNumber', label: '告知书文号' },
    { key: 'statementSummary', label: '陈述申辩及复核情况' },
    { key: 'decidedDate', label: '决定日期', kind: 'date' },
    { key: 'endsDate', label: '列入期限届满日期', kind: 'date' },
    { key: 'approver', label: '批准人' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    particulars(f),
    p(`经查：${f.facts}`),
    p(
      `本机关已以${f.noticeNumber}告知书告知你单位拟作出列入决定的事实、理由、依据和享有的陈述、申辩权利。${f.statementSummary}`,
    ),
    p(
      `你单位的行为属于${f.ground}的情形。依照《保障农民工工资支付条例》第四十八条和${DEFAULTER_RULE}第五条的规定，经本机关负责人${f.approver}批准，决定将你单位及${f.responsiblePersons}列入拖欠农民工工资失信联合惩戒对象名单，列入期限自${d(f.decidedDate)}起至${d(f.endsDate)}止。列入期间，有关部门将依法依规在政府资金支持、政府采购、招投标、融资贷款、市场准入、税收优惠、评优评先、交通出行等方面予以限制。`,
    ),
    p(
      '列入期间，你单位足额支付拖欠的农民工工资、自改正之日起满六个月并作出守信承诺的，可以向本机关申请提前移出。',
    ),
    remedy('决定书'),
  ],
});

export interface DefaulterPublicationFields {
  employerName: string;
  responsiblePersons: string;
  decisionNumber: string;
  ground: string;
  decidedDate: string;
  endsDate: string;
}

/** 公开 (公告): the listing published on the portal's public list. */
export const defaulterPublication = defineTemplate<DefaulterPublicationFields>({
  type: 'defaulter_publication',
  title: '拖欠农民工工资失信联合惩戒对象名单公告',
  required: [
    { key: 'employerName', label: '用人单位' },
    { key: 'responsiblePersons', label: '有关责任人员' },
    { key: 'decisionNumber', label: '列入决定书文号' },
    { key: 'ground', label: '列入事由' },
    { key: 'decidedDate', label: '决定日期', kind: 'date' },
    { key: 'endsDate', label: '列入期限届满日期', kind: 'date' },
  ],
  addressee: () => '',
  build: (f) => [
    p(
      `依照《保障农民工工资支付条例》第四十八条和${DEFAULTER_RULE}的规定，现将本机关以${f.decisionNumber}决定列入拖欠农民工工资失信联合惩戒对象名单的用人单位及有关责任人员公告如下：`,
    ),
    kv([
      ['用人单位', f.employerName],
      ['有关责任人员', f.responsiblePersons],
      ['列入事由', f.ground],
      ['列入期限', `${d(f.decidedDate)}至${d(f.endsDate)}`],
    ]),
    p('本公告同时在一站式劳动保障维权平台公开名单中发布。'),
  ],
});

export interface DefaulterRemovalReceiptFields {
  employerName: string;
  decisionNumber: string;
  appliedDate: string;
  paidDate: string;
  commitment: string;
  reviewDeadline: string;
}

/** 提前移出申请受理回执: the application with payment and credit commitment is received. */
export const defaulterRemovalReceipt = defineTemplate<DefaulterRemovalReceiptFields>({
  type: 'defaulter_removal_receipt',
  title: '提前移出失信联合惩戒对象名单申请受理通知书',
  required: [
    { key: 'employerName', label: '用人单位' },
    { key: 'decisionNumber', label: '列入决定书文号' },
    { key: 'appliedDate', label: '申请日期', kind: 'date' },
    { key: 'paidDate', label: '足额支付日期', kind: 'date' },
    { key: 'commitment', label: '守信承诺' },
    { key: 'reviewDeadline', label: '审核期限', kind: 'date' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    p(
      `你单位于${d(f.appliedDate)}申请将你单位提前移出本机关以${f.decisionNumber}决定列入的拖欠农民工工资失信联合惩戒对象名单，称已于${d(f.paidDate)}足额支付拖欠的农民工工资，并作出守信承诺：${f.commitment}`,
    ),
    p(`本机关已受理该申请，将于${d(f.reviewDeadline)}前审核并作出决定。`),
  ],
});

export interface DefaulterRemovalDecisionFields {
  employerName: string;
  responsiblePersons: string;
  decisionNumber: string;
  paidDate: string;
  commitment: string;
  removedDate: string;
  approver: string;
}

/** 提前移出决定书. */
export const defaulterRemovalDecision = defineTemplate<DefaulterRemovalDecisionFields>({
  type: 'defaulter_removal_decision',
  title: '提前移出拖欠农民工工资失信联合惩戒对象名单决定书',
  required: [
    { key: 'employerName', label: '用人单位' },
    { key: 'responsiblePersons', label: '有关责任人员' },
    { key: 'decisionNumber', label: '列入决定书文号' },
    { key: 'paidDate', label: '足额支付日期', kind: 'date' },
    { key: 'commitment', label: '守信承诺' },
    { key: 'removedDate', label: '移出日期', kind: 'date' },
    { key: 'approver', label: '批准人' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    p(
      `本机关以${f.decisionNumber}决定将你单位及${f.responsiblePersons}列入拖欠农民工工资失信联合惩戒对象名单。经审核，你单位已于${d(f.paidDate)}足额支付拖欠的农民工工资，自改正之日起已满六个月，并作出守信承诺：${f.commitment}`,
    ),
    p(
      `依照${DEFAULTER_RULE}关于信用修复的规定，经本机关负责人${f.approver}批准，决定自${d(f.removedDate)}起将你单位及上述人员提前移出拖欠农民工工资失信联合惩戒对象名单，停止公开，并通知有关部门停止联合惩戒。`,
    ),
    p('你单位违反守信承诺，再次拖欠农民工工资的，本机关将依法重新列入。'),
  ],
});

export interface DefaulterNotListedDecisionFields extends DefaulterBase {
  noticeNumber: string;
  reasons: string;
  decidedDate: string;
  approver: string;
}

/** 不予列入决定书: after review of the statement (or of the file), the employer is not listed. */
export const defaulterNotListedDecision = defineTemplate<DefaulterNotListedDecisionFields>({
  type: 'defaulter_not_listed_decision',
  title: '不予列入拖欠农民工工资失信联合惩戒对象名单决定书',
  required: [
    ...base,
    { key: 'noticeNumber', label: '告知书文号' },
    { key: 'reasons', label: '不予列入的理由' },
    { key: 'decidedDate', label: '决定日期', kind: 'date' },
    { key: 'approver', label: '批准人' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    particulars(f),
    p(`经查：${f.facts}`),
    p(
      `本机关曾以${f.noticeNumber}告知书告知你单位，拟以${f.ground}为由将你单位及${f.responsiblePersons}列入拖欠农民工工资失信联合惩戒对象名单。`,
    ),
    p(`经复核：${f.reasons}`),
    p(
      `依照${DEFAULTER_ACT}和${DEFAULTER_RULE}第五条的规定，经本机关负责人${f.approver}批准，于${d(f.decidedDate)}决定不将你单位及上述人员列入拖欠农民工工资失信联合惩戒对象名单，本次列入程序终结。`,
    ),
    p(
      '本决定不影响本机关依法对你单位拖欠农民工工资的违法行为继续处理；你单位应当依法按时足额支付农民工工资。',
    ),
  ],
});

export interface DefaulterRemovalRefusalFields {
  employerName: string;
  responsiblePersons: string;
  decisionNumber: string;
  appliedDate: string;
  reasons: string;
  decidedDate: string;
  endsDate: string;
  approver: string;
}

/** 不予提前移出决定书: the application for early removal is refused, with reasons; the listing stays. */
export const defaulterRemovalRefusal = defineTemplate<DefaulterRemovalRefusalFields>({
  type: 'defaulter_removal_refusal',
  title: '不予提前移出拖欠农民工工资失信联合惩戒对象名单决定书',
  required: [
    { key: 'employerName', label: '用人单位' },
    { key: 'responsiblePersons', label: '有关责任人员' },
    { key: 'decisionNumber', label: '列入决定书文号' },
    { key: 'appliedDate', label: '申请日期', kind: 'date' },
    { key: 'reasons', label: '不予提前移出的理由' },
    { key: 'decidedDate', label: '决定日期', kind: 'date' },
    { key: 'endsDate', label: '列入期限届满日期', kind: 'date' },
    { key: 'approver', label: '批准人' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    p(
      `你单位于${d(f.appliedDate)}申请将你单位及${f.responsiblePersons}提前移出本机关以${f.decisionNumber}决定列入的拖欠农民工工资失信联合惩戒对象名单。`,
    ),
    p(`经审核：${f.reasons}`),
    p(
      `你单位的申请不符合${DEFAULTER_PERIODS.earlyRemoval.basis}的条件。经本机关负责人${f.approver}批准，于${d(f.decidedDate)}决定不予提前移出。列入期限至${d(f.endsDate)}届满；你单位符合条件后可以再次申请。`,
    ),
    remedy('决定书'),
  ],
});

export interface DefaulterExpiryNoticeFields {
  employerName: string;
  responsiblePersons: string;
  decisionNumber: string;
  decidedDate: string;
  endsDate: string;
  /** The day after the last day of the term */
  removedDate: string;
}

/** 期满移出通知书: the term has ended; the employer is removed from the list and publication stops. */
export const defaulterExpiryNotice = defineTemplate<DefaulterExpiryNoticeFields>({
  type: 'defaulter_expiry_notice',
  title: '列入期限届满移出拖欠农民工工资失信联合惩戒对象名单通知书',
  required: [
    { key: 'employerName', label: '用人单位' },
    { key: 'responsiblePersons', label: '有关责任人员' },
    { key: 'decisionNumber', label: '列入决定书文号' },
    { key: 'decidedDate', label: '列入决定日期', kind: 'date' },
    { key: 'endsDate', label: '列入期限届满日期', kind: 'date' },
    { key: 'removedDate', label: '移出日期', kind: 'date' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    p(
      `本机关以${f.decisionNumber}决定自${d(f.decidedDate)}起将你单位及${f.responsiblePersons}列入拖欠农民工工资失信联合惩戒对象名单，列入期限为${DEFAULTER_PERIODS.termYears.years}年，至${d(f.endsDate)}届满。`,
    ),
    p(
      `依照${DEFAULTER_PERIODS.termYears.basis}和${DEFAULTER_PERIODS.expiry.basis}，列入期限届满，你单位及上述人员自${d(f.removedDate)}起移出拖欠农民工工资失信联合惩戒对象名单，本机关停止公开，并通知有关部门停止联合惩戒。`,
    ),
  ],
});

/** Filled samples (tests, previews). */
export const DEFAULTER_SAMPLES = {
  defaulter_notice: {
    employerName: '随州市恒达建筑劳务有限公司',
    caseNumber: '随人社监案字〔2026〕第7号',
    responsiblePersons: '法定代表人赵建华',
    facts:
      '你单位拖欠42名农民工2026年8月至10月工资共计628,000.00元，本机关于2026年11月2日责令你单位于2026年11月16日前支付，你单位逾期未支付。',
    ground: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
    owedAmount: 628000,
    statementDays: 5,
    statementDeadline: '2026-12-14',
    periodBasis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》关于列入前告知和陈述、申辩的规定',
  },
  defaulter_statement_record: {
    employerName: '随州市恒达建筑劳务有限公司',
    caseNumber: '随人社监案字〔2026〕第7号',
    responsiblePersons: '法定代表人赵建华',
    facts: '拖欠42名农民工工资共计628,000.00元，逾期未支付。',
    ground: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
    owedAmount: 628000,
    noticeNumber: '随人社监失告字〔2026〕第1号',
    receivedDate: '2026-12-10',
    statement: '建设单位未按期拨付工程款，公司并非恶意拖欠，已筹集部分资金，请求暂缓列入。',
  },
  defaulter_listing_decision: {
    employerName: '随州市恒达建筑劳务有限公司',
    caseNumber: '随人社监案字〔2026〕第7号',
    responsiblePersons: '法定代表人赵建华',
    facts: '拖欠42名农民工工资共计628,000.00元，经责令限期支付，逾期未支付。',
    ground: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
    owedAmount: 628000,
    noticeNumber: '随人社监失告字〔2026〕第1号',
    statementSummary:
      '你单位提出的陈述、申辩称建设单位未拨付工程款，经复核，不影响拖欠事实的认定，不予采纳。',
    decidedDate: '2026-12-18',
    endsDate: '2029-12-18',
    approver: '吴建国',
  },
  defaulter_publication: {
    employerName: '随州市恒达建筑劳务有限公司',
    responsiblePersons: '法定代表人赵建华',
    decisionNumber: '随人社监失决字〔2026〕第1号',
    ground: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
    decidedDate: '2026-12-18',
    endsDate: '2029-12-18',
  },
  defaulter_removal_receipt: {
    employerName: '随州市恒达建筑劳务有限公司',
    decisionNumber: '随人社监失决字〔2026〕第1号',
    appliedDate: '2027-07-01',
    paidDate: '2026-12-28',
    commitment: '今后按时足额支付农民工工资，不再拖欠。',
    reviewDeadline: '2027-07-22',
  },
  defaulter_removal_decision: {
    employerName: '随州市恒达建筑劳务有限公司',
    responsiblePersons: '法定代表人赵建华',
    decisionNumber: '随人社监失决字〔2026〕第1号',
    paidDate: '2026-12-28',
    commitment: '今后按时足额支付农民工工资，不再拖欠。',
    removedDate: '2027-07-15',
    approver: '吴建国',
  },
  defaulter_not_listed_decision: {
    employerName: '随州市恒达建筑劳务有限公司',
    caseNumber: '随人社监案字〔2026〕第7号',
    responsiblePersons: '法定代表人赵建华',
    facts: '拖欠42名农民工工资共计628,000.00元，逾期未支付。',
    ground: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
    owedAmount: 628000,
    noticeNumber: '随人社监失告字〔2026〕第1号',
    reasons: '你单位在告知期间已足额支付拖欠的农民工工资并提交了支付凭证，不再符合列入条件。',
    decidedDate: '2026-12-18',
    approver: '吴建国',
  },
  defaulter_removal_refusal: {
    employerName: '随州市恒达建筑劳务有限公司',
    responsiblePersons: '法定代表人赵建华',
    decisionNumber: '随人社监失决字〔2026〕第1号',
    appliedDate: '2027-07-01',
    reasons: '经核实，你单位尚有3名农民工的工资共计18,000.00元未支付，不属于已足额支付。',
    decidedDate: '2027-07-15',
    endsDate: '2029-12-18',
    approver: '吴建国',
  },
  defaulter_expiry_notice: {
    employerName: '随州市恒达建筑劳务有限公司',
    responsiblePersons: '法定代表人赵建华',
    decisionNumber: '随人社监失决字〔2026〕第1号',
    decidedDate: '2026-12-18',
    endsDate: '2029-12-18',
    removedDate: '2029-12-19',
  },
} as const;

export const DEFAULTER_DOCUMENT_TYPES = [
  'defaulter_notice',
  'defaulter_statement_record',
  'defaulter_listing_decision',
  'defaulter_publication',
  'defaulter_removal_receipt',
  'defaulter_removal_decision',
  'defaulter_not_listed_decision',
  'defaulter_removal_refusal',
  'defaulter_expiry_notice',
] as const;
