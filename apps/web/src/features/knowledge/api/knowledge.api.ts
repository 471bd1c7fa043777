import { api } from '../../../lib/api';
import type { ApiBody, ApiResponse } from '../../../lib/api-shapes';

export type KbEntry = ApiResponse<'/api/kb/{id}'>;

export type KbInput = ApiBody<'/api/kb'>;

export const knowledgeApi = {
  search: (q: string, opts: { topic?: string; includeDrafts?: boolean } = {}, signal?: AbortSignal) =>
    api.get<ApiResponse<'/api/kb'>>(
      '/api/kb',
      { q, topic: opts.topic, includeDrafts: opts.includeDrafts ? 'true' : undefined, limit: 50 },
      signal,
    ),
  create: (body: KbInput) => api.post<KbEntry>('/api/kb', body),
  update: (id: string, body: ApiBody<'/api/kb/{id}', 'patch'>) => api.patch<KbEntry>(`/api/kb/${id}`, body),
};
