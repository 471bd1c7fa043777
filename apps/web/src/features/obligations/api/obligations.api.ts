import { api } from '../../../lib/api';
import type { BodyOf } from '../../../lib/api-types-helpers';
import type { Obligation, ObligationList, ObligationNextStepResult, UnpaidObligationsByAge } from '../types';

export type RecordPayment = BodyOf<'/api/obligations/{id}/payments', 'post'>;
export type NextStep = BodyOf<'/api/obligations/{id}/next-step', 'post'>;

export const obligationsApi = {
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<ObligationList>(`/api/matters/${matterId}/obligations`, undefined, signal),
  forEmployer: (partyId: string, signal?: AbortSignal) =>
    api.get<ObligationList>(`/api/employers/${partyId}/obligations`, undefined, signal),
  unpaidByAge: (signal?: AbortSignal) =>
    api.get<UnpaidObligationsByAge>('/api/leader/obligations', undefined, signal),
  recordPayment: (id: string, body: RecordPayment) =>
    api.post<Obligation>(`/api/obligations/${id}/payments`, body),
  decide: (
    id: string,
    paymentId: string,
    body: BodyOf<'/api/obligations/{id}/payments/{paymentId}/decision', 'post'>,
  ) => api.post<Obligation>(`/api/obligations/${id}/payments/${paymentId}/decision`, body),
  nextStep: (id: string, body: NextStep) =>
    api.post<ObligationNextStepResult>(`/api/obligations/${id}/next-step`, body),
};
