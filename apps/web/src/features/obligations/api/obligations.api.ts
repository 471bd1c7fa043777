import { api } from '../../../lib/api';
import type { Obligation, ObligationList, ObligationNextStepResult, UnpaidObligationsByAge } from '../types';

export interface RecordPayment {
  version: number;
  amountFen: number;
  paidOn: string;
  payer: string;
  note?: string;
}

export const obligationsApi = {
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<ObligationList>(`/api/matters/${matterId}/obligations`, undefined, signal),
  forEmployer: (partyId: string, signal?: AbortSignal) =>
    api.get<ObligationList>(`/api/employers/${partyId}/obligations`, undefined, signal),
  unpaidByAge: (signal?: AbortSignal) =>
    api.get<UnpaidObligationsByAge>('/api/leader/obligations', undefined, signal),
  recordPayment: (id: string, body: RecordPayment) =>
    api.post<Obligation>(`/api/obligations/${id}/payments`, body),
  decide: (id: string, paymentId: string, body: { version: number; confirm: boolean; note?: string }) =>
    api.post<Obligation>(`/api/obligations/${id}/payments/${paymentId}/decision`, body),
  nextStep: (id: string, body: { version: number; step: string; court: string }) =>
    api.post<ObligationNextStepResult>(`/api/obligations/${id}/next-step`, body),
};
