import { api } from '../../../lib/api';
import type {
  CalculationInput,
  CalculationResult,
  MatterMediation,
  MediationDetail,
  MediationOrganization,
} from '../types';

const c = (caseId: string, path: string) => `/api/mediation/cases/${caseId}${path}`;

export const mediationApi = {
  overview: (matterId: string, signal?: AbortSignal) =>
    api.get<MatterMediation>(`/api/matters/${matterId}/mediation`, undefined, signal),
  start: (matterId: string, body: unknown) =>
    api.post<{ outcome: 'mediation' | 'arbitration'; caseId: string; number: string }>(
      `/api/matters/${matterId}/mediation`,
      body,
    ),
  organizations: (signal?: AbortSignal) =>
    api.get<{ items: MediationOrganization[] }>('/api/mediation/organizations', undefined, signal),
  action: (caseId: string, path: string, body: unknown) => api.post<MediationDetail>(c(caseId, path), body),
  calculate: (body: CalculationInput) => api.post<CalculationResult>('/api/calculators/entitlements', body),
};
