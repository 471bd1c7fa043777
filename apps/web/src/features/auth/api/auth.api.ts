import { ApiError, request, setCsrfToken } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import type { ChangePasswordInput, LoginInput, SessionResponse, SessionUser } from '../types';

const DEMO_KEY = 'onestop.demoMode';

/** Remembered so the sign-in page can show the demo banner before anyone has signed in. */
function rememberDemoMode(demo: boolean): void {
  try {
    if (demo) localStorage.setItem(DEMO_KEY, '1');
    else localStorage.removeItem(DEMO_KEY);
  } catch {
    // storage may be unavailable (private mode); the banner is only a hint
  }
}

export function rememberedDemoMode(): boolean {
  try {
    return localStorage.getItem(DEMO_KEY) === '1';
  } catch {
    return false;
  }
}

function accept(response: SessionResponse): SessionUser {
  setCsrfToken(response.csrfToken);
  rememberDemoMode(response.user.demoMode);
  return response.user;
}

/** The signed-in user, or null when there is no session (401). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return accept(await request<SessionResponse>('/api/auth/me', { signal, redirectOn401: false }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      const details = error.details as { demoMode?: unknown } | undefined;
      if (typeof details?.demoMode === 'boolean') rememberDemoMode(details.demoMode);
      return null;
    }
    throw error;
  }
}

export async function login(input: LoginInput): Promise<SessionUser> {
  return accept(
    await request<SessionResponse>('/api/auth/login', { method: 'POST', body: input, redirectOn401: false }),
  );
}

export async function logout(): Promise<void> {
  try {
    await request<void>('/api/auth/logout', { method: 'POST', redirectOn401: false });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return request<void>('/api/auth/password', { method: 'POST', body: input });
}

/** Public: whether this server runs in demo mode, for the banner on the sign-in page. */
export async function fetchDemoMode(signal?: AbortSignal): Promise<boolean> {
  const health = await request<ResponseOf<'/api/health'>>('/api/health', { signal, redirectOn401: false });
  const demo = health?.demoMode === true;
  rememberDemoMode(demo);
  return demo;
}
