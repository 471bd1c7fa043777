import { api } from '../../../lib/api';
import type { ApiBody } from '../../../lib/api-shapes';
import type { ApiPath, ResponseOf } from '../../../lib/api-types-helpers';
import type {
  CalculationInput,
  CalculationResult,
  MatterMediation,
  MediationDetail,
  StartMediation,
} from '../types';

type StepOf<R> = R extends `/api/mediation/cases/{caseId}${infer S}` ? S : never;
/** A step of a mediation case: its route under /api/mediation/cases/{caseId} ('/proposal', '/sessions/{sessionId}/record'). */
export type MediationStep = StepOf<Extract<ApiPath, `/api/mediation/cases/{caseId}/${string}`>>;
/** The request body of a step, from the generated API types. */
export type StepBody<S extends MediationStep> = ApiBody<`/api/mediation/cases/{caseId}${S}`, 'post'>;
/** One step to post: its route, the ids its route names ({sessionId}, {followupId}) and its body. */
export type MediationAction = {
  [S in MediationStep]: { step: S; body: StepBody<S>; ids?: Record<string, string> };
}[MediationStep];

/** The URL of a step of the case, the ids of its route filled in. */
const stepUrl = (caseId: string, step: MediationStep, ids: Record<string, string> = {}) =>
  `/api/mediation/cases/${caseId}${step.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(ids[k] ?? ''))}`;

export const mediationApi = {
  overview: (matterId: string, signal?: AbortSignal) =>
    api.get<MatterMediation>(`/api/matters/${matterId}/mediation`, undefined, signal),
  start: (matterId: string, body: StartMediation) =>
    api.post<ResponseOf<'/api/matters/{id}/mediation', 'post'>>(`/api/matters/${matterId}/mediation`, body),
  organizations: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/mediation/organizations'>>('/api/mediation/organizations', undefined, signal),
  action: (caseId: string, a: MediationAction) =>
    api.post<MediationDetail>(stepUrl(caseId, a.step, a.ids), a.body),
  calculate: (body: CalculationInput) => api.post<CalculationResult>('/api/calculators/entitlements', body),
};
