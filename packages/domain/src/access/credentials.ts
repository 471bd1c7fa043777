import type { Permission } from './permissions';
import type { RoleCode } from './roles';

/**
 * Who may handle the credentials that open a matter to a party or a reporter's identity to staff.
 * These are narrower than `matter.read`: reading a matter must not hand out the means to act as
 * one of its parties.
 */
export interface CredentialRule {
  /** The staff app shows and the API enforces this description. */
  label: string;
  /** Any of these permissions (within the matter's jurisdiction) allows it. */
  permissions: readonly Permission[];
  basis: string;
}

/** Posts that hand a party its papers: the window and the handlers of each track. */
const PAPER_HANDLERS: readonly Permission[] = [
  'intake.create',
  'mediation.work',
  'arbitration.work',
  'arbitration.clerk',
  'inspection.work',
  'petition.work',
  'legal_aid.work',
];

export const CREDENTIAL_RULES = {
  /**
   * 查询码: printed on the worker's receipt (收件回执); whoever holds it sees the matter as that worker.
   * Read by the staff who hand out the receipt, never by liaisons or read-only posts; every read audited.
   */
  queryCode: {
    label: '查看或补打事项的查询码',
    permissions: PAPER_HANDLERS,
    basis: '《个人信息保护法》第十条、第五十一条（采取措施防止未经授权的访问）',
  },
  /**
   * 单位代表码: printed on the 应诉通知书 served on the employer (or sent to its verified contact);
   * redeemed by the employer's representative on the portal. The only way an employer reaches a matter online.
   */
  representativeCode: {
    label: '出具用人单位网上应诉代表码',
    permissions: ['intake.create', 'mediation.work', 'arbitration.work', 'arbitration.clerk'],
    basis:
      '《劳动争议调解仲裁法》第三十条（受理后五日内将仲裁申请书副本送达被申请人）；《个人信息保护法》第五十一条',
  },
} as const satisfies Record<string, CredentialRule>;

/**
 * Assigning inspectors to a case opened from a report (举报): the assignees will see the reporter's
 * identity, so the assignment is a leader's decision and nobody assigns themself.
 */
export const REPORT_ASSIGNMENT = {
  assigners: ['leader'] as readonly RoleCode[],
  selfAssignment: false,
  basis: '《劳动保障监察条例》第九条第三款（劳动保障行政部门应当为举报人保密）',
} as const;
