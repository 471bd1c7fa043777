import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Consultation,
  type ConvertInput,
  consultationApi,
  type NewConsultation,
} from '../api/consultation.api';

export function useConsultations(query: { q?: string; mine?: boolean; matterId?: string }) {
  return useQuery({
    queryKey: ['consultations', query],
    queryFn: ({ signal }) => consultationApi.list(query, signal),
  });
}

export function useLogConsultation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewConsultation) => consultationApi.create(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function useConvertConsultation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { c: Consultation; input: ConvertInput }) => consultationApi.convert(v.c, v.input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['consultations'] });
      void client.invalidateQueries({ queryKey: ['matters'] });
    },
  });
}
