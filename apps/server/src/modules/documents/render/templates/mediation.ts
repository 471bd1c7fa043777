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
  sign,
  signWith,
  yuan,
} from './template.js';

// Mediation documents (《劳动人事争议仲裁办案规则》第六十八条、第六十九条, 《劳动争议调解仲裁法》第十条至第十六条；《劳动人事争议仲裁办案规则》第七十四条, mediation, petition and legal-aid documents; GLOSSARY 调解建议书; 调解仲裁法 Art. 14).

export interface ProposalClaim {
  claim: string;
  proposedAmount: number;
  reason: string;
}

export interface MediationProposalFields {
  addresseeName: string;
  applicantName: string;
  respondentName: string;
  caseCause: string;
  claims: ProposalClaim[];
  replyDeadline: string;
  mediatorName: string;
  mediatorContact: string;
  /** What follows a refusal or no reply: depends on whether an arbitration application exists */
  nextStep?: string;
}

export const mediationProposal = defineTemplate<MediationProposalFields>({
  type: 'mediation_proposal',
  title: '调解建议书',
  required: [
    { key: 'addresseeName', label: '受送达人' },
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    {
      key: 'claims',
      label: '调解建议事项',
      kind: 'items',
      item: [
        { key: 'claim', label: '请求事项' },
        { key: 'proposedAmount', label: '建议金额', kind: 'amount' },
        { key: 'reason', label: '建议理由' },
      ],
    },
    { key: 'replyDeadline', label: '答复期限', kind: 'date' },
    { key: 'mediatorName', label: '调解员' },
    { key: 'mediatorContact', label: '联系方式' },
  ],
  addressee: (f) => f.addresseeName,
  build: (f) => {
    const total = f.claims.reduce((sum, c) => sum + c.proposedAmount, 0);
    return [
      p(
        `${f.applicantName}与${f.respondentName}${f.caseCause}争议一案，本调解组织经初步了解，认为本案事实较为清楚，适宜通过调解方式解决。为减少当事人诉累、及时化解纠纷，现提出以下调解建议：`,
      ),
      list(f.claims.map((c) => `${c.claim}：建议支付${yuan(c.proposedAmount)}。理由：${c.reason}`)),
      p(`以上${cn(f.claims.length)}项建议金额合计${yuan(total)}。`),
      p(
        `本建议书不具有强制力，当事人可以接受，也可以拒绝。请于${d(f.replyDeadline)}前将是否同意调解的意见告知调解员${f.mediatorName}（联系方式：${f.mediatorContact}）。调解可以到场进行，也可以预约通过电话、视频方式进行。${f.nextStep ?? '逾期未答复的，视为不同意调解，当事人可以依法申请仲裁。'}`,
      ),
    ];
  },
});

export interface MediationAgreementFields {
  workerName: string;
  employerName: string;
  matter: string;
  terms: string[];
  performanceDeadline: string;
  mediatorName: string;
  /** The mediation organisation whose seal makes the agreement binding (调解仲裁法第十四条) */
  organizationName?: string;
}

export const mediationAgreement = defineTemplate<MediationAgreementFields>({
  type: 'mediation_agreement',
  title: '调解协议书',
  required: [
    { key: 'workerName', label: '劳动者' },
    { key: 'employerName', label: '用人单位' },
    { key: 'matter', label: '争议事项' },
    { key: 'terms', label: '协议内容', kind: 'texts' },
    { key: 'performanceDeadline', label: '履行期限', kind: 'date' },
    { key: 'mediatorName', label: '调解员' },
  ],
  build: (f) => [
    p(`甲方（劳动者）：${f.workerName}`),
    p(`乙方（用人单位）：${f.employerName}`),
    p(`争议事项：${f.matter}`),
    p('经调解，双方自愿达成如下协议：'),
    list(f.terms),
    p(`乙方应于${d(f.performanceDeadline)}前履行完毕上述义务。`),
    p(
      '本协议自双方当事人签名或者盖章、经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）。一方当事人在协议约定期限内不履行的，另一方当事人可以依法申请仲裁；就支付拖欠劳动报酬等事项达成的协议，劳动者可以依法向人民法院申请支付令。双方可以自协议生效之日起三十日内共同向人民法院申请司法确认。',
    ),
    sign(
      '甲方（签名）：',
      '乙方（盖章）：',
      `调解员（签名）：${f.mediatorName}`,
      ...(f.organizationName ? [`调解组织（印章）：${f.organizationName}`] : []),
    ),
  ],
});

export interface MediationRecordFields {
  workerName: string;
  employerName: string;
  caseCause: string;
  sessionAt: string;
  /** 现场 / 视频 / 电话 and where (the online room) */
  sessionPlace: string;
  mediators: string[];
  attendees: string[];
  /** The record written by the clerk during the session, one paragraph a line */
  lines: string[];
  /** Who signed (handwritten on the phone + SMS code, or staff by session) and who refused, with why */
  signatures: string[];
  /** sha256 of the record text every signer saw */
  recordHash: string;
  organizationName?: string;
  /** The handwritten signatures (PNG, base64) of the parties who signed on the phone (issue #20). */
  signatureImages?: SignedBy[];
  /** A party who refused to sign, with the reason (printed on its signature line too). */
  refusals?: RefusedBy[];
}

/**
 * 调解笔录 of a mediation session (调解仲裁法第十三条、第十四条): who mediated, who attended, what was
 * said, and the signatures (a party's refusal is recorded, not hidden).
 */
export const mediationRecord = defineTemplate<MediationRecordFields>({
  type: 'mediation_record',
  title: '调解笔录',
  required: [
    { key: 'workerName', label: '劳动者' },
    { key: 'employerName', label: '用人单位' },
    { key: 'caseCause', label: '争议事项' },
    { key: 'sessionAt', label: '调解时间', kind: 'datetime' },
    { key: 'sessionPlace', label: '调解方式和地点' },
    { key: 'mediators', label: '调解员', kind: 'texts' },
    { key: 'attendees', label: '参加人员', kind: 'texts' },
    { key: 'lines', label: '调解记录', kind: 'texts' },
    { key: 'signatures', label: '签名情况', kind: 'texts' },
    { key: 'recordHash', label: '笔录摘要值' },
  ],
  build: (f) => [
    kv([
      ['争议事项', `${f.workerName}与${f.employerName}${f.caseCause}争议`],
      ['调解时间', dt(f.sessionAt)],
      ['调解方式', f.sessionPlace],
      ['调解员', f.mediators.join('、')],
      ['参加人员', f.attendees.join('；')],
    ]),
    h('调解记录'),
    ...f.lines.map((line) => p(line)),
    p(
      '以上笔录已在调解过程中向双方当事人实时显示，结束后交各方在手机上阅读。当事人认为对自己陈述的记录有遗漏或者差错的，可以申请补正；拒绝签名的，记明情况附卷（《中华人民共和国劳动争议调解仲裁法》第十三条）。',
    ),
    h('签名情况'),
    list(f.signatures, false),
    p(`笔录摘要值（SHA-256）：${f.recordHash}`),
    signWith(
      [
        partySignLabel('劳动者（签名）：', 'worker', f.refusals),
        partySignLabel('用人单位（签名或者盖章）：', 'employer', f.refusals),
        `调解员（签名）：${f.mediators.join('、')}`,
        ...(f.organizationName ? [`调解组织（印章）：${f.organizationName}`] : []),
      ],
      {
        0: f.signatureImages?.find((x) => x.role === 'worker')?.png,
        1: f.signatureImages?.find((x) => x.role === 'employer')?.png,
      },
    ),
  ],
});
