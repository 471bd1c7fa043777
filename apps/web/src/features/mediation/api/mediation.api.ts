import { api } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import type {
  CalculationInput,
  CalculationResult,
  MatterMediation,
  MediationDetail,
  StartMediation,
} from '../types';

const c = (caseId: string, path: string) => `/api/mediation/cases/${caseId}${path}`;

export const mediationApi = {
  overview: (matterId: string, signal?: AbortSignal) =>
    api.get<MatterMediation>(`/api/matters/${matterId}/mediation`, undefined, signal),
  start: (matterId: string, body: StartMediation) =>
    api.post<ResponseOf<'/api/matters/{id}/mediation', 'post'>>(`/api/matters/${matterId}/mediation`, body),
  organizations: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/mediation/organizations'>>('/api/mediation/organizations', undefined, signal),
  action: (caseId: string, path: string, body: unknown) => api.post<MediationDetail>(c(caseId, path), body),
  calculate: (body: CalculationInput) => api.post<CalculationResult>('/api/calculators/entitlements', body),
};
