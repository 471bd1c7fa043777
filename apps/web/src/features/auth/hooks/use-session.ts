import type { Permission } from '@onestop/domain';
// Values from the access module itself: the package root also exports the law tables, which the
// staff shell does not need in its entry chunk.
import { ROLES, type RoleCode } from '@onestop/domain/access/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import {
  changePassword,
  fetchDemoMode,
  fetchSession,
  login,
  logout,
  rememberedDemoMode,
} from '../api/auth.api';
import type { SessionUser } from '../types';

export const SESSION_KEY = ['session'] as const;

export const sessionQuery = {
  queryKey: SESSION_KEY,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchSession(signal),
  staleTime: Number.POSITIVE_INFINITY,
  // Refetching /me on focus would count as activity and defeat the server's idle timeout.
  refetchOnWindowFocus: false,
} as const;

export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in user; only for components rendered under RequireSession. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser() outside RequireSession');
  return data;
}

export function hasPermission(
  user: SessionUser | null | undefined,
  permission: Permission | undefined,
): boolean {
  if (!permission) return true;
  return !!user && user.permissions.includes(permission);
}

export function rolesOf(user: SessionUser, codes: readonly RoleCode[]) {
  return user.roles.filter((r) => codes.includes(r.role));
}

/** Drops every cached answer but the session: the next user must never see the last one's data. */
function forgetData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { inlineErrors: true },
    onSuccess: (user) => {
      forgetData(client);
      client.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { inlineErrors: true },
    onSettled: () => {
      client.setQueryData(SESSION_KEY, null);
      forgetData(client);
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    meta: { inlineErrors: true },
    // The server may rotate the session and clears mustChangePassword: read both back.
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** The post that would grant `permission` but is suspended for lack of a valid certificate, if any. */
export function suspendedRoleFor(user: SessionUser, permission: Permission | undefined) {
  if (!permission) return undefined;
  return user.roles.find((r) => !r.active && ROLES[r.role].permissions.includes(permission));
}

/** Demo mode before sign-in: from GET /api/health, else what the last session on this browser said. */
export function useDemoMode() {
  return useQuery<boolean>({
    queryKey: ['demo-mode'],
    queryFn: ({ signal }) => fetchDemoMode(signal),
    placeholderData: () => rememberedDemoMode(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    meta: { inlineErrors: true },
  });
}
