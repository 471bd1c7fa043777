import { api } from '../../../lib/api';
import type { ApiBody, ApiResponse } from '../../../lib/api-shapes';

type MatterLegalAid = ApiResponse<'/api/matters/{id}/legal-aid'>;

export type Screening = MatterLegalAid['screening'];

export type Referral = ApiResponse<'/api/legal-aid/{id}'>;

export const legalAidApi = {
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<MatterLegalAid>(`/api/matters/${matterId}/legal-aid`, undefined, signal),
  refer: (matterId: string, body: ApiBody<'/api/matters/{id}/legal-aid'>) =>
    api.post<Referral>(`/api/matters/${matterId}/legal-aid`, body),
  list: (signal?: AbortSignal) => api.get<ApiResponse<'/api/legal-aid'>>('/api/legal-aid', undefined, signal),
  act: (r: Referral, action: 'decision' | 'lawyer' | 'confirm' | 'result', body: Record<string, unknown>) =>
    api.post<Referral>(`/api/legal-aid/${r.id}/${action}`, { ...body, version: r.case.version }),
};
