import { useMutation, useQuery } from '@tanstack/react-query';
import { jurisdictionsApi, organizationsApi } from '../api/admin.api';
import type { JurisdictionInput, OrganizationInput } from '../types';
import { ADMIN_KEY, useInvalidateAdmin } from './use-admin-users';

export function useOrganizations() {
  return useQuery({
    queryKey: [...ADMIN_KEY, 'organizations'],
    queryFn: ({ signal }) => organizationsApi.list(signal),
    select: (data) => data.items,
  });
}

export function useSaveOrganization() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: number; input: OrganizationInput }) =>
      id && version !== undefined
        ? organizationsApi.update(id, { ...input, version })
        : organizationsApi.create(input),
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useJurisdictions() {
  return useQuery({
    queryKey: [...ADMIN_KEY, 'jurisdictions'],
    queryFn: ({ signal }) => jurisdictionsApi.list(signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateJurisdiction() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (input: JurisdictionInput) => jurisdictionsApi.create(input),
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useRenameJurisdiction() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, version, name }: { id: string; version: number; name: string }) =>
      jurisdictionsApi.rename(id, { version, name }),
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}
