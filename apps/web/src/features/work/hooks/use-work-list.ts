import { useQuery } from '@tanstack/react-query';
import { fetchWorkList } from '../api/work.api';
import type { WorkTrack } from '../work-areas';

export function useWorkList(track: WorkTrack) {
  return useQuery({
    queryKey: ['work', track],
    queryFn: ({ signal }) => fetchWorkList(track, signal),
  });
}
