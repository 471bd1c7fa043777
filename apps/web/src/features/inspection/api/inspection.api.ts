import { api } from '../../../lib/api';
import type { Schema } from '../../../lib/api-types';
import type { ApiPath, BodyOf, ItemOf, MethodOf, ResponseOf } from '../../../lib/api-types-helpers';
import type { Party } from '../../matters/types';
import type { CampaignDetail, InspectionCase } from '../types';

/** The answer of every step: what the step gave back and the fresh case. */
export type ActionResult = Schema<'InspectionActionResult'>;
export type PartyNoticeItem = ItemOf<ResponseOf<'/api/inspection/cases/{id}/notices'>>;
export type RegisterBody = BodyOf<'/api/inspection/cases', 'post'>;
export type CampaignBody = BodyOf<'/api/inspection/campaigns', 'post'>;
type StepPath = Extract<ApiPath, `/api/inspection/cases/{id}/${string}`>;
/** The body of one of the case's steps (POST /api/inspection/cases/:id/…). */
export type InspectionStepBody = {
  [P in StepPath]: 'post' extends MethodOf<P> ? BodyOf<P, 'post' & MethodOf<P>> : never;
}[StepPath];

export const inspectionApi = {
  notices: (id: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/inspection/cases/{id}/notices'>>(
      `/api/inspection/cases/${id}/notices`,
      undefined,
      signal,
    ),
  list: (query: { state?: string; mine?: string }, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/inspection/cases'>>('/api/inspection/cases', query, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<InspectionCase>(`/api/inspection/cases/${id}`, undefined, signal),
  ofMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/inspection/matters/{id}/cases'>>(
      `/api/inspection/matters/${matterId}/cases`,
      undefined,
      signal,
    ),
  register: (body: RegisterBody) =>
    api.post<ResponseOf<'/api/inspection/cases', 'post'>>('/api/inspection/cases', body),
  action: (id: string, path: string, body: InspectionStepBody) =>
    api.post<ActionResult>(`/api/inspection/cases/${id}${path}`, body),
  assignees: (id: string, signal?: AbortSignal) =>
    api.get<{ items: { id: string; name: string; roles: string; barred: { reason: string } | null }[] }>(
      `/api/cases/${id}/assignees`,
      undefined,
      signal,
    ),
  campaigns: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/inspection/campaigns'>>('/api/inspection/campaigns', undefined, signal),
  campaign: (id: string, signal?: AbortSignal) =>
    api.get<CampaignDetail>(`/api/inspection/campaigns/${id}`, undefined, signal),
  createCampaign: (body: CampaignBody) =>
    api.post<ResponseOf<'/api/inspection/campaigns', 'post'>>('/api/inspection/campaigns', body),
  searchEmployers: (q: string) => api.get<{ items: Party[] }>('/api/parties/search', { q, kind: 'employer' }),
  organizations: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/organizations'>>('/api/admin/organizations', undefined, signal),
};
