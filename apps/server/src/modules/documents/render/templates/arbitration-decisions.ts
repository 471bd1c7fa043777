import type { Block } from '../model.js';
import { cn, d, defineTemplate, dt, kv, list, p } from './template.js';

// Arbitration decisions and notices during the proceedings (《劳动争议调解仲裁法》第三十一条至第五十条, 《劳动人事争议仲裁办案规则》第五十六条至第六十七条, 《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条, 《劳动人事争议仲裁办案规则》第六十三条; arbitration documents, 劳动人事争议仲裁文书样式).
// 调解仲裁法 = 《中华人民共和国劳动争议调解仲裁法》; 办案规则 = 《劳动人事争议仲裁办案规则》 (2017).

const parties = (applicantName: string, respondentName: string): Block[] => [
  p(`申请人：${applicantName}`),
  p(`被申请人：${respondentName}`),
];

export interface SuspensionDecisionFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  acceptedDate: string;
  ground: string;
  detail?: string;
  approver: string;
}

/** 中止审理决定书 (办案规则第四十七条): the ground, approval, and that the award period does not run. */
export const suspensionDecision = defineTemplate<SuspensionDecisionFields>({
  type: 'suspension_decision',
  title: '中止审理决定书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'ground', label: '中止事由' },
    { key: 'approver', label: '批准人' },
  ],
  build: (f) => [
    ...parties(f.applicantName, f.respondentName),
    p(
      `申请人与被申请人${f.caseCause}争议一案，本委于${d(f.acceptedDate)}受理。审理中，因${f.ground}${f.detail ? `（${f.detail}）` : ''}，本案须中止审理。`,
    ),
    p(
      `依照《劳动人事争议仲裁办案规则》第四十七条的规定，经${f.approver}批准，决定如下：本案中止审理。中止审理期间不计入仲裁审理期限；中止审理的情形消除后，本委将恢复审理并书面通知双方当事人。`,
    ),
  ],
});

export interface ResumptionNoticeFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  suspendedDate: string;
  reason: string;
  awardDueDate?: string;
}

/** 恢复审理通知书: the suspension ground has gone; the award period continues. */
export const resumptionNotice = defineTemplate<ResumptionNoticeFields>({
  type: 'resumption_notice',
  title: '恢复审理通知书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'suspendedDate', label: '中止审理日期', kind: 'date' },
    { key: 'reason', label: '恢复审理理由' },
  ],
  build: (f) => [
    ...parties(f.applicantName, f.respondentName),
    p(
      `申请人与被申请人${f.caseCause}争议一案，本委于${d(f.suspendedDate)}决定中止审理。现因${f.reason}，中止审理的情形已经消除，本委决定自即日起恢复审理。`,
    ),
    p(
      `仲裁审理期限自恢复审理之日起继续计算${f.awardDueDate ? `，审理期限届满日为${d(f.awardDueDate)}` : ''}（《劳动人事争议仲裁办案规则》第四十七条）。请双方当事人按本委通知参加仲裁活动。`,
    ),
  ],
});

export interface ExtensionNoticeFields {
  addresseeName: string;
  applicantName: string;
  respondentName: string;
  caseCause: string;
  acceptedDate: string;
  days: number;
  originalDueDate: string;
  newDueDate: string;
  approver: string;
  reason: string;
}

/** 延长审理期限通知书 (调解仲裁法第四十三条; 办案规则第四十五条): ≤15 days, approved, parties told in writing. */
export const extensionNotice = defineTemplate<ExtensionNoticeFields>({
  type: 'extension_notice',
  title: '延长审理期限通知书',
  required: [
    { key: 'addresseeName', label: '受通知人' },
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'days', label: '延长天数', kind: 'days' },
    { key: 'originalDueDate', label: '原审理期限届满日', kind: 'date' },
    { key: 'newDueDate', label: '延长后审理期限届满日', kind: 'date' },
    { key: 'approver', label: '批准人' },
    { key: 'reason', label: '延长理由' },
  ],
  addressee: (f) => f.addresseeName,
  build: (f) => [
    p(
      `本委于${d(f.acceptedDate)}受理的${f.applicantName}与${f.respondentName}${f.caseCause}争议一案，因${f.reason}，不能在规定期限内结束。`,
    ),
    p(
      `依照《中华人民共和国劳动争议调解仲裁法》第四十三条第一款和《劳动人事争议仲裁办案规则》第四十五条的规定，经${f.approver}书面批准，本案审理期限延长${cn(f.days)}日，由${d(f.originalDueDate)}延长至${d(f.newDueDate)}。`,
    ),
    p('特此通知。'),
  ],
});

export interface WithdrawalDecisionFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  acceptedDate: string;
  withdrawalDate: string;
  reason: string;
  consents?: string[];
}

/** 准予撤回仲裁申请决定书 (调解仲裁法第四十一条; 《劳动争议调解仲裁法》第三十一条至第五十条 WITHDRAWN ⇒ 决定书 (准予撤回)). */
export const withdrawalDecision = defineTemplate<WithdrawalDecisionFields>({
  type: 'withdrawal_decision',
  title: '准予撤回仲裁申请决定书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'withdrawalDate', label: '撤回申请日期', kind: 'date' },
    { key: 'reason', label: '撤回理由' },
  ],
  build: (f) => {
    const blocks: Block[] = [
      ...parties(f.applicantName, f.respondentName),
      p(
        `申请人与被申请人${f.caseCause}争议一案，本委于${d(f.acceptedDate)}受理。申请人于${d(f.withdrawalDate)}向本委提出撤回仲裁申请，理由：${f.reason}。`,
      ),
    ];
    if (f.consents?.length) {
      blocks.push(p('本案为集体劳动人事争议，撤回申请已取得被代表的劳动者书面同意：'), list(f.consents));
    }
    blocks.push(
      p(
        '本委经审查认为，申请人撤回仲裁申请系其真实意思表示，不违反法律规定。依照《中华人民共和国劳动争议调解仲裁法》第四十一条的规定，决定如下：准许申请人撤回仲裁申请，本案终结审理。',
      ),
    );
    return blocks;
  },
});

export interface DeemedWithdrawalDecisionFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  acceptedDate: string;
  hearingAt: string;
  /** How the 开庭通知书 reached the applicant (the proof the decision rests on). */
  serviceProof: string;
  reason: string;
}

/**
 * 按撤回仲裁申请处理决定书 (调解仲裁法第三十六条第一款; 办案规则第三十九条): the applicant, served with the
 * written hearing notice, did not appear without good reason (or left without leave).
 */
export const deemedWithdrawalDecision = defineTemplate<DeemedWithdrawalDecisionFields>({
  type: 'deemed_withdrawal_decision',
  title: '按撤回仲裁申请处理决定书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'hearingAt', label: '开庭时间' },
    { key: 'serviceProof', label: '开庭通知送达情况' },
    { key: 'reason', label: '未到庭情况' },
  ],
  build: (f) => [
    ...parties(f.applicantName, f.respondentName),
    p(
      `申请人与被申请人${f.caseCause}争议一案，本委于${d(f.acceptedDate)}受理。本委定于${f.hearingAt}开庭审理，开庭通知书已送达申请人（${f.serviceProof}）。${f.reason}。`,
    ),
    p(
      '依照《中华人民共和国劳动争议调解仲裁法》第三十六条第一款和《劳动人事争议仲裁办案规则》第三十九条第一款的规定，决定如下：本案按申请人撤回仲裁申请处理。',
    ),
    p('申请人可以就同一争议重新申请仲裁（仍须在仲裁时效期间内），或者依法向人民法院提起诉讼。'),
  ],
});

export interface CollectiveNoticeFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  acceptedDate: string;
  presidingArbitrator: string;
  arbitrators: string[];
  clerk?: string;
  defencePeriod: string;
  evidenceDeadline: string;
  hearingAt: string;
  hearingPlace: string;
}

/**
 * 集体劳动人事争议一次性告知书 (办案规则第六十三条, 《劳动人事争议仲裁办案规则》第六十三条): within five days of acceptance the parties
 * are told ONCE of the tribunal, the defence period, the evidence period and the hearing date and place.
 */
export const collectiveNotice = defineTemplate<CollectiveNoticeFields>({
  type: 'collective_notice',
  title: '集体劳动人事争议仲裁告知书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'presidingArbitrator', label: '首席仲裁员' },
    { key: 'arbitrators', label: '仲裁员', kind: 'texts' },
    { key: 'defencePeriod', label: '答辩期间' },
    { key: 'evidenceDeadline', label: '举证期限', kind: 'date' },
    { key: 'hearingAt', label: '开庭时间', kind: 'datetime' },
    { key: 'hearingPlace', label: '开庭地点' },
  ],
  addressee: (f) => `${f.applicantName}、${f.respondentName}`,
  build: (f) => {
    const rows: [string, string][] = [
      ['案由', `${f.applicantName}与${f.respondentName}${f.caseCause}争议（集体劳动人事争议）`],
      ['受理日期', d(f.acceptedDate)],
      ['首席仲裁员', f.presidingArbitrator],
      ['仲裁员', f.arbitrators.join('、')],
    ];
    if (f.clerk) rows.push(['书记员', f.clerk]);
    rows.push(
      ['答辩期间', f.defencePeriod],
      ['举证期限', `${d(f.evidenceDeadline)}前`],
      ['开庭时间', dt(f.hearingAt)],
      ['开庭地点', f.hearingPlace],
    );
    return [
      p(
        '依照《劳动人事争议仲裁办案规则》第六十三条的规定，现将本案仲裁庭组成人员、答辩期间、举证期限、开庭日期和地点一次性告知如下：',
      ),
      kv(rows),
      list([
        '当事人认为仲裁庭组成人员有应当回避情形的，可以在首次开庭前提出回避申请并说明理由。',
        '被申请人逾期未提交答辩书的，不影响仲裁程序的进行。',
        '当事人应当在举证期限内提交证据；逾期提交的，仲裁庭可以不予采纳。',
        '劳动者一方的代表人参加仲裁活动的行为对其所代表的当事人发生效力；代表人变更、放弃仲裁请求或者承认对方当事人的仲裁请求，进行和解，必须经被代表的当事人同意。',
        '申请人收到书面通知，无正当理由拒不到庭的，可以按撤回仲裁申请处理；被申请人收到书面通知，无正当理由拒不到庭的，可以缺席裁决（《中华人民共和国劳动争议调解仲裁法》第三十六条）。',
      ]),
    ];
  },
});

export interface SimplifiedNoticeFields {
  addresseeName: string;
  applicantName: string;
  respondentName: string;
  caseCause: string;
  arbitrator: string;
  serviceChannel: string;
  defencePeriod: string;
  grounds?: string;
  hearing?: string;
}

/**
 * 简易处理通知书 (办案规则第五十六条至第六十一条): the case is handled simply, by a sole arbitrator; notices
 * other than the 调解书 and 裁决书 may be served by phone, SMS, fax or e-mail; the defence period may be
 * shortened or cancelled with the respondent's consent (第五十八条).
 */
export const simplifiedNotice = defineTemplate<SimplifiedNoticeFields>({
  type: 'simplified_notice',
  title: '简易处理通知书',
  required: [
    { key: 'addresseeName', label: '受通知人' },
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'arbitrator', label: '仲裁员' },
    { key: 'serviceChannel', label: '送达方式' },
    { key: 'defencePeriod', label: '答辩期间' },
  ],
  addressee: (f) => f.addresseeName,
  build: (f) => {
    const rows: [string, string][] = [
      ['案由', `${f.applicantName}与${f.respondentName}${f.caseCause}争议`],
      ['审理方式', '简易处理'],
      ['仲裁员', f.arbitrator],
      ['答辩期间', f.defencePeriod],
      ['本通知送达方式', f.serviceChannel],
    ];
    if (f.grounds) rows.splice(2, 0, ['适用情形', f.grounds]);
    if (f.hearing) rows.push(['开庭安排', f.hearing]);
    return [
      p(
        '依照《劳动人事争议仲裁办案规则》第五十六条至第六十一条的规定，本委决定对下列案件适用简易处理，现通知如下：',
      ),
      kv(rows),
      list([
        '简易处理的案件，经与被申请人协商同意，仲裁庭可以缩短或者取消答辩期（第五十八条）。',
        '除调解书、裁决书外，本委可以通过电话、短信、传真、电子邮件等简便方式送达仲裁文书；以上述方式送达开庭通知，未经当事人确认或者没有其他证据证明当事人已经收到的，不得按撤回仲裁申请处理或者缺席裁决。',
        '仲裁庭可以根据案件情况确定举证期限、开庭日期、审理程序和文书制作方式，但应当保障当事人陈述意见的权利。',
        '案件不宜简易处理的，仲裁庭将在审理期限届满前转为普通程序并通知当事人（第六十一条）。',
      ]),
    ];
  },
});
