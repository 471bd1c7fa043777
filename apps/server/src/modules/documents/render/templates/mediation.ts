import { cn, d, defineTemplate, list, p, sign, yuan } from './template.js';

// Mediation documents (RULES.md W-04, W-05, §5.7; GLOSSARY 调解建议书; 调解仲裁法 Art. 14).

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
