/**
 * The one way the staff app talks to the server: same-origin fetch with the session cookie, JSON in and
 * out, the CSRF token on every unsafe method, and one error type. Errors are shown to the user by the
 * query client (lib/query-client.ts), so this module stays free of UI; a 401 on an ordinary call means
 * the session is gone (idle timeout or signed out elsewhere) and is handed to the registered handler.
 */

import type { ErrorCode, Schema } from './api-types';

/**
 * The code of an error: one the server documents (its OpenAPI `Error.code`, each module's codes), or
 * the client's own — no answer at all (NETWORK) or an answer that is not an error body (HTTP_<status>).
 */
export type ApiErrorCode = ErrorCode | 'NETWORK' | `HTTP_${number}`;

/** The body of every error answer (the OpenAPI's `Error` schema). */
export type ApiErrorBody = Schema<'Error'>;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get isConflict(): boolean {
    return this.status === 409 && this.code === 'CONFLICT';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** CSRF token from the last /api/auth/me or login response. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = (error: ApiError) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** false for calls where 401 is an answer, not an expired session (me, login, logout). */
  redirectOn401?: boolean;
  /** Extra headers, e.g. Idempotency-Key for a submission that may be retried. */
  headers?: Record<string, string>;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已超时，请重新登录';
  if (status === 403) return '无权执行此操作';
  if (status === 404) return '请求的内容不存在';
  if (status === 409) return '数据已被他人修改，已刷新为最新内容';
  if (status === 413) return '上传内容过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后再试';
  return `请求失败（${status}）`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }

  if (response.status === 204) return undefined as T;
  const data = await readJson(response);
  if (response.ok) return data as T;

  const error = isErrorBody(data)
    ? new ApiError(response.status, data.code, data.message, data.details)
    : new ApiError(response.status, `HTTP_${response.status}`, fallbackMessage(response.status));
  if (response.status === 401 && options.redirectOn401 !== false) {
    csrfToken = null;
    unauthorizedHandler?.(error);
  }
  throw error;
}

/** Multipart upload (files) with the CSRF header; errors arrive as ApiError like any other call. */
export async function upload<T>(
  path: string,
  form: FormData,
  headers: Record<string, string> = {},
): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  if (csrfToken) h['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method: 'POST',
      headers: h,
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const data = await readJson(response);
  if (response.ok) return data as T;
  throw isErrorBody(data)
    ? new ApiError(response.status, data.code, data.message, data.details)
    : new ApiError(response.status, `HTTP_${response.status}`, fallbackMessage(response.status));
}

/** PUT of raw bytes (a recording's chunk) with the CSRF header; errors arrive as ApiError. */
export async function putBytes<T>(path: string, data: Blob): Promise<T> {
  const h: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/octet-stream',
  };
  if (csrfToken) h['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method: 'PUT',
      headers: h,
      credentials: 'same-origin',
      body: data,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const body = await readJson(response);
  if (response.ok) return body as T;
  throw isErrorBody(body)
    ? new ApiError(response.status, body.code, body.message, body.details)
    : new ApiError(response.status, `HTTP_${response.status}`, fallbackMessage(response.status));
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};

/** Where to send a user whose session is missing: /login, keeping where they were in ?next=. */
export function loginPath(next: string | null, reason?: 'timeout'): string {
  const params = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next);
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

/** Only same-app paths are followed after sign-in (no open redirect to //evil.example). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
