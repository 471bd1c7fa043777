import { api } from '../../../lib/api';

export interface KbEntry {
  id: string;
  topic: string;
  question: string;
  answer: string;
  basis: string;
  tags: string[];
  published: boolean;
  version: number;
  updatedAt: string;
}

export interface KbInput {
  topic: string;
  question: string;
  answer: string;
  basis: string;
  tags: string[];
  published: boolean;
}

export const knowledgeApi = {
  search: (q: string, opts: { topic?: string; includeDrafts?: boolean } = {}, signal?: AbortSignal) =>
    api.get<{ items: KbEntry[]; topics: string[] }>(
      '/api/kb',
      { q, topic: opts.topic, includeDrafts: opts.includeDrafts ? 'true' : undefined, limit: 50 },
      signal,
    ),
  create: (body: KbInput) => api.post<KbEntry>('/api/kb', body),
  update: (id: string, body: Partial<KbInput> & { version: number }) =>
    api.patch<KbEntry>(`/api/kb/${id}`, body),
};
