import { useMutation, useQuery } from '@tanstack/react-query';
import { auditApi } from '../api/admin.api';
import type { AuditFilters } from '../types';
import { ADMIN_KEY } from './use-admin-users';

export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ADMIN_KEY, 'audit', filters, page, pageSize],
    queryFn: ({ signal }) => auditApi.list(filters, page, pageSize, signal),
    placeholderData: (previous) => previous,
  });
}

/** Walks the hash chain on the server; an action, so a mutation (never cached, run on request). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => auditApi.verify() });
}
