import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarApi, notificationsApi } from '../api/clocks.api';
import type { NoticeEntry } from '../types';

const KEY = ['admin', 'calendar'] as const;

export function useCalendarYears() {
  return useQuery({
    queryKey: [...KEY, 'years'],
    queryFn: ({ signal }) => calendarApi.years(signal),
    select: (d) => d.items,
  });
}

export function useCalendarYear(year: number | null, region?: string) {
  return useQuery({
    queryKey: [...KEY, 'year', year, region ?? 'national'],
    queryFn: ({ signal }) => calendarApi.year(year!, region, signal),
    enabled: year !== null,
    meta: { inlineErrors: true },
  });
}

export function useCalendarOverrides() {
  return useQuery({
    queryKey: [...KEY, 'overrides'],
    queryFn: ({ signal }) => calendarApi.overrides(signal),
    select: (d) => d.items,
  });
}

function useInvalidateCalendar() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: KEY }),
      client.invalidateQueries({ queryKey: ['clocks'] }),
    ]);
}

export function useSaveCalendarYear() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (v: {
      year: number;
      source: string;
      holidays: NoticeEntry[];
      makeupWorkdays: NoticeEntry[];
      version?: number;
    }) => {
      const { year, ...body } = v;
      return calendarApi.saveYear(year, body);
    },
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useSaveOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: calendarApi.saveOverride,
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useDeleteOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (v: { region: string; date: string }) => calendarApi.deleteOverride(v.region, v.date),
    onSuccess: invalidate,
  });
}

export function useMyNotifications() {
  return useQuery({
    queryKey: ['notifications', 'mine'],
    queryFn: ({ signal }) => notificationsApi.mine(signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.read,
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
