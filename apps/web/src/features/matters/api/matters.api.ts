import { api, type QueryValue, upload } from '../../../lib/api';
import type { EvidenceUpload, MatterDetail, MatterList, MatterMerge, MatterPatch, PartyPii } from '../types';

export const mattersApi = {
  list: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    api.get<MatterList>('/api/matters', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<MatterDetail>(`/api/matters/${id}`, undefined, signal),
  patch: (id: string, body: MatterPatch) => api.patch<MatterDetail>(`/api/matters/${id}`, body),
  merge: (id: string, body: MatterMerge) => api.post<MatterDetail>(`/api/matters/${id}/merge`, body),
  pii: (partyId: string) => api.get<PartyPii>(`/api/parties/${partyId}/pii`),
  uploadEvidence(matterId: string, files: File[]) {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return upload<EvidenceUpload>(`/api/matters/${matterId}/evidence`, form);
  },
};

export const evidenceFileUrl = (id: string) => `/api/evidence/${id}/file`;
