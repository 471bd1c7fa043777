import { api } from '../../../lib/api';
import type {
  AppNotification,
  CalendarOverride,
  CalendarYear,
  CalendarYearDetail,
  Clock,
  ClockRule,
  ClocksOverview,
  DeadlineResult,
  NoticeEntry,
} from '../types';

export function fetchClockRules(signal?: AbortSignal): Promise<{ items: ClockRule[] }> {
  return api.get('/api/clocks/rules', undefined, signal);
}

/** `rule` is the rule's id (stable, persisted with every clock; catalogue codes are not unique); `from` is YYYY-MM-DD. */
export function calculateDeadline(rule: string, from: string, signal?: AbortSignal): Promise<DeadlineResult> {
  return api.get('/api/clocks/calculate', { rule, from }, signal);
}

export const clocksApi = {
  list: (subjectType: string, subjectId: string, signal?: AbortSignal) =>
    api.get<{ items: Clock[] }>('/api/clocks', { subjectType, subjectId }, signal),
  /** The matter's clocks and those of all its cases (the master record). */
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<{ items: Clock[] }>(`/api/matters/${matterId}/clocks`, undefined, signal),
  overview: (signal?: AbortSignal) => api.get<ClocksOverview>('/api/clocks/overview', undefined, signal),
  suspend: (id: string, body: { reason: string; date?: string }) =>
    api.post<Clock>(`/api/clocks/${id}/suspend`, body),
  resume: (id: string, body: { reason?: string; date?: string }) =>
    api.post<Clock>(`/api/clocks/${id}/resume`, body),
  extend: (id: string, body: { approver: string; reason: string }) =>
    api.post<Clock>(`/api/clocks/${id}/extend`, body),
  restart: (id: string, body: { triggerDate: string; reason: string }) =>
    api.post<Clock>(`/api/clocks/${id}/restart`, body),
};

export const calendarApi = {
  years: (signal?: AbortSignal) =>
    api.get<{ items: CalendarYear[] }>('/api/admin/calendar/years', undefined, signal),
  year: (year: number, region: string | undefined, signal?: AbortSignal) =>
    api.get<CalendarYearDetail>(`/api/admin/calendar/years/${year}`, { region }, signal),
  saveYear: (
    year: number,
    body: { source: string; holidays: NoticeEntry[]; makeupWorkdays: NoticeEntry[]; version?: number },
  ) => api.put<{ year: number; days: number; version: number }>(`/api/admin/calendar/years/${year}`, body),
  overrides: (signal?: AbortSignal) =>
    api.get<{ items: CalendarOverride[] }>('/api/admin/calendar/overrides', undefined, signal),
  saveOverride: (body: { region: string; date: string; type: string; name?: string | null }) =>
    api.put<CalendarOverride>('/api/admin/calendar/overrides', body),
  deleteOverride: (region: string, date: string) =>
    api.delete<void>(`/api/admin/calendar/overrides/${region}/${date}`),
};

export const notificationsApi = {
  mine: (signal?: AbortSignal) =>
    api.get<{ unread: number; items: AppNotification[] }>('/api/notifications', undefined, signal),
  read: (id: string) => api.post<{ id: string; readAt: string }>(`/api/notifications/${id}/read`),
};
