import type { MediationBody } from '../statistics/facts';

/**
 * Kinds of mediation organisation (调解组织, 《劳动争议调解仲裁法》第十条) in the register, with the
 * row of the mediation statistics table (调解组织处理劳动人事争议情况, by type of mediation body) their
 * cases count under.
 */
export const MEDIATION_ORG_KINDS = [
  'enterprise_committee',
  'street_township',
  'village_community',
  'industry_regional',
  'union',
  'court_linked',
  'peoples_mediation',
] as const;

export type MediationOrgKind = (typeof MEDIATION_ORG_KINDS)[number];

export const MEDIATION_ORG_KIND_INFO: Readonly<
  Record<MediationOrgKind, { label: string; body: MediationBody; basis: string }>
> = {
  enterprise_committee: {
    label: '企业劳动争议调解委员会',
    body: 'enterprise_committee',
    basis: '《劳动争议调解仲裁法》第十条第一款第（一）项、第二款；《企业劳动争议协商调解规定》第十三条',
  },
  street_township: {
    label: '乡镇（街道）劳动争议调解组织',
    body: 'street_township',
    basis: '《劳动争议调解仲裁法》第十条第一款第（三）项',
  },
  village_community: {
    label: '村（社区）劳动争议调解员',
    body: 'street_township',
    basis: '《劳动争议调解仲裁法》第十条第一款第（二）、（三）项',
  },
  industry_regional: {
    label: '行业性、区域性劳动争议调解组织',
    body: 'other',
    basis: '《劳动争议调解仲裁法》第十条',
  },
  union: {
    label: '工会劳动争议调解组织',
    body: 'other',
    basis: '《劳动争议调解仲裁法》第十条',
  },
  court_linked: {
    label: '诉调对接（法院特邀）调解组织',
    body: 'other',
    basis: '《劳动争议调解仲裁法》第十条；法〔2020〕55号',
  },
  peoples_mediation: {
    label: '人民调解委员会',
    body: 'other',
    basis: '《劳动争议调解仲裁法》第十条第一款第（二）项；《人民调解法》',
  },
};

export function isMediationOrgKind(v: string): v is MediationOrgKind {
  return (MEDIATION_ORG_KINDS as readonly string[]).includes(v);
}

/** Row of the mediation statistics table for an organisation's kind ('other' when unknown). */
export function mediationBodyOfKind(kind: string): MediationBody {
  return isMediationOrgKind(kind) ? MEDIATION_ORG_KIND_INFO[kind].body : 'other';
}

export const MEDIATION_ORG_STATUSES = ['active', 'suspended', 'dissolved'] as const;
export type MediationOrgStatus = (typeof MEDIATION_ORG_STATUSES)[number];
export const MEDIATION_ORG_STATUS_LABELS: Readonly<Record<MediationOrgStatus, string>> = {
  active: '正常运行',
  suspended: '暂停运行',
  dissolved: '已撤销',
};

/** Positions of members (调解员 are people, possibly not staff users). */
export const ORG_MEMBER_POSITIONS = ['chair', 'member', 'mediator'] as const;
export type OrgMemberPosition = (typeof ORG_MEMBER_POSITIONS)[number];
export const ORG_MEMBER_POSITION_LABELS: Readonly<Record<OrgMemberPosition, string>> = {
  chair: '主任',
  member: '委员',
  mediator: '调解员',
};

/** Results an organisation records in its ledger (案件台账). */
export const ORG_CASE_RESULTS = ['pending', 'agreement', 'no_agreement', 'withdrawn', 'referred'] as const;
export type OrgCaseResult = (typeof ORG_CASE_RESULTS)[number];
export const ORG_CASE_RESULT_LABELS: Readonly<Record<OrgCaseResult, string>> = {
  pending: '调解中',
  agreement: '达成调解协议',
  no_agreement: '未达成协议',
  withdrawn: '申请人撤回',
  referred: '移交中心处理',
};
