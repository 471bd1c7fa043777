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

/**
 * How often a list of documents is refreshed: every 2 s while a render is in progress, every 10 s while
 * a service is under way (an electronic service becomes served when the party opens the document on
 * the portal), otherwise every 30 s, so the state shown stays live on every page.
 */
export function documentsRefetchInterval(items: OfficialDocument[] | undefined): number {
  if (items?.some((d) => BUSY.has(d.state))) return 2000;
  if (items?.some((d) => d.services.some((s) => s.state === 'pending'))) return 10_000;
  return 30_000;
}

/** The subject's documents, refreshed while anything about them can change (see above). */
export function useDocuments(subjectType: SubjectType, subjectId: string, includeCases = false) {
  const all = includeCases && subjectType === 'matter';
  return useQuery({
    queryKey: [...KEY, 'list', all ? 'matter-all' : subjectType, subjectId],
    queryFn: ({ signal }) =>
      all ? documentsApi.listForMatter(subjectId, signal) : documentsApi.list(subjectType, subjectId, signal),
    select: (d) => d.items,
    refetchInterval: (q) => documentsRefetchInterval(q.state.data?.items),
  });
}

/** Who can be served the document: the matter's parties with their e-service consent on record. */
export function useRecipients(documentId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'recipients', documentId],
    queryFn: ({ signal }) => documentsApi.recipients(documentId as string, signal),
    enabled: documentId !== null,
    select: (d) => d.items,
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
