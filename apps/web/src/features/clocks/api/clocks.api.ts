import { api } from '../../../lib/api';
import type { BodyOf, ResponseOf } from '../../../lib/api-types-helpers';
import type {
  CalendarNotice,
  CalendarOverride,
  CalendarOverrideInput,
  CalendarYearDetail,
  Clock,
  ClockList,
  ClocksOverview,
  DeadlineResult,
  NotificationList,
} from '../types';

export function fetchClockRules(signal?: AbortSignal): Promise<ResponseOf<'/api/clocks/rules'>> {
  return api.get('/api/clocks/rules', undefined, signal);
}

/** `rule` is the rule's id (stable, persisted with every clock; catalogue codes are not unique); `from` is YYYY-MM-DD. */
export function calculateDeadline(rule: string, from: string, signal?: AbortSignal): Promise<DeadlineResult> {
  return api.get('/api/clocks/calculate', { rule, from }, signal);
}

export const clocksApi = {
  list: (subjectType: string, subjectId: string, signal?: AbortSignal) =>
    api.get<ClockList>('/api/clocks', { subjectType, subjectId }, signal),
  /** The matter's clocks and those of all its cases (the master record). */
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/matters/{id}/clocks'>>(`/api/matters/${matterId}/clocks`, undefined, signal),
  overview: (signal?: AbortSignal) => api.get<ClocksOverview>('/api/clocks/overview', undefined, signal),
  suspend: (id: string, body: BodyOf<'/api/clocks/{id}/suspend', 'post'>) =>
    api.post<Clock>(`/api/clocks/${id}/suspend`, body),
  resume: (id: string, body: BodyOf<'/api/clocks/{id}/resume', 'post'>) =>
    api.post<Clock>(`/api/clocks/${id}/resume`, body),
  extend: (id: string, body: BodyOf<'/api/clocks/{id}/extend', 'post'>) =>
    api.post<Clock>(`/api/clocks/${id}/extend`, body),
  restart: (id: string, body: BodyOf<'/api/clocks/{id}/restart', 'post'>) =>
    api.post<Clock>(`/api/clocks/${id}/restart`, body),
};

export const calendarApi = {
  years: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/calendar/years'>>('/api/admin/calendar/years', undefined, signal),
  year: (year: number, region: string | undefined, signal?: AbortSignal) =>
    api.get<CalendarYearDetail>(`/api/admin/calendar/years/${year}`, { region }, signal),
  saveYear: (year: number, body: CalendarNotice) =>
    api.put<ResponseOf<'/api/admin/calendar/years/{year}', 'put'>>(`/api/admin/calendar/years/${year}`, body),
  overrides: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/admin/calendar/overrides'>>('/api/admin/calendar/overrides', undefined, signal),
  saveOverride: (body: CalendarOverrideInput) =>
    api.put<CalendarOverride>('/api/admin/calendar/overrides', body),
  deleteOverride: (region: string, date: string) =>
    api.delete<void>(`/api/admin/calendar/overrides/${region}/${date}`),
};

export const notificationsApi = {
  mine: (signal?: AbortSignal) => api.get<NotificationList>('/api/notifications', undefined, signal),
  read: (id: string) =>
    api.post<ResponseOf<'/api/notifications/{id}/read', 'post'>>(`/api/notifications/${id}/read`),
};
