import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf, QueryOf } from '../../../lib/api-types-helpers';
import { calculateDeadline, clocksApi, fetchClockRules } from '../api/clocks.api';

export function useClockRules() {
  return useQuery({
    queryKey: ['clocks', 'rules'],
    queryFn: ({ signal }) => fetchClockRules(signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

/** The calculator's question: the query of GET /api/clocks/calculate. */
export type DeadlineParams = QueryOf<'/api/clocks/calculate'>;

/** Runs once the user has asked (params set); errors such as CALENDAR_UNKNOWN are shown by the page. */
export function useDeadline(params: DeadlineParams | null) {
  return useQuery({
    queryKey: ['clocks', 'calculate', params?.rule, params?.from],
    queryFn: ({ signal }) => calculateDeadline(params!.rule, params!.from, signal),
    enabled: params !== null,
    meta: { inlineErrors: true },
    staleTime: 5 * 60_000,
  });
}

/** The clocks of one subject (matter, case…). */
export function useSubjectClocks(subjectType: string, subjectId: string, includeCases = false) {
  const all = includeCases && subjectType === 'matter';
  return useQuery({
    queryKey: ['clocks', 'subject', all ? 'matter-all' : subjectType, subjectId],
    queryFn: ({ signal }) =>
      all ? clocksApi.forMatter(subjectId, signal) : clocksApi.list(subjectType, subjectId, signal),
    select: (data) => data.items,
  });
}

export function useClocksOverview() {
  return useQuery({
    queryKey: ['clocks', 'overview'],
    queryFn: ({ signal }) => clocksApi.overview(signal),
    refetchInterval: 5 * 60_000,
  });
}

/** One action on a clock and the request body its route takes. */
export type ClockAction =
  | { kind: 'suspend'; id: string; body: BodyOf<'/api/clocks/{id}/suspend', 'post'> }
  | { kind: 'resume'; id: string; body: BodyOf<'/api/clocks/{id}/resume', 'post'> }
  | { kind: 'extend'; id: string; body: BodyOf<'/api/clocks/{id}/extend', 'post'> }
  | { kind: 'restart'; id: string; body: BodyOf<'/api/clocks/{id}/restart', 'post'> };

export function useClockAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: ClockAction) => {
      switch (a.kind) {
        case 'suspend':
          return clocksApi.suspend(a.id, a.body);
        case 'resume':
          return clocksApi.resume(a.id, a.body);
        case 'extend':
          return clocksApi.extend(a.id, a.body);
        case 'restart':
          return clocksApi.restart(a.id, a.body);
      }
    },
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ['clocks'] }),
  });
}
