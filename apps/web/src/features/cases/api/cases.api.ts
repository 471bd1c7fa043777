import { api } from '../../../lib/api';
import type { Assignee, CaseDetail, CaseList, CaseResult, CaseTrack } from '../types';

export const casesApi = {
  listForMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<CaseList>(`/api/matters/${matterId}/cases`, undefined, signal),
  open: (matterId: string, body: { track: CaseTrack; claimIds: string[] }) =>
    api.post<CaseResult>(`/api/matters/${matterId}/cases`, body),
  get: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${id}`, undefined, signal),
  transition: (
    id: string,
    body: { event: string; version: number; reason?: string; payload?: Record<string, unknown> },
  ) => api.post<CaseResult>(`/api/cases/${id}/transitions`, body),
  assignees: (id: string, signal?: AbortSignal) =>
    api.get<{ items: Assignee[] }>(`/api/cases/${id}/assignees`, undefined, signal),
  assign: (id: string, body: { userId: string; version: number }) =>
    api.post<CaseDetail>(`/api/cases/${id}/assign`, body),
  declareConflict: (body: { partyId: string; relation: string }) => api.post('/api/me/conflicts', body),
};
