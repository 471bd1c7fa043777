import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '../../../lib/api-types-helpers';
import { type NextStep, obligationsApi, type RecordPayment } from '../api/obligations.api';

export function useMatterObligations(matterId: string) {
  return useQuery({
    queryKey: ['obligations', 'matter', matterId],
    queryFn: ({ signal }) => obligationsApi.forMatter(matterId, signal),
  });
}

export function useEmployerObligations(partyId: string) {
  return useQuery({
    queryKey: ['obligations', 'employer', partyId],
    queryFn: ({ signal }) => obligationsApi.forEmployer(partyId, signal),
  });
}

export function useUnpaidByAge() {
  return useQuery({
    queryKey: ['obligations', 'by-age'],
    queryFn: ({ signal }) => obligationsApi.unpaidByAge(signal),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['obligations'] });
    void qc.invalidateQueries({ queryKey: ['documents'] });
    void qc.invalidateQueries({ queryKey: ['matter'] });
  };
}

export function useRecordPayment(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RecordPayment) => obligationsApi.recordPayment(id, body),
    onSuccess: invalidate,
  });
}

export function useDecidePayment(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      v: { paymentId: string } & BodyOf<'/api/obligations/{id}/payments/{paymentId}/decision', 'post'>,
    ) =>
      obligationsApi.decide(id, v.paymentId, {
        version: v.version,
        confirm: v.confirm,
        ...(v.note ? { note: v.note } : {}),
      }),
    onSuccess: invalidate,
  });
}

export function useNextStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NextStep) => obligationsApi.nextStep(id, body),
    onSuccess: invalidate,
  });
}
