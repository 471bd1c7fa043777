import type { QueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../../lib/api';
import { feedback } from '../../lib/feedback';
import { SESSION_KEY } from './hooks/use-session';
import type { SessionUser } from './types';

/**
 * Why the session ended, read by RequireSession when it sends the user to /login:
 * after an idle timeout the page they were on is kept in ?next= and the sign-in page says why;
 * after signing out they start from the beginning.
 */
export type ExitReason = 'timeout' | 'logout';

let exitReason: ExitReason | null = null;

export function sessionExitReason(): ExitReason | null {
  return exitReason;
}

export function setSessionExitReason(reason: ExitReason | null): void {
  exitReason = reason;
}

export const TIMEOUT_MESSAGE = '登录已超时，请重新登录';

/** A 401 on an ordinary call: the server expired the session (30 minutes idle) or it was revoked. */
export function installSessionExpiry(client: QueryClient): void {
  setUnauthorizedHandler(() => {
    const current = client.getQueryData<SessionUser | null>(SESSION_KEY);
    if (!current) return; // already signed out; several calls can fail at once
    exitReason = 'timeout';
    feedback.warning(TIMEOUT_MESSAGE, 'session-timeout');
    client.setQueryData(SESSION_KEY, null);
  });
}
