import { APPROVAL_FORMS, type ApprovalForm } from './approvals';

/**
 * The inspection approvals, keyed as the inspection routes name them (filing, extension, revocation,
 * closing):
 * views of the one approval-form table (approvals.ts).
 */
export type ApprovalRule = ApprovalForm & { event: string };

export const INSPECTION_APPROVALS = {
  filing: { ...APPROVAL_FORMS.inspection_filing, event: 'accept' },
  extension: { ...APPROVAL_FORMS.inspection_extension, event: 'extend_investigation' },
  revocation: { ...APPROVAL_FORMS.inspection_revocation, event: 'withdraw_case' },
  closing: { ...APPROVAL_FORMS.inspection_closing, event: 'close' },
} as const satisfies Record<string, ApprovalRule>;

export type InspectionApprovalKind = keyof typeof INSPECTION_APPROVALS;

/** The approval-form kind of an inspection approval. */
export const INSPECTION_FORM_KIND = {
  filing: 'inspection_filing',
  extension: 'inspection_extension',
  revocation: 'inspection_revocation',
  closing: 'inspection_closing',
} as const satisfies Record<InspectionApprovalKind, keyof typeof APPROVAL_FORMS>;

/** May a user holding these posts approve this kind? */
export function mayApprove(kind: InspectionApprovalKind, roles: readonly string[]): boolean {
  return INSPECTION_APPROVALS[kind].approverRoles.some((r) => roles.includes(r));
}

/** The inspection key of an approval-form kind (inspection_extension → extension), or null. */
export function inspectionApprovalKey(formKind: string): InspectionApprovalKind | null {
  const hit = Object.entries(INSPECTION_FORM_KIND).find(([, v]) => v === formKind);
  return hit ? (hit[0] as InspectionApprovalKind) : null;
}
