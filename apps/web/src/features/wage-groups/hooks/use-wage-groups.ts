import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type WageGroup, wageGroupsApi } from '../api/wage-groups.api';

export function useMatterWageGroup(matterId: string) {
  return useQuery({
    queryKey: ['wage-group', 'matter', matterId],
    queryFn: ({ signal }) => wageGroupsApi.forMatter(matterId, signal),
  });
}

export function useWageGroups() {
  return useQuery({ queryKey: ['wage-group', 'list'], queryFn: ({ signal }) => wageGroupsApi.list(signal) });
}

function useRefresh(matterId: string) {
  const client = useQueryClient();
  return (g?: WageGroup) => {
    if (g) client.setQueryData(['wage-group', 'matter', matterId], g);
    void client.invalidateQueries({ queryKey: ['wage-group'] });
    void client.invalidateQueries({ queryKey: ['matter', matterId] });
  };
}

export function useCreateWageGroup(matterId: string) {
  const refresh = useRefresh(matterId);
  return useMutation({ mutationFn: wageGroupsApi.create, onSuccess: (g) => refresh(g) });
}

export function useImportLedger(matterId: string) {
  const refresh = useRefresh(matterId);
  return useMutation({
    mutationFn: (v: { id: string; file: string; goodRowsOnly?: boolean }) =>
      wageGroupsApi.import(v.id, { file: v.file, goodRowsOnly: v.goodRowsOnly }),
    onSuccess: (r) => refresh(r.group),
  });
}

export function useRecordPayment(matterId: string) {
  const refresh = useRefresh(matterId);
  return useMutation({
    mutationFn: (v: { id: string; lineId: string; body: Parameters<typeof wageGroupsApi.pay>[2] }) =>
      wageGroupsApi.pay(v.id, v.lineId, v.body),
    onSuccess: (g) => refresh(g),
  });
}
