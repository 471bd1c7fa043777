import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type KbInput, knowledgeApi } from '../api/knowledge.api';

export function useKbSearch(q: string, opts: { topic?: string; includeDrafts?: boolean } = {}) {
  return useQuery({
    queryKey: ['kb', q, opts],
    queryFn: ({ signal }) => knowledgeApi.search(q, opts, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveKb() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; body: Partial<KbInput> }) =>
      v.id
        ? knowledgeApi.update(v.id, { ...v.body, version: v.version ?? 1 })
        : knowledgeApi.create(v.body as KbInput),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['kb'] }),
  });
}
