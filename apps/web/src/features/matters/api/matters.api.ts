import { api, type QueryValue, upload } from '../../../lib/api';
import type { Evidence, MatterDetail, MatterList, PartyPii } from '../types';

export const mattersApi = {
  list: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    api.get<MatterList>('/api/matters', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<MatterDetail>(`/api/matters/${id}`, undefined, signal),
  patch: (id: string, body: Record<string, unknown>) => api.patch<MatterDetail>(`/api/matters/${id}`, body),
  merge: (id: string, body: { version: number; otherId: string; otherVersion: number; reason: string }) =>
    api.post<MatterDetail>(`/api/matters/${id}/merge`, body),
  pii: (partyId: string) => api.get<PartyPii>(`/api/parties/${partyId}/pii`),
  uploadEvidence(matterId: string, files: File[]) {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return upload<{ items: Evidence[] }>(`/api/matters/${matterId}/evidence`, form);
  },
};

export const evidenceFileUrl = (id: string) => `/api/evidence/${id}/file`;
