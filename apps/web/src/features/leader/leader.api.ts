import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ApiResponse, ItemOf } from '../../lib/api-shapes';

export type LeaderOverview = ApiResponse<'/api/leader/overview'>;

/** Today's numbers for the leaders; refreshed every minute while the page is open. */
export type LeaderPeriod = 'month' | 'quarter' | 'year';

export function useLeaderOverview(period: LeaderPeriod = 'month') {
  return useQuery({
    queryKey: ['leader', 'overview', period],
    queryFn: ({ signal }) => api.get<LeaderOverview>('/api/leader/overview', { period }, signal),
    placeholderData: (previous) => previous,
    refetchInterval: 60_000,
  });
}

export type LeaderAlert = ItemOf<ApiResponse<'/api/alerts'>['items']>;

/** The early warnings (预警): one employer with several open matters, collective disputes, 春节前欠薪. */
export function useLeaderAlerts() {
  return useQuery({
    queryKey: ['leader', 'alerts'],
    queryFn: ({ signal }) => api.get<ApiResponse<'/api/alerts'>>('/api/alerts', { limit: 10 }, signal),
    select: (d) => d.items,
    refetchInterval: 60_000,
  });
}
