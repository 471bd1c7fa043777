import { api } from '../../../lib/api';
import type { Party } from '../../matters/types';
import type { Campaign, CampaignDetail, InspectionCase, InspectionListItem } from '../types';

export interface ActionResult {
  result: unknown;
  case: InspectionCase;
}

export interface PartyNoticeItem {
  id: string;
  channel: 'sms' | 'phone' | 'mail' | 'in_person' | 'none';
  state: 'pending' | 'sending' | 'sent' | 'logged' | 'failed' | 'recorded';
  template: string;
  sentAt: string | null;
  createdAt: string;
  recipient: string;
}

export const inspectionApi = {
  notices: (id: string, signal?: AbortSignal) =>
    api.get<{ items: PartyNoticeItem[] }>(`/api/inspection/cases/${id}/notices`, undefined, signal),
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
  campaigns: (signal?: AbortSignal) =>
    api.get<{ items: Campaign[] }>('/api/inspection/campaigns', undefined, signal),
  campaign: (id: string, signal?: AbortSignal) =>
    api.get<CampaignDetail>(`/api/inspection/campaigns/${id}`, undefined, signal),
  createCampaign: (body: unknown) =>
    api.post<{ id: string; cases: { employerId: string; caseId: string; caseNumber: string }[] }>(
      '/api/inspection/campaigns',
      body,
    ),
  searchEmployers: (q: string) => api.get<{ items: Party[] }>('/api/parties/search', { q, kind: 'employer' }),
  organizations: (signal?: AbortSignal) =>
    api.get<{ items: { id: string; name: string; agency: string }[] }>(
      '/api/admin/organizations',
      undefined,
      signal,
    ),
};
