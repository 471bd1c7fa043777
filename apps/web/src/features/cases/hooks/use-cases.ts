import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api';
import { casesApi } from '../api/cases.api';
import type { CaseDetail, OpenCaseInput, TransitionInput } from '../types';

export function useMatterCases(matterId: string) {
  return useQuery({
    queryKey: ['matter-cases', matterId],
    queryFn: ({ signal }) => casesApi.listForMatter(matterId, signal),
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['case', id], queryFn: ({ signal }) => casesApi.get(id, signal) });
}

export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case', id, 'assignees'],
    queryFn: ({ signal }) => casesApi.assignees(id, signal),
    enabled,
  });
}

/** After any change: the case, its matter (timeline, claims), the queues and the clocks. */
function useRefresh() {
  const client = useQueryClient();
  return (c: Pick<CaseDetail, 'id' | 'matterId'>) => {
    void client.invalidateQueries({ queryKey: ['case', c.id] });
    void client.invalidateQueries({ queryKey: ['matter', c.matterId] });
    void client.invalidateQueries({ queryKey: ['matter-cases', c.matterId] });
    void client.invalidateQueries({ queryKey: ['work'] });
    void client.invalidateQueries({ queryKey: ['clocks'] });
  };
}

export function useOpenCase(matterId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: OpenCaseInput) => casesApi.open(matterId, body),
    meta: { inlineErrors: true },
    onSuccess: (r) => refresh(r.case),
  });
}

export function useTransition(c: CaseDetail) {
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Omit<TransitionInput, 'version'>) =>
      casesApi.transition(c.id, { ...body, version: c.version }),
    meta: { inlineErrors: true },
    onSuccess: (r) => {
      client.setQueryData(['case', c.id], r.case);
      refresh(r.case);
    },
    onError: (err) => {
      // 409 CONFLICT carries the fresh case: show it at once.
      if (isApiError(err) && err.isConflict) {
        const current = (err.details as { current?: CaseDetail } | undefined)?.current;
        if (current) client.setQueryData(['case', c.id], current);
      }
    },
  });
}

export function useAssign(c: CaseDetail) {
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (userId: string) => casesApi.assign(c.id, { userId, version: c.version }),
    meta: { inlineErrors: true },
    onSuccess: (fresh) => {
      client.setQueryData(['case', c.id], fresh);
      refresh(fresh);
    },
  });
}
