import { api } from '../../../lib/api';

export interface FilingFlag {
  code: string;
  message: string;
  basis: string;
}
export interface FilingListItem {
  id: string;
  kind: string;
  kindLabel: string;
  status: string;
  flagCount: number;
  caseId: string | null;
  employerName: string;
  creditCode: string | null;
  createdAt: string;
}
export interface FilingDetail {
  id: string;
  kindLabel: string;
  flags: FilingFlag[];
  data: Record<string, unknown>;
  caseId: string | null;
}
export interface MinimumWageRow {
  areaCode: string;
  tier: number;
  monthlyFen: number;
  hourlyFen: number;
  effectiveFrom: string;
  basis: string;
}
export interface CampaignItem {
  id: string;
  name: string;
  topic: string;
  startsOn: string;
  endsOn: string;
  employers: number;
}

export const supervisionApi = {
  filings: (signal?: AbortSignal) =>
    api.get<{ items: FilingListItem[] }>('/api/supervision/filings', undefined, signal),
  file: (body: unknown) => api.post<FilingDetail>('/api/supervision/filings', body),
  openCase: (id: string) =>
    api.post<{ caseId: string; caseNumber: string }>(`/api/supervision/filings/${id}/case`, {}),
  minimumWage: (signal?: AbortSignal) =>
    api.get<{ items: MinimumWageRow[] }>('/api/supervision/minimum-wage/table', undefined, signal),
  campaigns: (signal?: AbortSignal) =>
    api.get<{ items: CampaignItem[] }>('/api/inspection/campaigns', undefined, signal),
  createCampaign: (body: unknown) =>
    api.post<{ id: string; cases: unknown[] }>('/api/inspection/campaigns', body),
};
