import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Petition, petitionsApi, type RegisterInput } from '../api/petitions.api';

export function usePetitions(open?: boolean) {
  return useQuery({
    queryKey: ['petitions', open],
    queryFn: ({ signal }) => petitionsApi.list(open, signal),
  });
}

export function useMatterPetitions(matterId: string) {
  return useQuery({
    queryKey: ['petitions', 'matter', matterId],
    queryFn: ({ signal }) => petitionsApi.forMatter(matterId, signal),
  });
}

export function usePetition(id: string | undefined) {
  return useQuery({
    queryKey: ['petition', id],
    queryFn: ({ signal }) => petitionsApi.get(id!, signal),
    enabled: Boolean(id),
    // Issued documents are rendered in the background: refresh until they are ready to print; a
    // transfer waits on another office (received, answered): keep its state live.
    refetchInterval: (q) => {
      const d = q.state.data;
      if (d?.documents.some((x) => x.state !== 'issued')) return 2000;
      if (d?.transfer && (d.transfer.stage === 'sent' || d.transfer.stage === 'received')) return 10_000;
      return false;
    },
  });
}

function useRefresh() {
  const client = useQueryClient();
  return (p: Pick<Petition, 'id' | 'matter'>) => {
    void client.invalidateQueries({ queryKey: ['petitions'] });
    void client.invalidateQueries({ queryKey: ['petition', p.id] });
    void client.invalidateQueries({ queryKey: ['matter', p.matter.id] });
    void client.invalidateQueries({ queryKey: ['transfers'] });
  };
}

export function useRegisterPetition() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (v: RegisterInput) => petitionsApi.register(v), onSuccess: refresh });
}

export function usePetitionAction() {
  const refresh = useRefresh();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { p: Petition; action: string; body: Record<string, unknown> }) =>
      petitionsApi.act(v.p, v.action, v.body),
    onSuccess: (r) => {
      client.setQueryData(['petition', r.petition.id], r.petition);
      refresh(r.petition);
    },
  });
}
