import { api, upload } from '../../../lib/api';
import type { Schema } from '../../../lib/api-types';
import type { ApiBody, ApiResponse } from '../../../lib/api-shapes';

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Visit = Schema<'PreventionVisit'>;
export type VisitListItem = Schema<'PreventionVisitListItem'>;
export type VisitIssue = Schema<'PreventionVisitIssue'>;
export type OutreachStaff = Schema<'PreventionOutreachStaff'>;

export type VisitInput = ApiBody<'/api/prevention/visits'>;

export type RecordInput = ApiBody<'/api/prevention/visits/{id}/record'>;

export type WorkerIdentity = Omit<IssueMatterInput['worker'], 'name'>;

export type IssueMatterInput = ApiBody<'/api/prevention/visit-issues/{id}/matter'>;

export type ReferralInput = ApiBody<'/api/prevention/org-cases/{id}/referral'>;

type IssueResult = ApiResponse<'/api/prevention/visit-issues/{id}/matter', 'post'>;

export const outreachApi = {
  list: (status: string | undefined, signal?: AbortSignal) =>
    api.get<ApiResponse<'/api/prevention/visits'>>(
      '/api/prevention/visits',
      status ? { status } : undefined,
      signal,
    ),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<Visit>(`/api/prevention/visits/${id}`, undefined, signal),
  staff: (signal?: AbortSignal) =>
    api.get<ApiResponse<'/api/prevention/outreach-staff'>>(
      '/api/prevention/outreach-staff',
      undefined,
      signal,
    ),
  plan: (body: VisitInput) => api.post<Visit>('/api/prevention/visits', body),
  record: (id: string, body: RecordInput) => api.post<Visit>(`/api/prevention/visits/${id}/record`, body),
  cancel: (id: string, body: { version: number; reason: string }) =>
    api.post<Visit>(`/api/prevention/visits/${id}/cancel`, body),
  uploadPhotos: (id: string, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return upload<{ items: unknown[] }>(`/api/prevention/visits/${id}/photos`, form);
  },
  toMatter: (issueId: string, body: IssueMatterInput) =>
    api.post<IssueResult>(`/api/prevention/visit-issues/${issueId}/matter`, body),
  toSupervision: (issueId: string, body: { version: number; note?: string }) =>
    api.post<IssueResult>(`/api/prevention/visit-issues/${issueId}/supervision`, body),
  refer: (caseId: string, body: ReferralInput) =>
    api.post<ApiResponse<'/api/prevention/org-cases/{id}/referral', 'post'>>(
      `/api/prevention/org-cases/${caseId}/referral`,
      body,
    ),
};
