import { d, defineTemplate, p } from './template.js';

// Petition documents (《信访工作条例》, petitions) and legal-aid decisions (《法律援助法》, legal aid)
// that the flows issue at their step (issue #13). Every field is filled from the case record.

interface PetitionBase {
  petitionerName: string;
  /** 案号 of the petition case */
  caseNumber: string;
  receivedDate: string;
  request: string;
}

const base = [
  { key: 'petitionerName', label: '信访人' },
  { key: 'caseNumber', label: '案号' },
  { key: 'receivedDate', label: '收到信访事项日期', kind: 'date' as const },
  { key: 'request', label: '信访请求' },
];

const opening = (f: PetitionBase) =>
  p(`你于${d(f.receivedDate)}提出的信访事项（${f.caseNumber}）收悉。你的请求是：${f.request}`);

export interface PetitionRejectionNoticeFields extends PetitionBase {
  reason: string;
  channel: string;
}

/** 不予受理告知书: the matter belongs to another legal procedure (条例第三十一条). */
export const petitionRejectionNotice = defineTemplate<PetitionRejectionNoticeFields>({
  type: 'petition_rejection_notice',
  title: '信访事项不予受理告知书',
  required: [...base, { key: 'reason', label: '不予受理理由' }, { key: 'channel', label: '应当提出的途径' }],
  addressee: (f) => f.petitionerName,
  build: (f) => [
    opening(f),
    p(
      `经审查，${f.reason}。根据《信访工作条例》第三十一条的规定，该信访事项应当通过法定途径解决，本机关不予受理。请你依法${f.channel}。`,
    ),
    p('本机关已将你的诉求转入相应的办理程序，你可以向上述机关查询办理情况。'),
  ],
});

export interface PetitionForwardNoticeFields extends PetitionBase {
  receivingOrgan: string;
}

/** 转送告知书: an accusation forwarded to the competent organ (条例第三十条). */
export const petitionForwardNotice = defineTemplate<PetitionForwardNoticeFields>({
  type: 'petition_forward_notice',
  title: '信访事项转送告知书',
  required: [...base, { key: 'receivingOrgan', label: '接收机关' }],
  addressee: (f) => f.petitionerName,
  build: (f) => [
    opening(f),
    p(
      `该事项属于检举控告，依照《信访工作条例》第三十条的规定，本机关已将其转送${f.receivingOrgan}依法处理。检举控告材料不会透露或者转给被检举控告的人员和单位。请你向${f.receivingOrgan}了解办理情况。`,
    ),
  ],
});

export interface PetitionExtensionNoticeFields extends PetitionBase {
  acceptedDate: string;
  originalDeadline: string;
  newDeadline: string;
  extensionReason: string;
}

/** 延期告知书: the 60-day period extended by at most 30 days, with the reason (条例第三十四条). */
export const petitionExtensionNotice = defineTemplate<PetitionExtensionNoticeFields>({
  type: 'petition_extension_notice',
  title: '信访事项延期办理告知书',
  required: [
    ...base,
    { key: 'acceptedDate', label: '受理日期', kind: 'date' },
    { key: 'originalDeadline', label: '原办理期限', kind: 'date' },
    { key: 'newDeadline', label: '延长后的办理期限', kind: 'date' },
    { key: 'extensionReason', label: '延期理由' },
  ],
  addressee: (f) => f.petitionerName,
  build: (f) => [
    opening(f),
    p(
      `本机关已于${d(f.acceptedDate)}受理，原定于${d(f.originalDeadline)}前办结。因${f.extensionReason}，经本机关负责人批准，依照《信访工作条例》第三十四条的规定，办理期限延长至${d(f.newDeadline)}。`,
    ),
  ],
});

export interface PetitionReviewOpinionFields extends PetitionBase {
  /** 案号/文号 of the opinion reviewed */
  reviewedOpinion: string;
  facts: string;
  opinion: string;
  legalBasis: string;
}

const reviewRequired = [
  ...base,
  { key: 'reviewedOpinion', label: '原处理意见' },
  { key: 'facts', label: '查明的事实' },
  { key: 'opinion', label: '意见' },
  { key: 'legalBasis', label: '依据' },
];

/** 复查意见书 (条例第三十五条): the remedy is 复核 within 30 days at the reviewing body's superior. */
export const petitionReviewOpinion = defineTemplate<PetitionReviewOpinionFields>({
  type: 'petition_review_opinion',
  title: '信访事项复查意见书',
  required: reviewRequired,
  addressee: (f) => f.petitionerName,
  build: (f) => [
    p(
      `你于${d(f.receivedDate)}提出的信访事项（${f.caseNumber}），你不服${f.reviewedOpinion}，请求复查。你的请求是：${f.request}`,
    ),
    p(`经复查查明：${f.facts}`),
    p(`复查意见：${f.opinion}`),
    p(`依据：${f.legalBasis}`),
    p(
      '你对本复查意见不服的，可以自收到本意见书之日起三十日内向复查机关的上一级行政机关请求复核（《信访工作条例》第三十五条、第三十六条）。',
    ),
  ],
});

/** 复核意见书 (条例第三十六条): final; the same facts and reasons are not accepted again. */
export const petitionReReviewOpinion = defineTemplate<PetitionReviewOpinionFields>({
  type: 'petition_re_review_opinion',
  title: '信访事项复核意见书',
  required: reviewRequired,
  addressee: (f) => f.petitionerName,
  build: (f) => [
    p(
      `你于${d(f.receivedDate)}提出的信访事项（${f.caseNumber}），你不服${f.reviewedOpinion}，请求复核。你的请求是：${f.request}`,
    ),
    p(`经复核查明：${f.facts}`),
    p(`复核意见：${f.opinion}`),
    p(`依据：${f.legalBasis}`),
    p(
      '本复核意见为最终意见。你仍以同一事实和理由提出投诉请求的，各级人民政府信访工作机构和其他行政机关不再受理（《信访工作条例》第三十六条第三款）。',
    ),
  ],
});

interface LegalAidBase {
  applicantName: string;
  caseNumber: string;
  appliedDate: string;
  matter: string;
}

const aidBase = [
  { key: 'applicantName', label: '申请人' },
  { key: 'caseNumber', label: '案号' },
  { key: 'appliedDate', label: '申请日期', kind: 'date' as const },
  { key: 'matter', label: '申请事项' },
];

export interface LegalAidGrantFields extends LegalAidBase {
  form: string;
  meansBasis: string;
}

/** 给予法律援助决定书 (《法律援助法》第四十三条): the lawyer is assigned within 3 days. */
export const legalAidGrant = defineTemplate<LegalAidGrantFields>({
  type: 'legal_aid_grant',
  title: '给予法律援助决定书',
  required: [
    ...aidBase,
    { key: 'form', label: '援助形式' },
    { key: 'meansBasis', label: '经济困难审查结论' },
  ],
  addressee: (f) => f.applicantName,
  build: (f) => [
    p(`你于${d(f.appliedDate)}就${f.matter}申请法律援助（${f.caseNumber}）。`),
    p(
      `经审查，你申请的事项属于法律援助范围，${f.meansBasis}。依照《中华人民共和国法律援助法》第四十三条的规定，决定给予法律援助，援助形式为：${f.form}。`,
    ),
    p(
      '本机构将自作出本决定之日起三日内指派法律援助人员，并将其姓名和联系方式告知你。你应当如实提供案件情况和证据材料，配合法律援助人员工作。',
    ),
  ],
});

export interface LegalAidRefusalFields extends LegalAidBase {
  reason: string;
}

/** 不予法律援助决定书 (第四十三条): reasons in writing; objection to the justice bureau (第四十九条). */
export const legalAidRefusal = defineTemplate<LegalAidRefusalFields>({
  type: 'legal_aid_refusal',
  title: '不予法律援助决定书',
  required: [...aidBase, { key: 'reason', label: '不予援助理由' }],
  addressee: (f) => f.applicantName,
  build: (f) => [
    p(`你于${d(f.appliedDate)}就${f.matter}申请法律援助（${f.caseNumber}）。`),
    p(`经审查，${f.reason}。依照《中华人民共和国法律援助法》第四十三条的规定，决定不予法律援助。`),
    p(
      '你对本决定有异议的，可以向设立法律援助机构的司法行政部门提出；对司法行政部门维持本决定不服的，可以依法申请行政复议或者提起行政诉讼（《中华人民共和国法律援助法》第四十九条）。',
    ),
  ],
});

/** Filled samples of these types (tests, previews). */
export const PETITION_LEGAL_AID_SAMPLES = {
  petition_rejection_notice: {
    petitionerName: '刘䶮',
    caseNumber: '随信案字〔2026〕第3号',
    receivedDate: '2026-11-20',
    request: '要求随州市恒达机械制造有限公司支付拖欠工资15,600.00元',
    reason: '该事项属于劳动争议，应当通过劳动人事争议仲裁解决',
    channel: '向随州市劳动人事争议仲裁委员会申请仲裁',
  },
  petition_forward_notice: {
    petitionerName: '刘䶮',
    caseNumber: '随信案字〔2026〕第4号',
    receivedDate: '2026-11-20',
    request: '反映某工作人员办理案件时收受财物',
    receivingOrgan: '随州市纪委监委',
  },
  petition_extension_notice: {
    petitionerName: '刘䶮',
    caseNumber: '随信案字〔2026〕第5号',
    receivedDate: '2026-09-01',
    request: '要求落实工伤待遇',
    acceptedDate: '2026-09-03',
    originalDeadline: '2026-11-02',
    newDeadline: '2026-12-02',
    extensionReason: '需调取多家单位的社会保险缴费记录',
  },
  petition_review_opinion: {
    petitionerName: '刘䶮',
    caseNumber: '随信案字〔2026〕第6号',
    receivedDate: '2026-11-20',
    request: '撤销原处理意见，责令单位补缴社会保险费',
    reviewedOpinion: '随信处字〔2026〕第2号信访事项处理意见书',
    facts: '单位已于2026年10月补缴2025年度社会保险费',
    opinion: '维持原处理意见',
    legalBasis: '《社会保险法》第六十三条',
  },
  petition_re_review_opinion: {
    petitionerName: '刘䶮',
    caseNumber: '随信案字〔2026〕第6号',
    receivedDate: '2026-12-01',
    request: '撤销复查意见',
    reviewedOpinion: '随信文字〔2026〕第9号信访事项复查意见书',
    facts: '复查认定的事实清楚，证据充分',
    opinion: '维持复查意见',
    legalBasis: '《信访工作条例》第三十六条',
  },
  legal_aid_grant: {
    applicantName: '刘䶮',
    caseNumber: '随法援案字〔2026〕第7号',
    appliedDate: '2026-11-25',
    matter: '与随州市恒达机械制造有限公司劳动报酬争议',
    form: '劳动争议仲裁代理',
    meansBasis: '你系农民工请求支付劳动报酬，免予核查经济困难状况（《法律援助法》第四十二条）',
  },
  legal_aid_refusal: {
    applicantName: '刘䶮',
    caseNumber: '随法援案字〔2026〕第8号',
    appliedDate: '2026-11-25',
    matter: '与随州市恒达机械制造有限公司股权转让纠纷',
    reason: '申请事项不属于《法律援助法》第三十一条规定的法律援助事项范围',
  },
} as const;
