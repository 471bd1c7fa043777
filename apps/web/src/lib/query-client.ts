import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './api';
import { feedback } from './feedback';

/** Per query/mutation switches for the global error handling below. */
export interface AppQueryMeta extends Record<string, unknown> {
  /** The component shows the error itself (a form's inline alert): no toast. */
  inlineErrors?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    queryMeta: AppQueryMeta;
    mutationMeta: AppQueryMeta;
  }
}

export const CONFLICT_MESSAGE = '数据已被他人修改，已刷新为最新内容';

function handleError(client: () => QueryClient, error: Error, meta: AppQueryMeta | undefined): void {
  if (!isApiError(error)) {
    feedback.error('操作失败，请稍后再试');
    return;
  }
  // 401: the session is gone; lib/session.ts sends the user to /login with its own message.
  if (error.status === 401) return;
  if (error.isConflict) {
    // Optimistic locking: someone saved first. Refetch everything on screen so forms pick up the new version.
    feedback.warning(CONFLICT_MESSAGE, 'conflict');
    void client().invalidateQueries();
    return;
  }
  if (meta?.inlineErrors) return;
  feedback.error(error.message, `${error.status}:${error.code}`);
}

function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => handleError(() => client, error, query.meta),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => handleError(() => client, error, mutation.meta),
      // Any change may move what other cards show (the matter page aggregates cases, clocks and documents
      // of all tracks; the to-do list follows every step): mark everything stale, refetch what is on screen.
      onSuccess: () => void client.invalidateQueries(),
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
