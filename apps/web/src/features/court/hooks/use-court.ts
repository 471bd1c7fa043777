import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { courtApi, type Docking } from '../api/court.api';

export function useDockings() {
  return useQuery({ queryKey: ['court-docking'], queryFn: ({ signal }) => courtApi.list(signal) });
}

export function useDelegate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: courtApi.delegate,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['court-docking'] }),
  });
}

export function useDockingStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { d: Docking; event: string; body: Parameters<typeof courtApi.step>[2] }) =>
      courtApi.step(v.d, v.event, v.body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['court-docking'] }),
  });
}

export function useRequestConfirmation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: courtApi.requestConfirmation,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['court-docking'] }),
  });
}
