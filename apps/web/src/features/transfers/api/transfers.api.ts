import { api } from '../../../lib/api';
import type { CaseTrack } from '../../cases/types';
import type { Transfer, TransferBox } from '../types';

export interface NewTransfer {
  toOrgId: string;
  toTrack?: CaseTrack;
  caseId?: string;
  reason: string;
}

export const transfersApi = {
  list: (box: TransferBox, signal?: AbortSignal) =>
    api.get<{ items: Transfer[] }>('/api/transfers', { box }, signal),
  overdue: (signal?: AbortSignal) =>
    api.get<{ items: Transfer[] }>('/api/transfers/overdue', undefined, signal),
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<{ items: Transfer[] }>(`/api/matters/${matterId}/transfers`, undefined, signal),
  create: (matterId: string, body: NewTransfer) =>
    api.post<Transfer>(`/api/matters/${matterId}/transfers`, body),
  accept: (t: Transfer) => api.post<Transfer>(`/api/transfers/${t.id}/accept`, { version: t.version }),
  giveBack: (t: Transfer, reason: string) =>
    api.post<Transfer>(`/api/transfers/${t.id}/return`, { reason, version: t.version }),
  organizations: (signal?: AbortSignal) =>
    api.get<{ items: { id: string; name: string; agency: string }[] }>(
      '/api/admin/organizations',
      undefined,
      signal,
    ),
};
