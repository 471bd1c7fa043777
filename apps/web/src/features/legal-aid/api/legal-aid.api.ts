import { api } from '../../../lib/api';

export interface Screening {
  eligible: boolean;
  claimTypes: string[];
  claimLabels: string[];
  applicantName: string | null;
  migrantWorker: boolean;
  meansTestExempt: boolean;
  exemptionReason: string | null;
  daysLeft: number | null;
  deadlineSource: 'arbitration_limitation' | 'entered' | null;
  urgent: boolean;
  reason: string;
  basis: string;
}

export interface Referral {
  id: string;
  matter: { id: string; number: string };
  case: { id: string; number: string; state: string; stateLabel: string; version: number; closed: boolean };
  applicantName: string;
  claimTypes: string[];
  meansTestExempt: boolean;
  exemptionReason: string | null;
  economicHardship: boolean | null;
  urgent: boolean;
  daysLeft: number | null;
  urgentMeasureNeeded: boolean;
  reason: string;
  referralDocument: { id: string; number: string | null; state: string } | null;
  decision: string | null;
  decidedOn: string | null;
  refusalReason: string | null;
  lawyerName: string | null;
  lawFirm: string | null;
  assignedOn: string | null;
  assignedLate: boolean;
  result: string | null;
  decisionDue: string | null;
  actions: string[];
  createdAt: string;
}

export const legalAidApi = {
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<{ screening: Screening; referrals: Referral[]; canRefer: boolean }>(
      `/api/matters/${matterId}/legal-aid`,
      undefined,
      signal,
    ),
  refer: (matterId: string, body: { deadline?: string; urgentMeasureNeeded?: boolean; reason?: string }) =>
    api.post<Referral>(`/api/matters/${matterId}/legal-aid`, body),
  list: (signal?: AbortSignal) => api.get<{ items: Referral[] }>('/api/legal-aid', undefined, signal),
  act: (r: Referral, action: 'decision' | 'lawyer' | 'confirm' | 'result', body: Record<string, unknown>) =>
    api.post<Referral>(`/api/legal-aid/${r.id}/${action}`, { ...body, version: r.case.version }),
};
