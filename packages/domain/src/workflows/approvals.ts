import type { RoleCode } from '../access/roles';

/**
 * Approval forms (审批表) as data — one mechanism for every track (issue #13: approvals made only by a
 * user holding the approving post, signed by that user's own action). A handler asks; the request
 * waits on the work list of the users holding the approving post in the subject's jurisdiction; one of
 * them (never the requester) approves or refuses in the app; approval issues the form below with the
 * approver's name and the date of that action. Where `gates` names a step, the step is refused
 * (409 PRECONDITION_UNMET) until the approval is given.
 */
export interface ApprovalForm {
  track: 'arbitration' | 'inspection';
  /** The 审批表 issued when approved (document type) */
  form: string;
  /** What is approved, in Chinese (立案审批, 结案审批 …) */
  label: string;
  /** The machine step the approval lets happen (refused without it), if any */
  gates: string | null;
  /** Posts that may approve */
  approverRoles: readonly RoleCode[];
  basis: string;
  /** The opinion printed on the form when the approver approves without writing one */
  defaultOpinion: string;
}

export const APPROVAL_FORMS = {
  arbitration_filing: {
    track: 'arbitration',
    form: 'arbitration_filing_approval',
    label: '立案审批',
    gates: 'accept',
    approverRoles: ['leader'],
    basis: '《劳动人事争议仲裁办案规则》第三十条、第三十一条；仲裁文书样式 立案（组庭）审批表',
    defaultOpinion: '同意受理。',
  },
  arbitration_closing: {
    track: 'arbitration',
    form: 'arbitration_closing_approval',
    label: '结案审批',
    gates: 'close',
    approverRoles: ['leader'],
    basis: '《劳动人事争议仲裁办案规则》第二十一条至第二十四条（结案归档）；仲裁文书样式 结案审批表',
    defaultOpinion: '同意结案。',
  },
  inspection_filing: {
    track: 'inspection',
    form: 'inspection_filing_approval',
    label: '立案审批',
    gates: 'accept',
    approverRoles: ['leader'],
    basis:
      '《劳动保障监察条例》第十四条第二款；《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款（立案审批表报负责人批准）',
    defaultOpinion: '同意立案。',
  },
  inspection_extension: {
    track: 'inspection',
    form: 'inspection_extension_approval',
    label: '延长办案期限',
    gates: 'extend_investigation',
    approverRoles: ['leader'],
    basis: '《劳动保障监察条例》第十七条（情况复杂的，经劳动保障行政部门负责人批准，可以延长三十个工作日）',
    defaultOpinion: '同意延长办案期限三十个工作日。',
  },
  inspection_revocation: {
    track: 'inspection',
    form: 'inspection_revocation_approval',
    label: '撤销立案',
    gates: 'withdraw_case',
    approverRoles: ['leader'],
    basis: '《劳动保障监察条例》第十八条第一款第（三）项；《关于实施〈劳动保障监察条例〉若干规定》第三十五条',
    defaultOpinion: '同意撤销立案。',
  },
  inspection_closing: {
    track: 'inspection',
    form: 'inspection_closing_approval',
    label: '结案',
    gates: 'close',
    approverRoles: ['leader'],
    basis: '《关于实施〈劳动保障监察条例〉若干规定》第三十五条（案件处理完毕，报负责人审批后结案）',
    defaultOpinion: '同意结案。',
  },
} as const satisfies Record<string, ApprovalForm>;

export type ApprovalFormKind = keyof typeof APPROVAL_FORMS;

export function isApprovalFormKind(kind: string): kind is ApprovalFormKind {
  return Object.hasOwn(APPROVAL_FORMS, kind);
}

/** May a user holding these posts approve this form? */
export function mayApproveForm(kind: ApprovalFormKind, roles: readonly string[]): boolean {
  return APPROVAL_FORMS[kind].approverRoles.some((r) => roles.includes(r));
}

/**
 * Which arbitration cases need the 立案审批 before acceptance, per commission: a policy per jurisdiction
 * level, overridable per jurisdiction (setting `arbitration.filing_approval.<jurisdiction code>`).
 * Default: the city commission's collective cases (the commission decides on 立案 of a collective
 * dispute itself: 《劳动人事争议仲裁办案规则》第三十条; 《劳动争议调解仲裁法》第七条、第十九条).
 */
export type FilingApprovalPolicy = 'all' | 'collective' | 'none';

export const FILING_APPROVAL_DEFAULTS: Readonly<Record<'city' | 'county', FilingApprovalPolicy>> = {
  city: 'collective',
  county: 'none',
};

export const FILING_APPROVAL_BASIS =
  '《劳动人事争议仲裁办案规则》第三十条；《劳动争议调解仲裁法》第七条、第十九条（仲裁委员会决定受理集体劳动争议）';

export function isFilingApprovalPolicy(v: unknown): v is FilingApprovalPolicy {
  return v === 'all' || v === 'collective' || v === 'none';
}

export function filingApprovalRequired(
  c: { level: 'city' | 'county'; collective: boolean },
  override?: FilingApprovalPolicy | null,
): boolean {
  const policy = override ?? FILING_APPROVAL_DEFAULTS[c.level];
  return policy === 'all' || (policy === 'collective' && c.collective);
}

/**
 * Which inspection cases need the 立案审批 before 立案, per inspection body: `all` (every complaint and
 * report case) or `none`, by the setting `inspection.filing_approval.<jurisdiction code>`; default
 * `all` (an accepted complaint is 立案 on a 立案审批表 with the approver and the 立案 date: 《劳动保障监察条例》第十四条第二款; 《关于实施〈劳动保障监察条例〉若干规定》第十八条). Cases opened ex
 * officio (巡视检查, 专项检查, 书面审查) are 立案 by the inspection plan that opened them, so the gate
 * applies to complaints and reports.
 */
export type InspectionFilingApprovalPolicy = 'all' | 'none';

export const INSPECTION_FILING_APPROVAL_DEFAULT: InspectionFilingApprovalPolicy = 'all';

export function isInspectionFilingApprovalPolicy(v: unknown): v is InspectionFilingApprovalPolicy {
  return v === 'all' || v === 'none';
}

export function inspectionFilingApprovalRequired(
  source: string,
  override?: InspectionFilingApprovalPolicy | null,
): boolean {
  if (source !== 'complaint' && source !== 'report') return false;
  return (override ?? INSPECTION_FILING_APPROVAL_DEFAULT) === 'all';
}
