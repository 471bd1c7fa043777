import { cn, d, defineTemplate, kv, list, p, sign } from './template.js';

// Transfers, petitions and legal aid (《法律援助法》, petitions, mediation, petition and legal-aid documents). 条例 = 《信访工作条例》 (2022).

export interface TransferSlipFields {
  matterNo: string;
  fromUnit: string;
  toUnit: string;
  partyName: string;
  summary: string;
  reason: string;
  replyDeadline: string;
  contact: string;
}

export const transferSlip = defineTemplate<TransferSlipFields>({
  type: 'transfer_slip',
  title: '转办单',
  required: [
    { key: 'matterNo', label: '事项编号' },
    { key: 'fromUnit', label: '转出单位' },
    { key: 'toUnit', label: '承办单位' },
    { key: 'partyName', label: '当事人' },
    { key: 'summary', label: '事项摘要' },
    { key: 'reason', label: '转办理由' },
    { key: 'replyDeadline', label: '反馈期限', kind: 'date' },
    { key: 'contact', label: '联系人及电话' },
  ],
  addressee: (f) => f.toUnit,
  build: (f) => [
    p('现将下列事项转你单位办理，请依法依规处理，并于反馈期限前将办理结果反馈本中心。'),
    kv([
      ['事项编号', f.matterNo],
      ['转出单位', f.fromUnit],
      ['承办单位', f.toUnit],
      ['当事人', f.partyName],
      ['事项摘要', f.summary],
      ['转办理由', f.reason],
      ['反馈期限', d(f.replyDeadline)],
      ['联系人及电话', f.contact],
    ]),
    sign('承办单位签收人：', '签收日期：'),
  ],
});

export interface PetitionAcceptanceFields {
  petitionerName: string;
  receivedDate: string;
  request: string;
  handlingDays?: number;
}

export const petitionAcceptance = defineTemplate<PetitionAcceptanceFields>({
  type: 'petition_acceptance',
  title: '信访事项受理告知书',
  required: [
    { key: 'petitionerName', label: '信访人' },
    { key: 'receivedDate', label: '收到日期', kind: 'date' },
    { key: 'request', label: '信访请求' },
  ],
  addressee: (f) => f.petitionerName,
  build: (f) => [
    p(
      `你于${d(f.receivedDate)}提出的信访事项（${f.request}）已收悉。经审查，根据《信访工作条例》第三十一条的规定，本机关决定予以受理。`,
    ),
    p(
      `本机关将自受理之日起${cn(f.handlingDays ?? 60)}日内办结；情况复杂的，经批准可以适当延长办理期限，但延长期限不得超过三十日，并将告知你延期理由。`,
    ),
  ],
});

export const PETITION_OUTCOMES = {
  support: '请求事实清楚，符合法律、法规、规章或者其他有关规定的，予以支持',
  explain: '请求事由合理但缺乏法律依据的，作出解释说明',
  not_support: '请求缺乏事实根据或者不符合法律、法规、规章或者其他有关规定的，不予支持',
} as const;

export interface PetitionOpinionFields {
  petitionerName: string;
  request: string;
  facts: string;
  opinion: string;
  outcome: keyof typeof PETITION_OUTCOMES;
  legalBasis: string;
}

export const petitionOpinion = defineTemplate<PetitionOpinionFields>({
  type: 'petition_opinion',
  title: '信访事项处理意见书',
  required: [
    { key: 'petitionerName', label: '信访人' },
    { key: 'request', label: '信访请求' },
    { key: 'facts', label: '查明事实' },
    { key: 'opinion', label: '处理意见' },
    { key: 'outcome', label: '处理结果类别', kind: 'choice', choices: PETITION_OUTCOMES },
    { key: 'legalBasis', label: '依据' },
  ],
  addressee: (f) => f.petitionerName,
  build: (f) => [
    p(`你提出的信访事项：${f.request}`),
    p(`经调查核实：${f.facts}`),
    p(`根据${f.legalBasis}，${PETITION_OUTCOMES[f.outcome]}（《信访工作条例》第三十二条）。处理意见如下：`),
    p(f.opinion),
    p(
      '你对本处理意见不服的，可以自收到本意见书之日起三十日内请求原办理机关的上一级机关复查（《信访工作条例》第三十五条）。',
    ),
  ],
});

export interface LegalAidReferralFields {
  toAgency: string;
  applicantName: string;
  matter: string;
  reason: string;
  contact: string;
  urgent?: boolean;
}

export const legalAidReferral = defineTemplate<LegalAidReferralFields>({
  type: 'legal_aid_referral',
  title: '法律援助转介函',
  required: [
    { key: 'toAgency', label: '接收机构' },
    { key: 'applicantName', label: '申请人' },
    { key: 'matter', label: '法律事项' },
    { key: 'reason', label: '转介理由' },
    { key: 'contact', label: '联系人及电话' },
  ],
  addressee: (f) => f.toAgency,
  build: (f) => [
    p(
      `${f.applicantName}因${f.matter}，向本中心申请法律援助。经初步了解，${f.reason}，现转介你机构依照《中华人民共和国法律援助法》的规定审查办理。`,
    ),
    list(
      [
        '随函附申请人提交的身份证明、经济困难状况说明或者诚信承诺及相关证据材料复印件。',
        // The screening reason may already state the urgency; the paragraph is then not repeated.
        ...(f.urgent && !/第四十四条|先行提供/.test(f.reason)
          ? [
              '本案距仲裁时效或者法定期限届满不足七日，属于需要先行提供法律援助的情形（《中华人民共和国法律援助法》第四十四条），请优先办理。',
            ]
          : []),
        `如需补充材料，请与本中心联系：${f.contact}。`,
      ],
      false,
    ),
  ],
});
