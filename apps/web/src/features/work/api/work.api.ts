import { api, type QueryValue } from '../../../lib/api';
import type { QueryOf } from '../../../lib/api-types-helpers';
import type { WaitingList, WorkFilters, WorkList, WorkPage } from '../types';
import type { WorkTrack } from '../work-areas';

export function fetchWorkList(
  track: WorkTrack,
  filters: WorkFilters = {},
  signal?: AbortSignal,
): Promise<WorkList> {
  return api.get<WorkList>(
    `/api/work/${encodeURIComponent(track)}`,
    filters as Record<string, QueryValue>,
    signal,
  );
}

/** Across tracks: 'mine' (my cases + transfers awaiting my organisation), 'org', 'unassigned'. */
export function fetchQueue(
  queue: 'mine' | 'org' | 'unassigned',
  filters: Omit<QueryOf<'/api/work/queue'>, 'queue' | 'pageSize'> = {},
  signal?: AbortSignal,
): Promise<WorkPage> {
  return api.get<WorkPage>('/api/work/queue', { queue, ...filters } as Record<string, QueryValue>, signal);
}

/** Cases I took in that now wait on someone else (who, for what, by when). */
export function fetchWaiting(signal?: AbortSignal): Promise<WaitingList> {
  return api.get<WaitingList>('/api/work/waiting', {}, signal);
}
