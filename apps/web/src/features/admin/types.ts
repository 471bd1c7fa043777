import type { Schema } from '../../lib/api-types';
import type { CertificateType, RoleCode } from '@onestop/domain';
import type { NamedRef } from '../auth/types';

export interface UserRoleGrant {
  role: RoleCode;
  label: string;
  active: boolean;
  jurisdictions: NamedRef[];
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  organization: NamedRef;
  roles: UserRoleGrant[];
  active: boolean;
  lockedUntil: string | null;
  version: number;
}

export interface RoleGrantInput {
  role: RoleCode;
  jurisdictionIds: string[];
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  organizationId: string;
  password: string;
  phone?: string;
  roles: RoleGrantInput[];
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  organizationId?: string;
  active?: boolean;
  roles?: RoleGrantInput[];
}

export type CertificateStatus = 'valid' | 'expired' | 'revoked' | 'not_yet_valid';

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Certificate = Schema<'Certificate'>;

export interface CertificateInput {
  type: CertificateType;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

export const AGENCIES = {
  hrss: '人力资源和社会保障部门',
  arbitration: '劳动人事争议仲裁机构',
  inspection: '劳动保障监察机构',
  union: '工会',
  court: '人民法院',
  justice: '司法行政机关',
  petition: '信访部门',
} as const;

export type Agency = keyof typeof AGENCIES;

/** 1+X: the lead agency (人社) and its partners. */
export const PARTNER_ROLES = { lead: '牵头单位', partner: '协作单位' } as const;

export type PartnerRole = keyof typeof PARTNER_ROLES;

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Organization = Schema<'Organization'>;

export interface OrganizationInput {
  name: string;
  shortName: string;
  agency: Agency;
  partnerRole: PartnerRole;
  parentId?: string | null;
  jurisdictionId: string;
  address?: string | null;
  phone?: string | null;
}

export type JurisdictionLevel = 'city' | 'county';

export const JURISDICTION_LEVELS: Record<JurisdictionLevel, string> = { city: '市级', county: '县级' };

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Jurisdiction = Schema<'Jurisdiction'>;

export interface JurisdictionInput {
  code: string;
  name: string;
  parentId: string | null;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorName: string;
  actorRole: string;
  ip: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  message: string;
}

export interface ListResponse<T> {
  items: T[];
}
