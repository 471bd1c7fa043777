import { api } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import type {
  AdminUser,
  AuditFilters,
  AuditPage,
  AuditVerifyResult,
  Certificate,
  CertificateInput,
  CreateUserInput,
  Jurisdiction,
  JurisdictionInput,
  JurisdictionRename,
  Organization,
  OrganizationInput,
  OrganizationPatch,
  UpdateUserInput,
} from '../types';

const id = (value: string) => encodeURIComponent(value);

export const usersApi = {
  list: (q: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/users'>>('/api/admin/users', { q }, signal),
  create: (input: CreateUserInput) => api.post<AdminUser>('/api/admin/users', input),
  update: (userId: string, input: UpdateUserInput) =>
    api.patch<AdminUser>(`/api/admin/users/${id(userId)}`, input),
  unlock: (userId: string) => api.post<void>(`/api/admin/users/${id(userId)}/unlock`),
  resetPassword: (userId: string, password: string) =>
    api.post<void>(`/api/admin/users/${id(userId)}/reset-password`, { password }),
  certificates: (userId: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/users/{id}/certificates'>>(
      `/api/admin/users/${id(userId)}/certificates`,
      undefined,
      signal,
    ),
  addCertificate: (userId: string, input: CertificateInput) =>
    api.post<Certificate>(`/api/admin/users/${id(userId)}/certificates`, input),
  revokeCertificate: (certificateId: string) =>
    api.post<void>(`/api/admin/certificates/${id(certificateId)}/revoke`),
};

export const organizationsApi = {
  list: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/organizations'>>('/api/admin/organizations', undefined, signal),
  create: (input: OrganizationInput) => api.post<Organization>('/api/admin/organizations', input),
  update: (orgId: string, input: OrganizationPatch) =>
    api.patch<Organization>(`/api/admin/organizations/${id(orgId)}`, input),
};

export const jurisdictionsApi = {
  list: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/jurisdictions'>>('/api/admin/jurisdictions', undefined, signal),
  create: (input: JurisdictionInput) => api.post<Jurisdiction>('/api/admin/jurisdictions', input),
  rename: (jurisdictionId: string, input: JurisdictionRename) =>
    api.patch<Jurisdiction>(`/api/admin/jurisdictions/${id(jurisdictionId)}`, input),
};

export const auditApi = {
  list: (filters: AuditFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<AuditPage>('/api/admin/audit', { ...filters, page, pageSize }, signal),
  verify: () => api.get<AuditVerifyResult>('/api/admin/audit/verify'),
};
