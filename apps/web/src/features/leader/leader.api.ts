import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface LeaderOverview {
  date: string;
  jurisdictions: number;
  today: {
    mattersReceived: number;
    byChannel: { channel: string; label: string; count: number }[];
    casesOpened: number;
    casesClosed: number;
    sameDayPending: { caseId: string; number: string; category: string }[];
  };
  open: {
    matters: number;
    priorityMatters: number;
    collectiveMatters: number;
    byTrack: { track: string; label: string; open: number; overdue: number; dueSoon: number }[];
  };
  clocks: { overdue: number; dueSoon: number };
  transfersPending: number;
  alerts: number;
  month: {
    kind: LeaderPeriod;
    label: string;
    from: string;
    /** Matters whose mediation reached a full agreement (partial ones apart). */
    mediationAgreed: number;
    mediationPartial: number;
    mediationNotAgreed: number;
    mediation: {
      matters: { concluded: number; full: number; partial: number; none: number };
      items: { total: number; agreed: number };
      matterSuccessRate: number | null;
      itemSuccessRate: number | null;
    };
    arbitrationAccepted: number;
    casesClosed: number;
  };
}

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

export interface LeaderAlert {
  id: string;
  kind: 'employer_open_matters' | 'collective' | 'spring_festival_wages' | 'sms_not_delivered';
  summary: string;
  basis: string;
  count: number;
  matter: { id: string; number: string } | null;
  employerName: string | null;
  jurisdictionName: string;
  updatedAt: string;
}

/** The early warnings (预警): one employer with several open matters, collective disputes, 春节前欠薪. */
export function useLeaderAlerts() {
  return useQuery({
    queryKey: ['leader', 'alerts'],
    queryFn: ({ signal }) => api.get<{ items: LeaderAlert[] }>('/api/alerts', { limit: 10 }, signal),
    select: (d) => d.items,
    refetchInterval: 60_000,
  });
}
