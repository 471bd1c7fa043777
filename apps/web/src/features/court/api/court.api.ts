import { api } from '../../../lib/api';

export interface Docking {
  id: string;
  kind: 'delegated' | 'confirmation';
  kindLabel: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  matter: { id: string; number: string } | null;
  court: { id: string; name: string };
  courtCaseNo: string | null;
  applicantName: string;
  respondentName: string;
  summary: string;
  mediatorName: string | null;
  agreementTerms: string | null;
  agreementEffectiveOn: string | null;
  confirmationDue: string | null;
  returnedReason: string | null;
  confAppliedOn: string | null;
  courtRulingNo: string | null;
  courtResultOn: string | null;
  courtResultNote: string | null;
  events: {
    at: string;
    event: string;
    label: string;
    toState: string;
    actorName: string;
    note: string | null;
  }[];
  actions: { event: string; label: string }[];
  version: number;
  createdAt: string;
}

export const courtApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Docking[] }>('/api/court-docking', undefined, signal),
  delegate: (body: {
    courtCaseNo?: string;
    applicantName: string;
    respondentName: string;
    summary: string;
  }) => api.post<Docking>('/api/court-docking/delegations', body),
  requestConfirmation: (body: {
    matterId: string;
    courtOrgId: string;
    agreementTerms: string;
    agreementEffectiveOn: string;
  }) => api.post<Docking>('/api/court-docking/confirmations', body),
  step: (d: Docking, event: string, body: Record<string, unknown>) =>
    api.post<Docking>(`/api/court-docking/${d.id}/steps/${event}`, { ...body, version: d.version }),
};
