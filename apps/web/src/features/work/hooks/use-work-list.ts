import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchQueue, fetchWaiting, fetchWorkList } from '../api/work.api';
import type { WorkFilters } from '../types';
import type { WorkTrack } from '../work-areas';

export function useWorkList(track: WorkTrack, filters: WorkFilters = {}) {
  return useQuery({
    queryKey: ['work', track, filters],
    queryFn: ({ signal }) => fetchWorkList(track, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyWork() {
  return useQuery({
    queryKey: ['work', 'queue', 'mine'],
    queryFn: ({ signal }) => fetchQueue('mine', {}, signal),
  });
}

export function useWaitingOnOthers() {
  return useQuery({
    queryKey: ['work', 'waiting'],
    queryFn: ({ signal }) => fetchWaiting(signal),
  });
}
