import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryValue } from '../../../lib/api';
import { mattersApi } from '../api/matters.api';
import type { MatterDetail } from '../types';

export function useMatter(id: string) {
  return useQuery({ queryKey: ['matter', id], queryFn: ({ signal }) => mattersApi.get(id, signal) });
}

export function useMatterList(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['matters', query],
    queryFn: ({ signal }) => mattersApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Any change to a matter: the answer is the fresh matter, written straight into the cache. */
export function useMatterMutation<V>(id: string, fn: (v: V) => Promise<MatterDetail | unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'number' in data) client.setQueryData(['matter', id], data);
      void client.invalidateQueries({ queryKey: ['matter'] });
      void client.invalidateQueries({ queryKey: ['matters'] });
    },
  });
}
