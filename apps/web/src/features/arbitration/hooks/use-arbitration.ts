import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApplicationBody, type ArbitrationStepBody, arbitrationApi } from '../api/arbitration.api';

export function useArbitrationCases(query: { matterId?: string; open?: boolean }) {
  return useQuery({
    queryKey: ['arbitration', 'list', query],
    queryFn: ({ signal }) => arbitrationApi.list(query, signal),
    select: (d) => d.items,
    // The matter page is live: a case opened by a colleague (mediation failing into arbitration at the
    // mediator's desk) appears at the window without a reload.
    refetchInterval: query.matterId ? 10_000 : false,
  });
}

export function useArbitrationCase(caseId: string) {
  return useQuery({
    queryKey: ['arbitration', 'case', caseId],
    queryFn: ({ signal }) => arbitrationApi.get(caseId, signal),
    refetchInterval: 10_000,
  });
}

export function useArbitrators(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['arbitration', 'arbitrators', caseId],
    queryFn: ({ signal }) => arbitrationApi.arbitrators(caseId, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useDayClose() {
  return useQuery({
    queryKey: ['arbitration', 'day-close'],
    queryFn: ({ signal }) => arbitrationApi.dayClose(signal),
  });
}

export function useHearingCalendar(from: string, days: number) {
  return useQuery({
    queryKey: ['arbitration', 'calendar', from, days],
    queryFn: ({ signal }) => arbitrationApi.calendar(from, days, signal),
  });
}

/** Any arbitration change refreshes the arbitration views, the matter, clocks and documents. */
export function useArbitrationRefresh() {
  return useRefresh();
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['arbitration'] });
    void client.invalidateQueries({ queryKey: ['matter'] });
    void client.invalidateQueries({ queryKey: ['cases'] });
    // The matter page's cases card and the case pages show the case's state: live after every step.
    void client.invalidateQueries({ queryKey: ['matter-cases'] });
    void client.invalidateQueries({ queryKey: ['case'] });
    void client.invalidateQueries({ queryKey: ['work'] });
    void client.invalidateQueries({ queryKey: ['clocks'] });
    void client.invalidateQueries({ queryKey: ['documents'] });
  };
}

export function useCreateApplication() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ApplicationBody) => arbitrationApi.create(body),
    onSuccess: refresh,
  });
}

export function useArbitrationAction(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: ArbitrationStepBody }) =>
      arbitrationApi.action(caseId, path, body),
    onSuccess: refresh,
  });
}

export function useCloseDay() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => arbitrationApi.closeDay(), onSuccess: refresh, onError: refresh });
}
