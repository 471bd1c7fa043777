import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { legalAidApi, type Referral } from '../api/legal-aid.api';

export function useMatterLegalAid(matterId: string) {
  return useQuery({
    queryKey: ['legal-aid', 'matter', matterId],
    queryFn: ({ signal }) => legalAidApi.forMatter(matterId, signal),
  });
}

export function useReferrals() {
  return useQuery({ queryKey: ['legal-aid', 'list'], queryFn: ({ signal }) => legalAidApi.list(signal) });
}

function useRefresh() {
  const client = useQueryClient();
  return (r: Referral) => {
    void client.invalidateQueries({ queryKey: ['legal-aid'] });
    void client.invalidateQueries({ queryKey: ['matter', r.matter.id] });
  };
}

export function useRefer(matterId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { deadline?: string; urgentMeasureNeeded?: boolean; reason?: string }) =>
      legalAidApi.refer(matterId, body),
    onSuccess: refresh,
  });
}

export function useReferralAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: {
      r: Referral;
      action: 'decision' | 'lawyer' | 'confirm' | 'result';
      body: Record<string, unknown>;
    }) => legalAidApi.act(v.r, v.action, v.body),
    onSuccess: refresh,
  });
}
