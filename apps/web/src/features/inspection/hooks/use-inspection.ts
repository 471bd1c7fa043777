import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CampaignBody,
  type InspectionStepBody,
  inspectionApi,
  type RegisterBody,
} from '../api/inspection.api';

export function useInspectionList(query: { state?: string; mine?: string }) {
  return useQuery({
    queryKey: ['inspection', 'list', query],
    queryFn: ({ signal }) => inspectionApi.list(query, signal),
    select: (d) => d.items,
  });
}

export function useInspectionCase(id: string) {
  return useQuery({
    queryKey: ['inspection', 'case', id],
    queryFn: ({ signal }) => inspectionApi.get(id, signal),
  });
}

/** The case's notices to the parties: asked only by a user holding inspection.work (a leader is not). */
export function usePartyNotices(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['inspection', 'case', id, 'notices'],
    queryFn: ({ signal }) => inspectionApi.notices(id, signal),
    enabled,
    retry: false,
  });
}

export function useMatterInspection(matterId: string) {
  return useQuery({
    queryKey: ['inspection', 'matter', matterId],
    queryFn: ({ signal }) => inspectionApi.ofMatter(matterId, signal),
    select: (d) => d.items,
  });
}

export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['inspection', 'assignees', id],
    queryFn: ({ signal }) => inspectionApi.assignees(id, signal),
    select: (d) => d.items,
    enabled,
  });
}

/** Any step: refresh the case, the lists, the matter page and clocks/documents. */
export function useInspectionAction(id: string, opts: { inlineErrors?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    meta: opts.inlineErrors ? { inlineErrors: true } : undefined,
    mutationFn: ({ path, body }: { path: string; body: InspectionStepBody }) =>
      inspectionApi.action(id, path, body),
    onSuccess: (r) => {
      client.setQueryData(['inspection', 'case', id], r.case);
      void client.invalidateQueries({ queryKey: ['inspection'] });
      void client.invalidateQueries({ queryKey: ['matter'] });
      void client.invalidateQueries({ queryKey: ['clocks'] });
      void client.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}

export function useRegisterInspection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) => inspectionApi.register(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspection'] }),
  });
}

export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: ['inspection', 'campaigns'],
    queryFn: ({ signal }) => inspectionApi.campaigns(signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useCampaign(id: string | null) {
  return useQuery({
    queryKey: ['inspection', 'campaign', id],
    queryFn: ({ signal }) => inspectionApi.campaign(id ?? '', signal),
    enabled: !!id,
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignBody) => inspectionApi.createCampaign(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspection'] }),
  });
}

export function useReferralOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['inspection', 'organizations'],
    queryFn: ({ signal }) => inspectionApi.organizations(signal),
    select: (d) => d.items,
    enabled,
  });
}
