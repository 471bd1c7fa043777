import { useQuery } from '@tanstack/react-query';
import { calculateDeadline, fetchClockRules } from '../api/clocks.api';

export function useClockRules() {
  return useQuery({
    queryKey: ['clocks', 'rules'],
    queryFn: ({ signal }) => fetchClockRules(signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export interface DeadlineParams {
  rule: string;
  from: string;
}

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
