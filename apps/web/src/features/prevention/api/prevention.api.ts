import { api, upload } from '../../../lib/api';
import type { ApiBody, ApiResponse, ItemOf } from '../../../lib/api-shapes';

export type OrgMember = OrganizationDetail['members'][number];

export type Organization = ItemOf<ApiResponse<'/api/prevention/organizations'>['items']>;

export type AssessmentItem = Assessment['items'][number];

export type Assessment = ApiResponse<'/api/prevention/organizations/{id}/assessments', 'post'>;

export type OrganizationDetail = ApiResponse<'/api/prevention/organizations/{id}'>;

export type ChecklistItem = ItemOf<ApiResponse<'/api/prevention/checklist'>['items']>;

export type OrgCase = ItemOf<ApiResponse<'/api/prevention/organizations/{id}/cases'>['items']>;

export type RegisterInput = ApiBody<'/api/prevention/organizations'>;

export type AssessmentInput = ApiBody<'/api/prevention/organizations/{id}/assessments'>;

export type CaseInput = ApiBody<'/api/prevention/organizations/{id}/cases'>;

export type CaseResultInput = ApiBody<'/api/prevention/org-cases/{id}/result'>;

export const preventionApi = {
  list: (shortfall: boolean, signal?: AbortSignal) =>
    api.get<{ items: Organization[] }>(
      '/api/prevention/organizations',
      shortfall ? { shortfall: 'true' } : undefined,
      signal,
    ),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<OrganizationDetail>(`/api/prevention/organizations/${id}`, undefined, signal),
  register: (body: RegisterInput) => api.post<OrganizationDetail>('/api/prevention/organizations', body),
  checklist: (signal?: AbortSignal) =>
    api.get<{ items: ChecklistItem[] }>('/api/prevention/checklist', undefined, signal),
  assess: (id: string, body: AssessmentInput) =>
    api.post<Assessment>(`/api/prevention/organizations/${id}/assessments`, body),
  uploadEvidence: (assessmentId: string, itemCode: string, file: File) => {
    const form = new FormData();
    form.append('itemCode', itemCode);
    form.append('file', file, file.name);
    return upload<{ items: unknown[] }>(`/api/prevention/assessments/${assessmentId}/evidence`, form);
  },
  myOrganizations: (signal?: AbortSignal) =>
    api.get<{ items: { id: string; name: string; kindLabel: string }[] }>(
      '/api/prevention/my-organizations',
      undefined,
      signal,
    ),
  cases: (organizationId: string, signal?: AbortSignal) =>
    api.get<{ items: OrgCase[] }>(`/api/prevention/organizations/${organizationId}/cases`, undefined, signal),
  recordCase: (organizationId: string, body: CaseInput) =>
    api.post<OrgCase>(`/api/prevention/organizations/${organizationId}/cases`, body),
  closeCase: (id: string, body: CaseResultInput) =>
    api.post<OrgCase>(`/api/prevention/org-cases/${id}/result`, body),
};
