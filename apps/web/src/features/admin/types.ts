import type { Schema } from '../../lib/api-types';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).

export type AdminUser = Schema<'User'>;
export type UserRoleGrant = AdminUser['roles'][number];
export type CreateUserInput = BodyOf<'/api/admin/users', 'post'>;
export type UpdateUserInput = BodyOf<'/api/admin/users/{id}', 'patch'>;
export type RoleGrantInput = NonNullable<CreateUserInput['roles']>[number];

export type Certificate = Schema<'Certificate'>;
export type CertificateStatus = Certificate['status'];

export type CertificateInput = BodyOf<'/api/admin/users/{id}/certificates', 'post'>;

export const AGENCIES = {
  hrss: '人力资源和社会保障部门',
  arbitration: '劳动人事争议仲裁机构',
  inspection: '劳动保障监察机构',
  union: '工会',
  court: '人民法院',
  justice: '司法行政机关',
  petition: '信访部门',
} as const satisfies Record<Organization['agency'], string>;

export type Agency = keyof typeof AGENCIES;

/** 1+X: the lead agency (人社) and its partners. */
export const PARTNER_ROLES = { lead: '牵头单位', partner: '协作单位' } as const satisfies Record<
  Organization['partnerRole'],
  string
>;

export type PartnerRole = keyof typeof PARTNER_ROLES;

export type Organization = Schema<'Organization'>;

export type OrganizationInput = BodyOf<'/api/admin/organizations', 'post'>;
export type OrganizationPatch = BodyOf<'/api/admin/organizations/{id}', 'patch'>;

export type JurisdictionLevel = Jurisdiction['level'];

export const JURISDICTION_LEVELS: Record<JurisdictionLevel, string> = { city: '市级', county: '县级' };

export type Jurisdiction = Schema<'Jurisdiction'>;

export type JurisdictionInput = BodyOf<'/api/admin/jurisdictions', 'post'>;
export type JurisdictionRename = BodyOf<'/api/admin/jurisdictions/{id}', 'patch'>;

export type AuditPage = ResponseOf<'/api/admin/audit/'>;
export type AuditEntry = ItemOf<AuditPage>;
/** The search form's filters (the route's query without paging). */
export type AuditFilters = Omit<QueryOf<'/api/admin/audit/'>, 'page' | 'pageSize'>;
export type AuditVerifyResult = ResponseOf<'/api/admin/audit/verify'>;
