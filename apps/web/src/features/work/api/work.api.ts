import { api } from '../../../lib/api';
import type { WorkList } from '../types';
import type { WorkTrack } from '../work-areas';

export function fetchWorkList(track: WorkTrack, signal?: AbortSignal): Promise<WorkList> {
  return api.get<WorkList>(`/api/work/${encodeURIComponent(track)}`, undefined, signal);
}
