import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentsApi, verifyApi } from '../api/documents.api';
import type { OfficialDocument, SubjectType } from '../types';

const KEY = ['documents'] as const;
const BUSY = new Set(['pending', 'rendering']);

export function useDocumentTypes() {
  return useQuery({
    queryKey: [...KEY, 'types'],
    queryFn: ({ signal }) => documentsApi.types(signal),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}

/** The subject's documents; polls every 2 s while a render is in progress. */
export function useDocuments(subjectType: SubjectType, subjectId: string, includeCases = false) {
  const all = includeCases && subjectType === 'matter';
  return useQuery({
    queryKey: [...KEY, 'list', all ? 'matter-all' : subjectType, subjectId],
    queryFn: ({ signal }) =>
      all ? documentsApi.listForMatter(subjectId, signal) : documentsApi.list(subjectType, subjectId, signal),
    select: (d) => d.items,
    refetchInterval: (q) =>
      q.state.data?.items.some((d: OfficialDocument) => BUSY.has(d.state)) ? 2000 : false,
  });
}

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => documentsApi.get(id as string, signal),
    enabled: id !== null,
  });
}

/** A mutation that refreshes the documents afterwards; errors shown inline by the caller's form when asked. */
export function useDocumentMutation<V, R>(fn: (v: V) => Promise<R>, inline = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { inlineErrors: inline },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useVerification(code: string | undefined) {
  return useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => verifyApi.byCode(code as string, signal),
    enabled: Boolean(code),
    meta: { inlineErrors: true },
  });
}
