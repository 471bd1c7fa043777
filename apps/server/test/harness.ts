import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../src/bootstrap';
import { loadConfig } from '../src/config/env';
import { DEMO_PASSWORD } from '../src/seed/demo';

/**
 * Integration tests run over real HTTP against a real database: an in-memory PGlite by default,
 * or — when DATABASE_URL is set — a fresh PostgreSQL database created for this test file and
 * dropped afterwards. The same tests run on both.
 */
export interface TestEnv {
  server: RunningServer;
  url: string;
  databaseUrl: string | undefined;
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `onestop_t_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(adminUrl: string, url: string) {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestEnv> {
  const adminUrl = process.env.DATABASE_URL;
  const databaseUrl = adminUrl ? await createDatabase(adminUrl) : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_MODE: 'true',
    PGLITE_DIR: 'memory://',
    WEB_DIST: '/nonexistent',
    JOBS_ENABLED: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...overrides,
  });
  const server = await startServer(config);
  const close = server.close.bind(server);
  server.close = async () => {
    await close();
    if (adminUrl && databaseUrl) await dropDatabase(adminUrl, databaseUrl);
  };
  return { server, url: server.url, databaseUrl };
}

/** One server per test file. */
export function useTestServer(overrides: Record<string, string> = {}) {
  const env = {} as TestEnv;
  beforeAll(async () => {
    Object.assign(env, await startTestServer(overrides));
  });
  afterAll(async () => {
    await env.server?.close();
  });
  return env;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A minimal HTTP client that keeps the session cookie and CSRF token, like the browser does. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(readonly base: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    opts: { raw?: string; headers?: Record<string, string>; noCsrf?: boolean } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && !opts.noCsrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /onestop_sid=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `onestop_sid=${m[1]}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }

  async login(username: string, password = DEMO_PASSWORD) {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }
}

export async function signedIn(env: TestEnv, username: string, password = DEMO_PASSWORD) {
  const c = new Client(env.url);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

/**
 * Signed-in clients by username for one test file, each signed in on first use: tests stay
 * independent (any one runs alone) without a login per test (logins are rate-limited).
 */
export function signedInUsers(env: TestEnv): (username: string) => Promise<Client> {
  const clients = new Map<string, Promise<Client>>();
  return (username) => {
    let c = clients.get(username);
    if (!c) {
      c = signedIn(env, username);
      clients.set(username, c);
    }
    return c;
  };
}
