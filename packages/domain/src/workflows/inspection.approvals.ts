import type { RoleCode } from '../access/roles';

/**
 * Inspection approvals (审批) as data (issue #13 item 1: approvals made only by a user holding the
 * approving post, signed by that user's own action). A handling inspector asks; the approver approves
 * or refuses in the app; the form prints the approver's name and the date of that action.
 */
export interface ApprovalRule {
  /** The 审批表 issued when approved */
  form: string;
  label: string;
  /** The machine step the approval lets happen */
  event: string;
  /** Posts that may approve */
  approverRoles: readonly RoleCode[];
  basis: string;
}

export const INSPECTION_APPROVALS = {
  extension: {
    form: 'inspection_extension_approval',
    label: '延长办案期限',
    event: 'extend_investigation',
    approverRoles: ['leader'],
    basis: '《劳动保障监察条例》第十七条（情况复杂的，经劳动保障行政部门负责人批准，可以延长三十个工作日）',
  },
  revocation: {
    form: 'inspection_revocation_approval',
    label: '撤销立案',
    event: 'withdraw_case',
    approverRoles: ['leader'],
    basis: '《劳动保障监察条例》第十八条第一款第（三）项；《关于实施〈劳动保障监察条例〉若干规定》第三十五条',
  },
  closing: {
    form: 'inspection_closing_approval',
    label: '结案',
    event: 'close',
    approverRoles: ['leader'],
    basis: '《关于实施〈劳动保障监察条例〉若干规定》第三十五条（案件处理完毕，报负责人审批后结案）',
  },
} as const satisfies Record<string, ApprovalRule>;

export type InspectionApprovalKind = keyof typeof INSPECTION_APPROVALS;

/** May a user holding these posts approve this kind? */
export function mayApprove(kind: InspectionApprovalKind, roles: readonly string[]): boolean {
  return INSPECTION_APPROVALS[kind].approverRoles.some((r) => roles.includes(r));
}
