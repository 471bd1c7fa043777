import { request } from '../../../lib/api';
import type { Schema } from '../../../lib/api-types';

export type WageGroup = Schema<'WageGroup'>;
export type WageLine = WageGroup['lines'][number];
export type WageImportResult = Schema<'WageImportResult'>;
export type WageGroupList = Schema<'WageGroupList'>;

export const wageGroupsApi = {
  list: (signal?: AbortSignal) => request<WageGroupList>('/api/wage-groups', { signal }),
  forMatter: (matterId: string, signal?: AbortSignal) =>
    request<WageGroup | null>(`/api/matters/${matterId}/wage-group`, { signal }),
  create: (body: { matterId: string; kind: WageGroup['kind']; name: string; generalContractor?: string }) =>
    request<WageGroup>('/api/wage-groups', { method: 'POST', body }),
  import: (id: string, body: { file: string; goodRowsOnly?: boolean }) =>
    request<WageImportResult>(`/api/wage-groups/${id}/import`, { method: 'POST', body }),
  pay: (
    id: string,
    lineId: string,
    body: {
      amountFen: number;
      paidOn: string;
      payer: string;
      payerName?: string;
      note?: string;
      version: number;
    },
  ) => request<WageGroup>(`/api/wage-groups/${id}/lines/${lineId}/payments`, { method: 'POST', body }),
};
