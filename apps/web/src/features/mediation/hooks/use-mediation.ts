import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MediationAction, mediationApi } from '../api/mediation.api';
import type { StartMediation } from '../types';

export function useMatterMediation(matterId: string) {
  return useQuery({
    queryKey: ['mediation', 'matter', matterId],
    queryFn: ({ signal }) => mediationApi.overview(matterId, signal),
  });
}

export function useMediationOrganizations() {
  return useQuery({
    queryKey: ['mediation', 'organizations'],
    queryFn: ({ signal }) => mediationApi.organizations(signal),
    staleTime: 10 * 60_000,
    select: (d) => d.items,
  });
}

/** Any mediation change: refresh the mediation panel, the matter (timeline, claims) and its clocks/documents. */
function useRefresh(matterId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['mediation', 'matter', matterId] });
    void client.invalidateQueries({ queryKey: ['matter', matterId] });
    void client.invalidateQueries({ queryKey: ['clocks'] });
    void client.invalidateQueries({ queryKey: ['documents'] });
    void client.invalidateQueries({ queryKey: ['arbitration'] });
  };
}

export function useStartMediation(matterId: string) {
  const refresh = useRefresh(matterId);
  return useMutation({
    mutationFn: (body: StartMediation) => mediationApi.start(matterId, body),
    onSuccess: refresh,
  });
}

export function useMediationAction(matterId: string, caseId: string) {
  const refresh = useRefresh(matterId);
  return useMutation({
    mutationFn: (a: MediationAction) => mediationApi.action(caseId, a),
    onSuccess: refresh,
  });
}
