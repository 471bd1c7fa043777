import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from '../../auth/hooks/use-session';
import { usersApi } from '../api/admin.api';
import type { CertificateInput, CreateUserInput, UpdateUserInput } from '../types';

export const ADMIN_KEY = ['admin'] as const;
const usersKey = (q: string) => [...ADMIN_KEY, 'users', q] as const;
const certificatesKey = (userId: string) => [...ADMIN_KEY, 'certificates', userId] as const;

/**
 * After any change to users, organisations or jurisdictions: refetch the admin lists (names appear in
 * several of them, and the audit log grows) and the session, whose roles may be the ones just edited.
 */
export function useInvalidateAdmin() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ADMIN_KEY }),
      client.invalidateQueries({ queryKey: SESSION_KEY }),
    ]);
}

export function useAdminUsers(q: string) {
  return useQuery({
    queryKey: usersKey(q),
    queryFn: ({ signal }) => usersApi.list(q, signal),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

export function useCreateUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (input: CreateUserInput) => usersApi.create(input),
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => usersApi.update(id, input),
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (id: string) => usersApi.unlock(id), onSuccess: invalidate });
}

export function useResetPassword() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => usersApi.resetPassword(id, password),
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useCertificates(userId: string) {
  return useQuery({
    queryKey: certificatesKey(userId),
    queryFn: ({ signal }) => usersApi.certificates(userId, signal),
    select: (data) => data.items,
  });
}

/** Certificates switch roles on and off, so the user list and the session are refetched too. */
export function useAddCertificate(userId: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (input: CertificateInput) => usersApi.addCertificate(userId, input),
    meta: { inlineErrors: true },
    onSuccess: invalidate,
  });
}

export function useRevokeCertificate() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (id: string) => usersApi.revokeCertificate(id), onSuccess: invalidate });
}
