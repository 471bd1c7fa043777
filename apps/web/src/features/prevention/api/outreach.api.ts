import { api, upload } from '../../../lib/api';
import type { Schema } from '../../../lib/api-types';

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Visit = Schema<'PreventionVisit'>;
export type VisitListItem = Schema<'PreventionVisitListItem'>;
export type VisitIssue = Schema<'PreventionVisitIssue'>;
export type OutreachStaff = Schema<'PreventionOutreachStaff'>;

export interface VisitInput {
  kind: 'enterprise_visit' | 'law_session';
  jurisdictionId: string;
  employerName?: string;
  creditCode?: string;
  address: string;
  plannedOn: string;
  topics: string[];
  staffIds: string[];
}

export interface RecordInput {
  version: number;
  doneOn: string;
  topics: string[];
  staffIds?: string[];
  attendanceCount: number;
  attendees: { name: string; position?: string }[];
  summary?: string;
  issues: { description: string; claimType?: string; workerCount?: number }[];
}

export interface WorkerIdentity {
  idType: 'resident_id' | 'passport' | 'hmt_residence_permit' | 'foreign_permanent_residence';
  idNumber: string;
  phone?: string;
}

export interface IssueMatterInput {
  version: number;
  worker: WorkerIdentity & { name: string };
  claimType?: string;
  amountFen?: number;
  facts?: string;
}

export interface ReferralInput {
  version: number;
  purpose: 'handling' | 'arbitral_review' | 'judicial_confirmation';
  worker: WorkerIdentity;
  employerCreditCode?: string;
  amountFen?: number;
  agreementEffectiveOn?: string;
  note?: string;
}

interface IssueResult {
  issue: VisitIssue;
  visitId: string;
  matter: { id: string; number: string } | null;
  supervisionFilingId: string | null;
}

export const outreachApi = {
  list: (status: string | undefined, signal?: AbortSignal) =>
    api.get<{ items: VisitListItem[] }>('/api/prevention/visits', status ? { status } : undefined, signal),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<Visit>(`/api/prevention/visits/${id}`, undefined, signal),
  staff: (signal?: AbortSignal) =>
    api.get<{ items: OutreachStaff[] }>('/api/prevention/outreach-staff', undefined, signal),
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
    api.post<unknown>(`/api/prevention/org-cases/${caseId}/referral`, body),
};
