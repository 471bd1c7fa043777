import { api } from '../../../lib/api';
import type { BodyOf, ResponseOf } from '../../../lib/api-types-helpers';
import type { Transfer, TransferBox } from '../types';

export type NewTransfer = BodyOf<'/api/matters/{id}/transfers', 'post'>;
type TransferList = ResponseOf<'/api/transfers'>;

export const transfersApi = {
  list: (box: TransferBox, signal?: AbortSignal) => api.get<TransferList>('/api/transfers', { box }, signal),
  overdue: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/transfers/overdue'>>('/api/transfers/overdue', undefined, signal),
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/matters/{id}/transfers'>>(
      `/api/matters/${matterId}/transfers`,
      undefined,
      signal,
    ),
  create: (matterId: string, body: NewTransfer) =>
    api.post<Transfer>(`/api/matters/${matterId}/transfers`, body),
  accept: (t: Transfer) => api.post<Transfer>(`/api/transfers/${t.id}/accept`, { version: t.version }),
  giveBack: (t: Transfer, reason: string) =>
    api.post<Transfer>(`/api/transfers/${t.id}/return`, { reason, version: t.version }),
  organizations: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/organizations'>>('/api/admin/organizations', undefined, signal),
};
