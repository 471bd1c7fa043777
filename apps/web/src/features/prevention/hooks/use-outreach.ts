import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type IssueMatterInput,
  outreachApi,
  type RecordInput,
  type ReferralInput,
  type VisitInput,
} from '../api/outreach.api';

export function useVisits(status: string | undefined) {
  return useQuery({
    queryKey: ['prevention', 'visits', status ?? 'all'],
    queryFn: ({ signal }) => outreachApi.list(status, signal),
  });
}

export function useVisit(id: string) {
  return useQuery({
    queryKey: ['prevention', 'visit', id],
    queryFn: ({ signal }) => outreachApi.detail(id, signal),
  });
}

export function useOutreachStaff() {
  return useQuery({
    queryKey: ['prevention', 'outreach-staff'],
    queryFn: ({ signal }) => outreachApi.staff(signal),
    staleTime: 5 * 60_000,
  });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['prevention'] }),
  });
}

export const usePlanVisit = () => useInvalidating((body: VisitInput) => outreachApi.plan(body));
export const useRecordVisit = (id: string) =>
  useInvalidating((body: RecordInput) => outreachApi.record(id, body));
export const useCancelVisit = (id: string) =>
  useInvalidating((body: { version: number; reason: string }) => outreachApi.cancel(id, body));
export const useUploadVisitPhotos = (id: string) =>
  useInvalidating((files: File[]) => outreachApi.uploadPhotos(id, files));
export const useIssueToMatter = () =>
  useInvalidating((v: { issueId: string; body: IssueMatterInput }) =>
    outreachApi.toMatter(v.issueId, v.body),
  );
export const useIssueToSupervision = () =>
  useInvalidating((v: { issueId: string; body: { version: number; note?: string } }) =>
    outreachApi.toSupervision(v.issueId, v.body),
  );
export const useReferCase = () =>
  useInvalidating((v: { caseId: string; body: ReferralInput }) => outreachApi.refer(v.caseId, v.body));
