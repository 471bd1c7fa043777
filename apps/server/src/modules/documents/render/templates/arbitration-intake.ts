import type { Block } from '../model.js';
import { cn, d, defineTemplate, dt, h, list, p, sign } from './template.js';

// Arbitration intake documents (《劳动争议调解仲裁法》第二十八条至第三十条, receipt, 《劳动人事争议仲裁办案规则》第二十九条–arbitration documents, 劳动人事争议仲裁文书样式). Law cited: 《劳动争议调解仲裁法》 (调解仲裁法),
// 《劳动人事争议仲裁办案规则》 (办案规则, 2017).

export interface ReceiptMaterial {
  title: string;
  /** 原件 or 复印件 */
  form: '原件' | '复印件';
  pages: number;
  copies?: number;
}

export interface ReceiptFields {
  applicantName: string;
  /** starts the five-day acceptance clock (办案规则 Art. 29) */
  receivedAt: string;
  channel: string;
  materials: ReceiptMaterial[];
  handler: string;
  intakeNo?: string;
  missingItems?: string[];
  correctionDeadline?: string;
}

export const receipt = defineTemplate<ReceiptFields>({
  type: 'receipt',
  title: '收件回执',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'receivedAt', label: '收件时间', kind: 'datetime' },
    { key: 'channel', label: '提交方式' },
    {
      key: 'materials',
      label: '收到材料',
      kind: 'items',
      item: [
        { key: 'title', label: '材料名称' },
        { key: 'form', label: '原件或复印件' },
        { key: 'pages', label: '页数' },
      ],
    },
    { key: 'handler', label: '经办人' },
  ],
  addressee: (f) => f.applicantName,
  build: (f) => {
    const pages = f.materials.reduce((sum, m) => sum + m.pages * (m.copies ?? 1), 0);
    const blocks: Block[] = [
      p(
        `你于${dt(f.receivedAt)}通过${f.channel}提交的劳动人事争议仲裁申请材料已收到` +
          (f.intakeNo ? `（收件编号：${f.intakeNo}）` : '') +
          '，清单如下：',
      ),
      {
        kind: 'table',
        header: ['序号', '材料名称', '原件/复印件', '份数', '页数'],
        rows: f.materials.map((m, i) => [
          String(i + 1),
          m.title,
          m.form,
          String(m.copies ?? 1),
          String(m.pages),
        ]),
        widths: [1, 5, 2, 1, 1],
      },
      p(`以上材料共${f.materials.length}项，合计${pages}页。`),
    ];
    if (f.missingItems?.length) {
      const by = f.correctionDeadline ? `请于${d(f.correctionDeadline)}前` : '请';
      blocks.push(p(`经初步审查，尚需补正下列材料，${by}一次性补齐：`), list(f.missingItems));
    }
    blocks.push(
      p(
        '本回执仅证明本委已收到上述材料，不表示仲裁申请已被受理。本委将自收到符合要求的仲裁申请之日起五日内决定是否受理，并书面通知你。',
      ),
      sign(`经办人：${f.handler}`, '申请人（签名）：'),
    );
    return blocks;
  },
});

export interface CorrectionNoticeFields {
  applicantName: string;
  receivedDate: string;
  missingItems: string[];
  deadline: string;
  consequence?: string;
  /** A second notice (办案规则第二十九条: items found only in the corrected materials): the first one. */
  previousNotice?: { number: string; date: string };
}

export const correctionNotice = defineTemplate<CorrectionNoticeFields>({
  type: 'correction_notice',
  title: '补正通知书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'receivedDate', label: '收件日期', kind: 'date' },
    { key: 'missingItems', label: '需补正材料', kind: 'texts' },
    { key: 'deadline', label: '补正期限', kind: 'date' },
  ],
  addressee: (f) => f.applicantName,
  build: (f) => [
    p(
      f.previousNotice
        ? `你于${d(f.receivedDate)}提交的劳动人事争议仲裁申请，本委已于${d(f.previousNotice.date)}以${f.previousNotice.number}补正通知书告知需要补正的材料。经对你补正后的材料审查，发现下列新的需要补正的事项（本通知为第二次补正通知，仅列新增事项；第一次通知所列事项尚未补正的，仍应一并补正）。根据《劳动人事争议仲裁办案规则》第二十九条的规定，告知如下：`
        : `你于${d(f.receivedDate)}提交的劳动人事争议仲裁申请，经审查，申请材料不齐全或者不符合规定。根据《劳动人事争议仲裁办案规则》第二十九条的规定，现一次性告知你需要补正的全部材料如下：`,
    ),
    list(f.missingItems),
    p(`请你于${d(f.deadline)}前将上述材料一次性补正齐全。受理审查期限自本委收到补正材料之日起计算。`),
    p(f.consequence ?? '逾期未补正的，本委将依法不予受理。'),
  ],
});

export interface AcceptanceNoticeFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  submittedDate: string;
  evidenceDeadline: string;
  evidenceItems?: string[];
  tribunal?: string;
  hearing?: string;
}

const RIGHTS = [
  '委托一至二名代理人参加仲裁活动，代理人应当向本委提交授权委托书，明确委托事项和权限；',
  '认为仲裁员有法定回避情形的，在案件开庭审理前提出回避申请，回避事由在案件开庭审理后知道的，也可以在庭审辩论终结前提出；',
  '提供证据、进行质证和辩论，在仲裁过程中自行和解或者申请调解；',
  '在仲裁庭作出裁决前变更、放弃或者增加仲裁请求；',
  '符合条件的，可以向法律援助机构申请法律援助。',
];
const DUTIES = [
  '按时参加庭审，遵守仲裁庭纪律；',
  '如实陈述案件事实，对自己提出的主张提供证据；',
  '尊重对方当事人和其他仲裁参加人；',
  '自觉履行发生法律效力的调解书和裁决书。',
];

export const acceptanceNotice = defineTemplate<AcceptanceNoticeFields>({
  type: 'acceptance_notice',
  title: '受理通知书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'submittedDate', label: '申请日期', kind: 'date' },
    { key: 'evidenceDeadline', label: '举证期限', kind: 'date' },
  ],
  addressee: (f) => f.applicantName,
  build: (f) => {
    const blocks: Block[] = [
      p(
        `你于${d(f.submittedDate)}向本委提出的与${f.respondentName}${f.caseCause}争议仲裁申请，经审查，符合《中华人民共和国劳动争议调解仲裁法》第二十九条和《劳动人事争议仲裁办案规则》第三十条规定的受理条件，本委决定予以受理。现将有关事项通知如下：`,
      ),
      h('一、送达与委托'),
      p(
        '请你在送达回证上签名或者盖章。委托代理人参加仲裁活动的，请自收到本通知书之日起十日内向本委提交授权委托书；用人单位申请人应当同时提交法定代表人（主要负责人）身份证明书。',
      ),
      h('二、举证'),
      p(`请你于${d(f.evidenceDeadline)}前向本委提交证据材料，逾期提交的，仲裁庭可以不予采纳。`),
    ];
    if (f.evidenceItems?.length) blocks.push(p('需补充提交的证据材料：'), list(f.evidenceItems));
    blocks.push(h('三、当事人的权利'), list(RIGHTS), h('四、当事人的义务'), list(DUTIES));
    if (f.tribunal || f.hearing) {
      blocks.push(h('五、仲裁庭与开庭'));
      if (f.tribunal) blocks.push(p(`仲裁庭组成：${f.tribunal}。`));
      if (f.hearing) blocks.push(p(f.hearing));
    }
    blocks.push(
      p('本委在仲裁过程中将根据自愿原则组织调解。你如需法律援助，可以到本中心法律援助窗口咨询申请。'),
    );
    return blocks;
  },
});

export interface NoticeToRespondFields {
  respondentName: string;
  applicantName: string;
  caseCause: string;
  defenceDays: number;
  evidenceDeadline: string;
  /** 单位代表码, added when the issued file is rendered (never stored in the fields). */
  representativeCode?: string;
  portalUrl?: string;
}

export const noticeToRespond = defineTemplate<NoticeToRespondFields>({
  type: 'notice_to_respond',
  title: '应诉通知书',
  required: [
    { key: 'respondentName', label: '被申请人' },
    { key: 'applicantName', label: '申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'defenceDays', label: '答辩期限（日）', kind: 'days' },
    { key: 'evidenceDeadline', label: '举证期限', kind: 'date' },
  ],
  addressee: (f) => f.respondentName,
  build: (f) => [
    p(
      `${f.applicantName}与你（单位）${f.caseCause}争议一案，本委已依法受理。现将仲裁申请书副本送达你（单位），并将有关事项通知如下：`,
    ),
    list([
      `你（单位）应当自收到仲裁申请书副本之日起${cn(f.defenceDays)}日内向本委提交答辩书一式两份。逾期未提交答辩书的，不影响仲裁程序的进行（《中华人民共和国劳动争议调解仲裁法》第三十条）。`,
      `请于${d(f.evidenceDeadline)}前提交证据材料；与争议事项有关的证据属于用人单位掌握管理的，用人单位应当提供，不提供的，应当承担不利后果。`,
      '对本委管辖有异议的，应当在答辩期满前书面提出；有反申请的，应当在答辩期内提出。',
      '请提交法定代表人（主要负责人）身份证明书；委托代理人的，请提交授权委托书。',
      ...(f.representativeCode
        ? [
            `网上应诉：你（单位）的法定代表人或者委托代理人可用本人手机号登录当事人门户（${f.portalUrl ?? '本委网站'}），在“我的事项”页输入单位代表码 ${f.representativeCode}，即可在网上查看本案、提交答辩书和证据。代表码仅供你（单位）使用，请妥善保管、勿告知他人；自本通知书签发之日起三十日内有效，使用一次后失效；本委重新出具代表码的，原代表码作废。`,
          ]
        : []),
    ]),
  ],
});

export const REJECTION_REASONS = {
  out_of_scope: '申请仲裁的事项不属于劳动人事争议处理范围',
  no_clear_claim: '仲裁申请没有明确的仲裁请求和事实、理由',
  no_standing: '申请人与本案无直接利害关系或者没有明确的被申请人',
} as const;

const REJECTION_BASIS: Record<keyof typeof REJECTION_REASONS, string> = {
  out_of_scope: '第三十条第（一）项',
  no_clear_claim: '第三十条第（二）项',
  no_standing: '第三十条第（三）项',
};

export interface RejectionNoticeFields {
  applicantName: string;
  receivedDate: string;
  reasonCode: keyof typeof REJECTION_REASONS;
  reasons: string;
}

/** Not for jurisdiction failures: those get a 告知书 naming the competent commission (办案规则 Art. 31). */
export const rejectionNotice = defineTemplate<RejectionNoticeFields>({
  type: 'rejection_notice',
  title: '不予受理通知书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'receivedDate', label: '收件日期', kind: 'date' },
    { key: 'reasonCode', label: '不予受理理由类别', kind: 'choice', choices: REJECTION_REASONS },
    { key: 'reasons', label: '不予受理理由' },
  ],
  addressee: (f) => f.applicantName,
  build: (f) => [
    p(
      `你于${d(f.receivedDate)}向本委提出的仲裁申请，经审查，${REJECTION_REASONS[f.reasonCode]}。具体理由如下：`,
    ),
    p(f.reasons),
    p(
      `根据《中华人民共和国劳动争议调解仲裁法》第二十九条和《劳动人事争议仲裁办案规则》${REJECTION_BASIS[f.reasonCode]}的规定，本委决定不予受理。`,
    ),
    p('你对本决定不服的，可自收到本通知书之日起十五日内向人民法院提起诉讼。'),
  ],
});
