import type { Permission } from './permissions';

/**
 * The posts a member of staff can hold (一人多岗: any number at once, each scoped to jurisdictions).
 * Codes follow the glossary; labels are what the screens show.
 */
export const ROLE_CODES = [
  'intake_clerk',
  'mediator',
  'inspector',
  'arbitrator',
  'tribunal_clerk',
  'petition_officer',
  'legal_aid_liaison',
  'court_liaison',
  'union_liaison',
  'leader',
  'sysadmin',
  'prevention_officer',
  'org_mediator',
] as const;

export type RoleCode = (typeof ROLE_CODES)[number];

/** Certificate types; an expired or revoked certificate suspends the role it licenses. */
export const CERTIFICATE_TYPES = {
  inspector_card: { label: '兼职劳动保障监察员证', licenses: 'inspector' },
  arbitrator_card: { label: '兼职仲裁员证', licenses: 'arbitrator' },
} as const satisfies Record<string, { label: string; licenses: RoleCode }>;

export type CertificateType = keyof typeof CERTIFICATE_TYPES;

export interface RoleDefinition {
  code: RoleCode;
  label: string;
  permissions: readonly Permission[];
  /** Certificate type required for the role's powers, if any. */
  requiresCertificate?: CertificateType;
}

export const ROLES: Record<RoleCode, RoleDefinition> = {
  intake_clerk: {
    code: 'intake_clerk',
    label: '窗口受理员',
    permissions: ['intake.create', 'matter.read'],
  },
  mediator: { code: 'mediator', label: '调解员', permissions: ['mediation.work', 'matter.read'] },
  inspector: {
    code: 'inspector',
    label: '监察员',
    permissions: ['inspection.work', 'matter.read', 'pii.view'],
    requiresCertificate: 'inspector_card',
  },
  arbitrator: {
    code: 'arbitrator',
    label: '仲裁员',
    permissions: ['arbitration.work', 'matter.read', 'pii.view'],
    requiresCertificate: 'arbitrator_card',
  },
  tribunal_clerk: {
    code: 'tribunal_clerk',
    label: '书记员',
    permissions: ['arbitration.clerk', 'matter.read', 'pii.view'],
  },
  petition_officer: {
    code: 'petition_officer',
    label: '信访接待员',
    permissions: ['petition.work', 'matter.read'],
  },
  legal_aid_liaison: {
    code: 'legal_aid_liaison',
    label: '法律援助联络员',
    permissions: ['legal_aid.work', 'matter.read'],
  },
  court_liaison: { code: 'court_liaison', label: '法院联络员', permissions: ['court.work', 'matter.read'] },
  union_liaison: { code: 'union_liaison', label: '工会联络员', permissions: ['union.work', 'matter.read'] },
  leader: {
    code: 'leader',
    label: '领导',
    permissions: ['leader.dashboard', 'matter.read', 'clock.extend', 'statistics.view'],
  },
  sysadmin: {
    code: 'sysadmin',
    label: '系统管理员',
    permissions: ['admin.users', 'admin.orgs', 'admin.audit', 'admin.calendar', 'admin.jobs'],
  },
  prevention_officer: {
    code: 'prevention_officer',
    label: '调解组织指导员',
    permissions: ['prevention.work'],
  },
  // Restricted: a mediator of a listed mediation organisation (possibly not a member of staff) who may
  // only keep the case ledger of the organisation(s) the register names them a member of.
  org_mediator: { code: 'org_mediator', label: '调解组织调解员', permissions: ['org_case.record'] },
};

export function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}

export interface RoleGrant {
  role: RoleCode;
  jurisdictionIds: readonly string[];
}

export interface CertificateState {
  type: CertificateType;
  validFrom: string; // YYYY-MM-DD
  validTo: string; // YYYY-MM-DD
  revoked: boolean;
}

/** Whether a role's powers are active on `today`, given the user's certificates. */
export function isRoleActive(
  role: RoleCode,
  certificates: readonly CertificateState[],
  today: string,
): boolean {
  const needed = ROLES[role].requiresCertificate;
  if (!needed) return true;
  return certificates.some(
    (c) => c.type === needed && !c.revoked && c.validFrom <= today && today <= c.validTo,
  );
}

export interface EffectiveGrant {
  role: RoleCode;
  active: boolean;
  jurisdictionIds: readonly string[];
}

/** Effective permissions: union over the user's active roles. Pure, so it is tested without a database. */
export function effectivePermissions(
  grants: readonly RoleGrant[],
  certificates: readonly CertificateState[],
  today: string,
): { permissions: Permission[]; grants: EffectiveGrant[] } {
  const set = new Set<Permission>();
  const out: EffectiveGrant[] = [];
  for (const g of grants) {
    const active = isRoleActive(g.role, certificates, today);
    out.push({ role: g.role, active, jurisdictionIds: g.jurisdictionIds });
    if (active) for (const p of ROLES[g.role].permissions) set.add(p);
  }
  return { permissions: [...set].sort(), grants: out };
}
