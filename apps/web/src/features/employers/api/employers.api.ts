import { api } from '../../../lib/api';

export interface RiskFactor {
  code: string;
  label: string;
  count: number;
  points: number;
}
export interface RiskItem {
  id: string;
  name: string;
  creditCode: string | null;
  score: number;
  levelLabel: string;
  factors: RiskFactor[];
}
export interface EmployerProfile {
  employer: {
    id: string;
    name: string;
    creditCode: string | null;
    legalRepresentative: string | null;
    industry: string | null;
  };
  risk: { score: number; levelLabel: string; factors: RiskFactor[] };
  matters: { id: string; number: string; status: string; receivedAt: string }[];
  cases: { id: string; number: string; track: string; state: string; closed: boolean }[];
  outcomes: { id: string; caseId: string; kind: string; summary: string }[];
  penaltiesTotalFen: number;
  filings: { id: string; kind: string; status: string }[];
  awards: number;
  /** 失信联合惩戒名单 procedures against the employer, newest first (issue #21). */
  defaulterListings?: {
    id: string;
    state: string;
    stateLabel: string;
    decidedOn: string | null;
    endsOn: string | null;
  }[];
  /** Its enterprise mediation committee and the outreach visits to it (issue #19). */
  prevention?: EmployerPrevention;
}

export interface EmployerPrevention {
  committee: {
    id: string;
    name: string;
    statusLabel: string;
    foundedOn: string;
    standard: {
      state: 'never' | 'passed' | 'failed';
      label: string;
      lastAssessedOnText?: string;
      reassessDueText?: string;
    };
  } | null;
  visits: {
    id: string;
    kindLabel: string;
    status: string;
    statusLabel: string;
    dateText: string;
    topics: string[];
    issueCount: number;
  }[];
}

export const employersApi = {
  risk: (signal?: AbortSignal) => api.get<{ items: RiskItem[] }>('/api/employers/risk', undefined, signal),
  profile: (id: string, signal?: AbortSignal) =>
    api.get<EmployerProfile>(`/api/employers/${id}/profile`, undefined, signal),
  byCode: (code: string) => api.get<EmployerProfile>(`/api/employers/by-code/${encodeURIComponent(code)}`),
};
