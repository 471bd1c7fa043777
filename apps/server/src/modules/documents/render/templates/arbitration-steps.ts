// Over 400 lines on purpose: one template per arbitration step document (model texts of the arbitration document set), read side by side.
import type { Block } from '../model.js';
import {
  ABSENCE_CONSEQUENCE,
  ARBITRATORS_SPEC,
  type AwardItem,
  awardItemBlocks,
  BRING_TO_HEARING,
  CASE_NAME_SPECS,
  caseLine,
  claimsAndDefence,
  FINALITY_LABEL,
  LAW,
  partiesHeading,
  RULES,
  tribunalSignature,
} from './arbitration-parts.js';
import {
  cn,
  d,
  defineTemplate,
  dt,
  h,
  kv,
  list,
  p,
  partySignLabel,
  type RefusedBy,
  type SignedBy,
  signWith,
  tribunalEntries,
  yuan,
} from './template.js';

// Arbitration documents issued by the steps of the proceedings (issue #13, item 3): 仲裁庭组成通知书,
// 延期开庭通知书, 庭审笔录, 先予执行裁决书, 部分（先行）裁决书, 回避决定书, 裁决书补正决定书, and the internal
// 立案审批表 / 仲裁结案审批表. 调解仲裁法 = 《中华人民共和国劳动争议调解仲裁法》; 办案规则 =
// 《劳动人事争议仲裁办案规则》 (人社部令第33号, 2017).

// Shared parts (case specs, parties, claims and defence, award items, signatures): arbitration-parts.ts.

/** 调解仲裁法第三十三条第一款: the grounds on which an arbitrator must step aside. */
const RECUSAL_GROUNDS = [
  '是本案当事人或者当事人、代理人的近亲属的；',
  '与本案有利害关系的；',
  '与本案当事人、代理人有其他关系，可能影响公正裁决的；',
  '私自会见当事人、代理人，或者接受当事人、代理人的请客送礼的。',
];

// ---------------------------------------------------------------------------------------------------
export interface TribunalCompositionNoticeFields {
  addresseeName: string;
  applicantName: string;
  respondentName: string;
  caseCause: string;
  acceptedDate: string;
  presidingArbitrator: string;
  /** The other members (empty: a sole arbitrator) */
  arbitrators?: string[];
  clerk?: string;
}

/**
 * 仲裁庭组成通知书: the commission tells the parties in writing how the tribunal is composed within
 * five days of acceptance (调解仲裁法第三十二条), and of their right to request recusal (第三十三条;
 * 办案规则第十一条: when and how).
 */
export const tribunalCompositionNotice = defineTemplate<TribunalCompositionNoticeFields>({
  type: 'tribunal_composition_notice',
  title: '仲裁庭组成通知书',
  required: [
    { key: 'addresseeName', label: '受通知人' },
    ...CASE_NAME_SPECS,
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'presidingArbitrator', label: '首席（独任）仲裁员' },
  ],
  addressee: (f) => f.addresseeName,
  build: (f, ctx) => {
    const members = f.arbitrators ?? [];
    const seats = tribunalEntries(ctx, [f.presidingArbitrator, ...members], f.clerk);
    return [
      p(
        `本委于${d(f.acceptedDate)}受理的${caseLine(f)}一案，依照${LAW}第三十一条、第三十二条的规定，已组成仲裁庭。现将仲裁庭组成情况通知如下：`,
      ),
      list(seats, false),
      p(`仲裁员有下列情形之一的，应当回避，当事人也有权以口头或者书面方式提出回避申请（${LAW}第三十三条）：`),
      list(RECUSAL_GROUNDS),
      p(
        `回避申请应当说明理由，在案件开始审理时提出；回避事由在案件开始审理后知道的，也可以在庭审辩论终结前提出。本委在回避申请提出之日起三日内作出决定，并通知当事人（${RULES}第十一条、第十二条）。`,
      ),
      p('特此通知。'),
    ];
  },
});

// ---------------------------------------------------------------------------------------------------
export interface PostponementNoticeFields {
  addresseeName: string;
  applicantName: string;
  respondentName: string;
  caseCause: string;
  originalHearingAt: string;
  reason: string;
  newHearingAt: string;
  hearingPlace: string;
  /** Who asked for the postponement and when, as the record states it */
  requestedBy?: string;
}

/**
 * 延期开庭通知书 (调解仲裁法第三十五条; 办案规则第三十八条): the hearing set for a date is postponed for a
 * reason; the new date and place; the consequences of not appearing (第三十六条).
 */
export const postponementNotice = defineTemplate<PostponementNoticeFields>({
  type: 'postponement_notice',
  title: '延期开庭通知书',
  required: [
    { key: 'addresseeName', label: '受通知人' },
    ...CASE_NAME_SPECS,
    { key: 'originalHearingAt', label: '原定开庭时间', kind: 'datetime' },
    { key: 'reason', label: '延期理由' },
    { key: 'newHearingAt', label: '开庭时间', kind: 'datetime' },
    { key: 'hearingPlace', label: '开庭地点' },
  ],
  addressee: (f) => f.addresseeName,
  build: (f) => [
    p(
      `本委受理的${caseLine(f)}一案，原定于${dt(f.originalHearingAt)}开庭审理。${f.requestedBy ? `${f.requestedBy}，` : ''}因${f.reason.replace(/[。；]$/, '')}，依照${LAW}第三十五条和${RULES}第三十八条的规定，本委决定延期开庭。现将改定的开庭时间、地点通知如下：`,
    ),
    kv([
      ['开庭时间', dt(f.newHearingAt)],
      ['开庭地点', f.hearingPlace],
    ]),
    list([BRING_TO_HEARING, ABSENCE_CONSEQUENCE]),
    p('特此通知。'),
  ],
});

// ---------------------------------------------------------------------------------------------------
export interface HearingStatement {
  speaker: string;
  text: string;
}

export interface HearingRecordFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  hearingAt: string;
  hearingPlace: string;
  attendees: string[];
  statements: HearingStatement[];
  arbitrators: string[];
  clerk: string;
  /** The handwritten signatures (PNG, base64) the parties drew on their phones in the online room (issue #20). */
  signatureImages?: SignedBy[];
  /** A party who refused to sign, with the reason (调解仲裁法第四十条: the refusal is recorded). */
  refusals?: RefusedBy[];
}

/**
 * 庭审笔录 (调解仲裁法第四十条; 办案规则第四十二条): who sat and who attended, what was said, the right to
 * ask for a correction of one's own statement, and the signatures of the tribunal, the 书记员, the
 * parties and the other participants.
 */
export const hearingRecord = defineTemplate<HearingRecordFields>({
  type: 'hearing_record',
  title: '庭审笔录',
  required: [
    ...CASE_NAME_SPECS,
    { key: 'hearingAt', label: '开庭时间', kind: 'datetime' },
    { key: 'hearingPlace', label: '开庭地点' },
    { key: 'attendees', label: '到庭人员', kind: 'texts' },
    {
      key: 'statements',
      label: '庭审记录',
      kind: 'items',
      item: [
        { key: 'speaker', label: '陈述人' },
        { key: 'text', label: '陈述内容' },
      ],
    },
    ARBITRATORS_SPEC,
    { key: 'clerk', label: '书记员' },
  ],
  build: (f, ctx) => {
    const seats = tribunalEntries(ctx, f.arbitrators, f.clerk);
    return [
      kv([
        ['案由', caseLine(f)],
        ['开庭时间', dt(f.hearingAt)],
        ['开庭地点', f.hearingPlace],
        ['仲裁庭', seats.filter((s) => !s.startsWith('书记员')).join('；')],
        ['书记员', f.clerk],
        ['到庭人员', f.attendees.join('；')],
      ]),
      h('庭审记录'),
      ...f.statements.map((s): Block => p(`${s.speaker}：${s.text}`)),
      p(
        `以上笔录已交当事人和其他仲裁参加人阅读（或者向其宣读）。当事人和其他仲裁参加人认为对自己陈述的记录有遗漏或者差错的，有权申请补正；不予补正的，应当记录该申请（${LAW}第四十条）。`,
      ),
      signWith(
        [
          ...seats,
          partySignLabel('申请人（签名或者盖章）：', 'worker', f.refusals),
          partySignLabel('被申请人（签名或者盖章）：', 'employer', f.refusals),
          '其他仲裁参加人（签名或者盖章）：',
        ],
        {
          [seats.length]: f.signatureImages?.find((x) => x.role === 'worker')?.png,
          [seats.length + 1]: f.signatureImages?.find((x) => x.role === 'employer')?.png,
        },
      ),
    ];
  },
});

// ---------------------------------------------------------------------------------------------------
export interface AdvanceExecutionItem {
  text: string;
  amount: number;
}

export interface AdvanceExecutionAwardFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  applicationDate: string;
  /** Why the rights and obligations are clear and why not executing now would seriously affect the applicant's life */
  grounds: string;
  items: AdvanceExecutionItem[];
  /** Days from service within which the respondent pays */
  performDays: number;
  arbitrators: string[];
  clerk?: string;
}

/**
 * 先予执行裁决书 (调解仲裁法第四十四条; 办案规则第五十一条): in a case for 劳动报酬, 工伤医疗费, 经济补偿 or
 * 赔偿金, on the worker's application, when the rights and obligations are clear and not executing
 * would seriously affect the applicant's life; the worker need not give security; the award is
 * transferred to the court for execution, and is not open to a suit (最高人民法院《关于审理劳动争议案件
 * 适用法律问题的解释（一）》第十条).
 */
export const advanceExecutionAward = defineTemplate<AdvanceExecutionAwardFields>({
  type: 'advance_execution_award',
  title: '先予执行裁决书',
  required: [
    ...CASE_NAME_SPECS,
    { key: 'applicationDate', label: '先予执行申请日期', kind: 'date' },
    { key: 'grounds', label: '先予执行理由' },
    {
      key: 'items',
      label: '先予执行事项',
      kind: 'items',
      item: [
        { key: 'text', label: '先予执行内容' },
        { key: 'amount', label: '金额', kind: 'amount' },
      ],
    },
    { key: 'performDays', label: '履行期限（日）', kind: 'days' },
    ARBITRATORS_SPEC,
  ],
  build: (f, ctx) => [
    ...partiesHeading(ctx, f),
    p(
      `申请人与被申请人${f.caseCause}争议一案，本委依法受理。申请人于${d(f.applicationDate)}向仲裁庭申请先予执行。`,
    ),
    p(
      `仲裁庭认为：${f.grounds.replace(/[。；]$/, '')}。本案系追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的案件，当事人之间权利义务关系明确，不先予执行将严重影响申请人的生活，符合${LAW}第四十四条规定的先予执行条件；申请人为劳动者，依法可以不提供担保。依照${LAW}第四十四条和${RULES}第五十一条的规定，裁决如下：`,
    ),
    list(
      f.items.map(
        (i) =>
          `被申请人自本裁决书送达之日起${cn(f.performDays)}日内${i.text.replace(/[。；]$/, '')}，金额${yuan(i.amount, { words: true })}。`,
      ),
    ),
    p(
      '本裁决书送达后即发生法律效力。被申请人逾期不履行的，本委依法移送人民法院执行，申请人也可以依法向人民法院申请强制执行。当事人不服本先予执行裁决，向人民法院提起诉讼的，人民法院不予受理（最高人民法院《关于审理劳动争议案件适用法律问题的解释（一）》第十条）；本案其余仲裁请求由仲裁庭继续审理并依法裁决。',
    ),
    tribunalSignature(ctx, f),
  ],
});

// ---------------------------------------------------------------------------------------------------
export interface PartialAwardFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  claims: string[];
  facts: string;
  reasons: string;
  items: AwardItem[];
  /** The claims still being heard */
  remaining: string;
  arbitrators: string[];
  clerk?: string;
}

/**
 * 部分裁决书（先行裁决）: part of the facts is clear, that part is decided first (调解仲裁法第四十三条第二款;
 * 办案规则第四十九条); each item final or not with its remedy (第四十七条至第五十条), the rest heard on.
 */
export const partialAward = defineTemplate<PartialAwardFields>({
  type: 'partial_award',
  title: '部分裁决书',
  required: [
    ...CASE_NAME_SPECS,
    { key: 'claims', label: '仲裁请求', kind: 'texts' },
    { key: 'facts', label: '已查明的事实' },
    { key: 'reasons', label: '裁决理由' },
    {
      key: 'items',
      label: '先行裁决事项',
      kind: 'items',
      item: [
        { key: 'text', label: '裁决内容' },
        { key: 'finality', label: '终局/非终局', kind: 'choice', choices: FINALITY_LABEL },
      ],
    },
    { key: 'remaining', label: '继续审理的请求' },
    ARBITRATORS_SPEC,
  ],
  build: (f, ctx) => [
    ...partiesHeading(ctx, f),
    p(
      `申请人与被申请人${f.caseCause}争议一案，本委依法受理并组成仲裁庭进行审理。审理中，仲裁庭认为本案部分事实已经清楚，依照${LAW}第四十三条第二款和${RULES}第四十九条的规定，就该部分先行裁决。`,
    ),
    ...claimsAndDefence(ctx, f.claims),
    h('三、本委已查明'),
    p(f.facts),
    h('四、本委认为'),
    p(f.reasons),
    h('五、先行裁决如下'),
    ...awardItemBlocks(f.items),
    h('六、继续审理的事项'),
    p(`申请人的其他仲裁请求（${f.remaining.replace(/[。；]$/, '')}），仲裁庭继续审理，另行裁决。`),
    tribunalSignature(ctx, f),
  ],
});

// ---------------------------------------------------------------------------------------------------
const RECUSAL_DECISIONS = { granted: '准许回避', refused: '驳回回避申请' } as const;

export interface RecusalDecisionFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  requesterName: string;
  requestedDate: string;
  targetName: string;
  /** 仲裁员 / 首席仲裁员 / 书记员 */
  targetRole: string;
  ground: string;
  decision: keyof typeof RECUSAL_DECISIONS;
  reasons: string;
  /** Who decided (仲裁委员会主任 or the 仲裁院负责人 he authorised, 办案规则第十二条), by name */
  decidedBy: string;
}

/**
 * 回避决定书 (调解仲裁法第三十三条; 办案规则第十一条、第十二条): the request, who asked and on what ground,
 * the decision of the commission's chair (or the authorised head of the arbitration institute) within
 * three days, and what follows.
 */
export const recusalDecision = defineTemplate<RecusalDecisionFields>({
  type: 'recusal_decision',
  title: '回避决定书',
  required: [
    ...CASE_NAME_SPECS,
    { key: 'requesterName', label: '申请回避人' },
    { key: 'requestedDate', label: '回避申请日期', kind: 'date' },
    { key: 'targetName', label: '被申请回避人' },
    { key: 'targetRole', label: '被申请回避人职务' },
    { key: 'ground', label: '回避申请理由' },
    { key: 'decision', label: '决定', kind: 'choice', choices: RECUSAL_DECISIONS },
    { key: 'reasons', label: '决定理由' },
    { key: 'decidedBy', label: '决定人' },
  ],
  build: (f) => {
    const outcome =
      f.decision === 'granted'
        ? `准许回避，${f.targetRole}${f.targetName}不再参与本案的审理。本委将依法另行指定${f.targetRole}，并将仲裁庭组成情况书面通知双方当事人。`
        : `驳回回避申请，${f.targetRole}${f.targetName}继续参与本案的审理。`;
    return [
      p(`申请人：${f.applicantName}`),
      p(`被申请人：${f.respondentName}`),
      p(
        `申请人与被申请人${f.caseCause}争议一案，${f.requesterName}于${d(f.requestedDate)}以“${f.ground.replace(/[。；]$/, '')}”为由，申请本案${f.targetRole}${f.targetName}回避。`,
      ),
      p(`经审查，${f.reasons.replace(/[。；]$/, '')}。`),
      p(`依照${LAW}第三十三条和${RULES}第十一条、第十二条的规定，经${f.decidedBy}决定如下：${outcome}`),
      p('本决定作出后即送达双方当事人。'),
    ];
  },
});

// ---------------------------------------------------------------------------------------------------
export interface AwardCorrection {
  location: string;
  original: string;
  corrected: string;
}

export interface AwardCorrectionDecisionFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  awardNumber: string;
  awardDate: string;
  /** 文字错误 / 计算错误 / 遗漏事项 */
  errorKind: string;
  corrections: AwardCorrection[];
  arbitrators: string[];
  clerk?: string;
}

/**
 * 裁决书补正决定书 (办案规则第五十四条): the tribunal corrects a clerical or arithmetical error, or an item
 * decided but left out, of a named award (文号 and date), quoting the original and the corrected text.
 * Unlike a 更正 of the system's own documents (documents.correction.ts), the award is not superseded:
 * the decision is part of it.
 */
export const awardCorrectionDecision = defineTemplate<AwardCorrectionDecisionFields>({
  type: 'award_correction_decision',
  title: '裁决书补正决定书',
  required: [
    ...CASE_NAME_SPECS,
    { key: 'awardNumber', label: '被补正裁决书文号' },
    { key: 'awardDate', label: '裁决日期', kind: 'date' },
    { key: 'errorKind', label: '补正事由' },
    {
      key: 'corrections',
      label: '补正事项',
      kind: 'items',
      item: [
        { key: 'location', label: '位置' },
        { key: 'original', label: '原文' },
        { key: 'corrected', label: '补正为' },
      ],
    },
    ARBITRATORS_SPEC,
  ],
  build: (f, ctx) => [
    p(`申请人：${f.applicantName}`),
    p(`被申请人：${f.respondentName}`),
    p(
      `申请人与被申请人${f.caseCause}争议一案，本委于${d(f.awardDate)}作出${f.awardNumber}裁决书。经审查，该裁决书存在${f.errorKind.replace(/[。；]$/, '')}。依照${RULES}第五十四条的规定，决定补正如下：`,
    ),
    list(f.corrections.map((c) => `${c.location}“${c.original}”补正为“${c.corrected}”。`)),
    p(`本决定书是${f.awardNumber}裁决书的组成部分，与该裁决书具有同等效力；该裁决书的其他内容不变。`),
    tribunalSignature(ctx, f),
  ],
});

// ---------------------------------------------------------------------------------------------------
/** The approval part of an internal form: filled only from the approver's own action in the app. */
interface ApprovalPart {
  handlerName: string;
  handlerOpinion: string;
  requestedDate: string;
  approverName: string;
  approverOpinion: string;
  approvedDate: string;
}

const APPROVAL_SPECS = [
  { key: 'handlerName', label: '承办人' },
  { key: 'handlerOpinion', label: '承办人意见' },
  { key: 'requestedDate', label: '报批日期', kind: 'date' },
  { key: 'approverName', label: '审批人' },
  { key: 'approverOpinion', label: '审批意见' },
  { key: 'approvedDate', label: '审批日期', kind: 'date' },
] as const;

const approvalRows = (f: ApprovalPart): [string, string][] => [
  [
    '承办人意见',
    `${f.handlerOpinion.replace(/[。；]$/, '')}。（承办人：${f.handlerName}，${d(f.requestedDate)}）`,
  ],
  [
    '审批意见',
    `${f.approverOpinion.replace(/[。；]$/, '')}。（审批人：${f.approverName}，${d(f.approvedDate)}）`,
  ],
];

export interface ArbitrationFilingApprovalFields extends ApprovalPart {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  receivedDate: string;
  claims: string[];
}

/**
 * 立案审批表 (internal; 仲裁文书样式 立案（组庭）审批表; 办案规则第三十条、第三十一条): parties, the claims
 * with amounts, the handler's opinion, and the approver's opinion and date, recorded from the
 * approver's action (the approval date is the acceptance date, 调解仲裁法第二十九条).
 */
export const arbitrationFilingApproval = defineTemplate<ArbitrationFilingApprovalFields>({
  type: 'arbitration_filing_approval',
  title: '立案审批表',
  required: [
    ...CASE_NAME_SPECS,
    { key: 'receivedDate', label: '收件日期', kind: 'date' },
    { key: 'claims', label: '仲裁请求', kind: 'texts' },
    ...APPROVAL_SPECS,
  ],
  build: (f) => [
    kv([
      ['申请人', f.applicantName],
      ['被申请人', f.respondentName],
      ['案由', `${f.caseCause}争议`],
      ['收件日期', d(f.receivedDate)],
      ['仲裁请求', f.claims.map((c, i) => `${i + 1}.${c.replace(/[。；]$/, '')}`).join('；')],
      ...approvalRows(f),
    ]),
    p('本表为内部审批文书，不对外公开核验；审批人意见及日期由审批人本人在系统中审批时生成。'),
  ],
});

export interface ArbitrationClosingApprovalFields extends ApprovalPart {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  acceptedDate: string;
  outcome: string;
  amount?: number;
  arbitrators?: string[];
}

/**
 * 仲裁结案审批表 (internal; 办案规则第二十一条至第二十四条: the case file is closed and kept): how the case
 * ended, the amount, the tribunal, the handler's and the approver's opinion and date.
 */
export const arbitrationClosingApproval = defineTemplate<ArbitrationClosingApprovalFields>({
  type: 'arbitration_closing_approval',
  title: '仲裁结案审批表',
  required: [
    ...CASE_NAME_SPECS,
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'outcome', label: '结案方式' },
    ...APPROVAL_SPECS,
  ],
  build: (f, ctx) => {
    const rows: [string, string][] = [
      ['申请人', f.applicantName],
      ['被申请人', f.respondentName],
      ['案由', `${f.caseCause}争议`],
      ['受理日期', d(f.acceptedDate)],
      ['结案方式', f.outcome],
    ];
    if (f.amount !== undefined) rows.push(['涉案金额', yuan(f.amount)]);
    const seats = tribunalEntries(ctx, f.arbitrators ?? []);
    if (seats.length) rows.push(['仲裁庭', seats.join('；')]);
    rows.push(...approvalRows(f));
    return [
      kv(rows),
      p('本表为内部审批文书，不对外公开核验；审批人意见及日期由审批人本人在系统中审批时生成。'),
    ];
  },
});

// ---------------------------------------------------------------------------------------------------
/** Realistic sample fields of the types above (the table-driven element test renders each). */
export const ARBITRATION_STEP_SAMPLES: {
  tribunal_composition_notice: TribunalCompositionNoticeFields;
  postponement_notice: PostponementNoticeFields;
  hearing_record: HearingRecordFields;
  advance_execution_award: AdvanceExecutionAwardFields;
  partial_award: PartialAwardFields;
  recusal_decision: RecusalDecisionFields;
  award_correction_decision: AwardCorrectionDecisionFields;
  arbitration_filing_approval: ArbitrationFilingApprovalFields;
  arbitration_closing_approval: ArbitrationClosingApprovalFields;
} = {
  tribunal_composition_notice: {
    addresseeName: '刘䶮',
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    acceptedDate: '2026-11-20',
    presidingArbitrator: '周明',
    arbitrators: ['李红', '张国强'],
    clerk: '赵丽',
  },
  postponement_notice: {
    addresseeName: '随州市恒达机械制造有限公司',
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    originalHearingAt: '2026-12-08T09:00',
    reason: '被申请人的委托代理人同日另有庭审，于开庭三日前书面申请延期',
    newHearingAt: '2026-12-15T14:30',
    hearingPlace: '第一仲裁庭（随州市曾都区沿江大道58号3楼）',
    requestedBy: '被申请人于2026年12月3日提出申请',
  },
  hearing_record: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    hearingAt: '2026-12-15T14:30',
    hearingPlace: '第一仲裁庭（随州市曾都区沿江大道58号3楼）',
    attendees: ['申请人刘䶮及其委托代理人陈律到庭', '被申请人委托代理人孙明到庭'],
    statements: [
      { speaker: '首席仲裁员', text: '现在开庭。核对当事人身份，告知仲裁庭组成人员，当事人是否申请回避？' },
      { speaker: '申请人', text: '不申请回避。请求被申请人支付2026年8月至10月工资15,600.00元。' },
      { speaker: '被申请人', text: '不申请回避。剩余工资因资金周转困难暂缓发放。' },
    ],
    arbitrators: ['周明', '李红', '张国强'],
    clerk: '赵丽',
  },
  advance_execution_award: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    applicationDate: '2026-12-01',
    grounds:
      '被申请人对拖欠申请人2026年8月至10月工资的事实无异议，申请人系家庭唯一收入来源，长期未领取工资已无力支付房租和子女学费',
    items: [{ text: '支付申请人2026年8月至10月工资', amount: 15600 }],
    performDays: 5,
    arbitrators: ['周明', '李红', '张国强'],
    clerk: '赵丽',
  },
  partial_award: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    claims: ['支付2026年8月至10月工资15,600.00元', '支付违法解除劳动合同赔偿金36,000.00元'],
    facts: '申请人2026年8月至10月工资未发放。',
    reasons: '被申请人对欠薪事实无异议，该部分事实已经清楚。',
    items: [{ text: '被申请人支付申请人2026年8月至10月工资', finality: 'final', amount: 15600 }],
    remaining: '支付违法解除劳动合同赔偿金36,000.00元',
    arbitrators: ['周明', '李红', '张国强'],
    clerk: '赵丽',
  },
  recusal_decision: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    requesterName: '被申请人随州市恒达机械制造有限公司',
    requestedDate: '2026-12-02',
    targetName: '李红',
    targetRole: '仲裁员',
    ground: '仲裁员李红系申请人委托代理人陈律的表姐',
    decision: 'granted',
    reasons: '仲裁员李红与申请人的委托代理人陈律系近亲属，属于应当回避的情形',
    decidedBy: '仲裁委员会主任吴建国',
  },
  award_correction_decision: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    awardNumber: '随劳人仲裁字〔2026〕第15号',
    awardDate: '2026-12-20',
    errorKind: '文字错误',
    corrections: [
      {
        location: '第一页“本委查明”部分第二行',
        original: '申请人于2024年9月10日入职',
        corrected: '申请人于2024年9月1日入职',
      },
    ],
    arbitrators: ['周明', '李红', '张国强'],
    clerk: '赵丽',
  },
  arbitration_filing_approval: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    receivedDate: '2026-11-18',
    claims: ['支付2026年8月至10月工资15,600.00元'],
    handlerName: '陈晓燕',
    handlerOpinion: '申请人主体适格，有明确的被申请人和具体的仲裁请求，属于本委受理范围和管辖，建议受理',
    requestedDate: '2026-11-19',
    approverName: '吴建国',
    approverOpinion: '同意受理',
    approvedDate: '2026-11-20',
  },
  arbitration_closing_approval: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    caseCause: '劳动报酬',
    acceptedDate: '2026-11-20',
    outcome: '裁决结案（终局裁决）',
    amount: 15600,
    arbitrators: ['周明', '李红', '张国强'],
    handlerName: '赵丽',
    handlerOpinion: '裁决书已送达双方当事人，案卷材料齐全，建议结案归档',
    requestedDate: '2026-12-28',
    approverName: '吴建国',
    approverOpinion: '同意结案',
    approvedDate: '2026-12-29',
  },
};
