import { api } from '../../../lib/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts).
export type FilingDetail = ResponseOf<'/api/supervision/filings/{id}'>;
export type FilingFlag = FilingDetail['flags'][number];
export type FilingList = ResponseOf<'/api/supervision/filings'>;
export type FilingListItem = ItemOf<FilingList>;
export type FilingInput = BodyOf<'/api/supervision/filings', 'post'>;
export type OpenedCase = ResponseOf<'/api/supervision/filings/{id}/case', 'post'>;
export type MinimumWageTable = ResponseOf<'/api/supervision/minimum-wage/table'>;
export type MinimumWageRow = ItemOf<MinimumWageTable>;
export type CampaignList = ResponseOf<'/api/inspection/campaigns'>;
export type CampaignItem = ItemOf<CampaignList>;
export type CampaignInput = BodyOf<'/api/inspection/campaigns', 'post'>;
export type CampaignCreated = ResponseOf<'/api/inspection/campaigns', 'post'>;

export const supervisionApi = {
  filings: (signal?: AbortSignal) => api.get<FilingList>('/api/supervision/filings', undefined, signal),
  file: (body: FilingInput) => api.post<FilingDetail>('/api/supervision/filings', body),
  openCase: (id: string) => api.post<OpenedCase>(`/api/supervision/filings/${id}/case`, {}),
  minimumWage: (signal?: AbortSignal) =>
    api.get<MinimumWageTable>('/api/supervision/minimum-wage/table', undefined, signal),
  campaigns: (signal?: AbortSignal) => api.get<CampaignList>('/api/inspection/campaigns', undefined, signal),
  createCampaign: (body: CampaignInput) => api.post<CampaignCreated>('/api/inspection/campaigns', body),
};
