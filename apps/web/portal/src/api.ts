/** The portal's API client: the portal cookie, the x-portal-csrf header, retries with back-off. */
import type { ApiPath, ApiResponse } from '../../src/lib/api-shapes';
import type { ErrorCode } from '../../src/lib/api-types';

/**
 * The code of an error: one the server documents (its OpenAPI `Error.code`, generated into
 * src/lib/api-types.ts), or the portal's own 'ERROR' for an answer that is not an error body.
 */
export type PortalErrorCode = ErrorCode | 'ERROR';

/** The success body of a portal route, by its path under /api/portal (e.g. '/me'), from the generated types. */
export type PortalResponse<
  P extends string,
  M extends 'get' | 'post' | 'put' = 'get',
> = `/api/portal${P}` extends ApiPath ? ApiResponse<`/api/portal${P}`, M> : never;

export interface ApiError {
  status: number;
  code: PortalErrorCode;
  message: string;
  details?: unknown;
}

export type Session = PortalResponse<'/me'>;

let csrf: string | null = null;

export function setCsrf(token: string | null) {
  csrf = token;
}

export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Requests under way. The page's <main> declares data-ready="false" while any runs (browser tests wait
 * for "true", as on the staff pages); retries and their back-off count as under way.
 */
let inFlight = 0;
const inFlightListeners = new Set<() => void>();
export function subscribeRequests(listener: () => void): () => void {
  inFlightListeners.add(listener);
  return () => inFlightListeners.delete(listener);
}
export const requestsInFlight = (): number => inFlight;
function tracked<T>(run: () => Promise<T>): Promise<T> {
  inFlight++;
  for (const l of inFlightListeners) l();
  return run().finally(() => {
    inFlight--;
    for (const l of inFlightListeners) l();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && 'code' in e && 'status' in e;
}

export function errorText(e: unknown): string {
  if (isApiError(e)) return e.message;
  return '网络不稳定，请稍后再试';
}

export function errorCode(e: unknown): PortalErrorCode | null {
  return isApiError(e) ? e.code : null;
}

interface Options {
  method?: string;
  body?: unknown;
  /** Same key on every retry: the server answers a retry with the first result. */
  idempotencyKey?: string;
  /** Retry on network failure and 502/503/504 with back-off (1 s, 2 s, 4 s, 8 s). */
  retries?: number;
}

async function once<T>(path: string, o: Options): Promise<T> {
  const headers: Record<string, string> = {};
  const method = o.method ?? (o.body === undefined ? 'GET' : 'POST');
  if (method !== 'GET' && csrf) headers['x-portal-csrf'] = csrf;
  if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
  let payload: BodyInit | undefined;
  if (o.body instanceof FormData) payload = o.body;
  else if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(o.body);
  }
  const res = await fetch(`/api/portal${path}`, {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const d = (data ?? {}) as Partial<ApiError>;
    throw {
      status: res.status,
      code: d.code ?? 'ERROR',
      message: d.message ?? '操作没有成功，请稍后再试',
      details: d.details,
    } satisfies ApiError;
  }
  return data as T;
}

export function api<T>(path: string, o: Options = {}): Promise<T> {
  return tracked(() => withRetries<T>(path, o));
}

async function withRetries<T>(path: string, o: Options): Promise<T> {
  const retries = o.retries ?? 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await once<T>(path, o);
    } catch (e) {
      const retryable = !isApiError(e) || [502, 503, 504].includes(e.status);
      if (!retryable || attempt >= retries) throw e;
      await sleep(1000 * 2 ** attempt);
    }
  }
}

/** Public endpoints outside /api/portal (the clocks calculator, the knowledge base). */
export function publicApi<T>(path: string): Promise<T> {
  return tracked(() => publicOnce<T>(path));
}

async function publicOnce<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin' });
  const data = (await res.json()) as T & { message?: string; code?: ErrorCode };
  if (!res.ok) throw { status: res.status, code: data.code ?? 'ERROR', message: data.message ?? '查询失败' };
  return data;
}
