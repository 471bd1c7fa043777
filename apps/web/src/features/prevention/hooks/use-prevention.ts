import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AssessmentInput,
  type CaseInput,
  type CaseResultInput,
  preventionApi,
  type RegisterInput,
} from '../api/prevention.api';

export function useOrganizationsRegister(shortfall: boolean) {
  return useQuery({
    queryKey: ['prevention', 'organizations', shortfall],
    queryFn: ({ signal }) => preventionApi.list(shortfall, signal),
  });
}

export function useOrganizationDetail(id: string) {
  return useQuery({
    queryKey: ['prevention', 'organization', id],
    queryFn: ({ signal }) => preventionApi.detail(id, signal),
  });
}

export function useChecklist() {
  return useQuery({
    queryKey: ['prevention', 'checklist'],
    queryFn: ({ signal }) => preventionApi.checklist(signal),
  });
}

export function useRegisterOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterInput) => preventionApi.register(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['prevention'] }),
  });
}

export function useAssess(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentInput) => preventionApi.assess(organizationId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['prevention'] }),
  });
}

export function useUploadEvidence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { assessmentId: string; itemCode: string; file: File }) =>
      preventionApi.uploadEvidence(v.assessmentId, v.itemCode, v.file),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['prevention'] }),
  });
}

export function useMyOrganizations() {
  return useQuery({
    queryKey: ['prevention', 'mine'],
    queryFn: ({ signal }) => preventionApi.myOrganizations(signal),
  });
}

export function useOrgCases(organizationId: string | undefined) {
  return useQuery({
    queryKey: ['prevention', 'cases', organizationId],
    queryFn: ({ signal }) => preventionApi.cases(organizationId!, signal),
    enabled: !!organizationId,
  });
}

export function useRecordCase(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseInput) => preventionApi.recordCase(organizationId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['prevention', 'cases'] }),
  });
}

export function useCloseCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: CaseResultInput }) => preventionApi.closeCase(v.id, v.body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['prevention', 'cases'] }),
  });
}
