import { api } from '../../../lib/api';
import type { InspectionCase, InspectionListItem } from '../types';

export interface ActionResult {
  result: unknown;
  case: InspectionCase;
}

export const inspectionApi = {
  list: (query: { state?: string; mine?: string }, signal?: AbortSignal) =>
    api.get<{ items: InspectionListItem[] }>('/api/inspection/cases', query, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<InspectionCase>(`/api/inspection/cases/${id}`, undefined, signal),
  ofMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<{ items: InspectionCase[] }>(`/api/inspection/matters/${matterId}/cases`, undefined, signal),
  register: (body: unknown) =>
    api.post<{ caseId: string; caseNumber: string; case: InspectionCase }>('/api/inspection/cases', body),
  action: (id: string, path: string, body: unknown) =>
    api.post<ActionResult>(`/api/inspection/cases/${id}${path}`, body),
  assignees: (id: string, signal?: AbortSignal) =>
    api.get<{ items: { id: string; name: string; roles: string; barred: { reason: string } | null }[] }>(
      `/api/cases/${id}/assignees`,
      undefined,
      signal,
    ),
};
