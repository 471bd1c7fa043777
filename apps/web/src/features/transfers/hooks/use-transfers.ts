import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type NewTransfer, transfersApi } from '../api/transfers.api';
import type { Transfer, TransferBox } from '../types';

export function useTransfers(box: TransferBox) {
  return useQuery({ queryKey: ['transfers', box], queryFn: ({ signal }) => transfersApi.list(box, signal) });
}

export function useMatterTransfers(matterId: string) {
  return useQuery({
    queryKey: ['transfers', 'matter', matterId],
    queryFn: ({ signal }) => transfersApi.forMatter(matterId, signal),
  });
}

export function useOverdueTransfers(enabled: boolean) {
  return useQuery({
    queryKey: ['transfers', 'overdue'],
    queryFn: ({ signal }) => transfersApi.overdue(signal),
    enabled,
  });
}

export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations', 'all'],
    queryFn: ({ signal }) => transfersApi.organizations(signal),
    staleTime: 10 * 60_000,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return (t: Pick<Transfer, 'matterId'>) => {
    void client.invalidateQueries({ queryKey: ['transfers'] });
    void client.invalidateQueries({ queryKey: ['matter', t.matterId] });
    void client.invalidateQueries({ queryKey: ['matter-cases', t.matterId] });
    void client.invalidateQueries({ queryKey: ['work'] });
  };
}

export function useCreateTransfer(matterId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewTransfer) => transfersApi.create(matterId, body),
    meta: { inlineErrors: true },
    onSuccess: (t) => refresh(t),
  });
}

export function useDecideTransfer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { t: Transfer; action: 'accept' } | { t: Transfer; action: 'return'; reason: string }) =>
      v.action === 'accept' ? transfersApi.accept(v.t) : transfersApi.giveBack(v.t, v.reason),
    meta: { inlineErrors: true },
    onSuccess: (t) => refresh(t),
  });
}
