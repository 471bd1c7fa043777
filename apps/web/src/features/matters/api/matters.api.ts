import { ApiError, api, type QueryValue } from '../../../lib/api';
import type { Evidence, MatterDetail, MatterList, PartyPii } from '../types';

/** The CSRF token for calls that cannot go through lib/api (multipart uploads, extra headers). */
async function csrfToken(): Promise<string> {
  const me = await api.get<{ csrfToken: string }>('/api/auth/me');
  return me.csrfToken;
}

/** A state-changing fetch with the CSRF header and our error shape, for multipart and custom headers. */
export async function rawPost<T>(
  path: string,
  body: BodyInit,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'x-csrf-token': await csrfToken(), ...headers },
    body,
  });
  const data = (await res.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
  if (!res.ok || data === null) {
    throw new ApiError(
      res.status,
      data?.code ?? `HTTP_${res.status}`,
      data?.message ?? `请求失败（${res.status}）`,
      data,
    );
  }
  return data;
}

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
    return rawPost<{ items: Evidence[] }>(`/api/matters/${matterId}/evidence`, form);
  },
};

export const evidenceFileUrl = (id: string) => `/api/evidence/${id}/file`;
