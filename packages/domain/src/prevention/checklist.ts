/**
 * 六有五统一: the standard a mediation organisation is assessed against. No national text defines it
 * ("六有五统一" not found in law: only the campaign 人社厅发〔2023〕36号 on building grassroots labor-dispute mediation
 * organisations is known to exist), so the items are data the bureau edits (table
 * prevention_checklist_item); these are the defaults it starts from, each with the basis found.
 */
export type ChecklistGroup = 'six_haves' | 'five_uniforms';

export const CHECKLIST_GROUP_LABELS: Readonly<Record<ChecklistGroup, string>> = {
  six_haves: '六有',
  five_uniforms: '五统一',
};

export interface ChecklistItem {
  code: string;
  group: ChecklistGroup;
  label: string;
  /** What the assessor looks at. */
  guidance: string;
  basis: string;
}

const CAMPAIGN = '人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；本局六有五统一规范化建设标准';

export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  {
    code: 'place',
    group: 'six_haves',
    label: '有场所',
    guidance: '有固定的调解场所',
    basis: CAMPAIGN,
  },
  { code: 'sign', group: 'six_haves', label: '有牌子', guidance: '悬挂调解组织标牌', basis: CAMPAIGN },
  {
    code: 'staff',
    group: 'six_haves',
    label: '有人员',
    guidance: '配备专职或兼职调解员',
    basis: `《劳动争议调解仲裁法》第十一条；${CAMPAIGN}`,
  },
  {
    code: 'rules',
    group: 'six_haves',
    label: '有制度',
    guidance: '调解工作制度上墙',
    basis: CAMPAIGN,
  },
  {
    code: 'ledger',
    group: 'six_haves',
    label: '有台账',
    guidance: '案件登记台账完整',
    basis: CAMPAIGN,
  },
  { code: 'funds', group: 'six_haves', label: '有经费', guidance: '有工作经费保障', basis: CAMPAIGN },
  {
    code: 'u_name',
    group: 'five_uniforms',
    label: '统一名称',
    guidance: '使用统一规范的名称',
    basis: CAMPAIGN,
  },
  {
    code: 'u_seal',
    group: 'five_uniforms',
    label: '统一印章',
    guidance: '使用统一的调解专用章',
    basis: CAMPAIGN,
  },
  {
    code: 'u_procedure',
    group: 'five_uniforms',
    label: '统一程序',
    guidance: '按统一的调解程序办案',
    basis: `《劳动争议调解仲裁法》第十二条至第十六条；${CAMPAIGN}`,
  },
  {
    code: 'u_forms',
    group: 'five_uniforms',
    label: '统一文书',
    guidance: '使用统一的调解文书格式',
    basis: `《劳动争议调解仲裁法》第十四条；${CAMPAIGN}`,
  },
  {
    code: 'u_ledger',
    group: 'five_uniforms',
    label: '统一台账',
    guidance: '使用统一的案件台账格式',
    basis: CAMPAIGN,
  },
];

/** An assessment passes only when every item of the checklist in force passes. */
export function assessmentResult(items: readonly { passed: boolean }[]): {
  passed: boolean;
  failed: number;
} {
  const failed = items.filter((i) => !i.passed).length;
  return { passed: items.length > 0 && failed === 0, failed };
}

/** Clock rules started by an assessment (see clocks/rules-tracks.ts PREVENTION_RULES). */
export const REASSESSMENT_RULE = {
  failed: 'prevention.rectification-reassessment',
  passed: 'prevention.periodic-reassessment',
} as const;
