import { describe, expect, it } from 'vitest';
import { BodyFactory, bodyFor, MUTATIONS } from './fuzz.support';
import { type Client, signedIn, useTestServer } from './harness';
import { DEMO_USERNAMES, postPermissions, required, routeTable } from './routes.support';

/**
 * Every write route (from the route table) receives bodies built from its own schema — valid-looking,
 * empty, unknown fields, wrong types, NUL bytes, huge strings, impossible dates, negative and huge
 * numbers, nulls — as a user holding its post. No answer may be a 5xx and none may hang. On
 * PostgreSQL the pool has ONE connection, like the embedded database, so a query made outside an
 * open transaction waits forever and is caught here as a hang.
 */
const env = useTestServer({ DB_POOL_MAX: '1' });
const HANG_MS = 15_000;
/** Routes that would end the session the run depends on. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/portal/auth/logout']);

async function send(c: Client | null, method: string, path: string, body: unknown) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': crypto.randomUUID(),
  };
  if (c?.cookie) headers.cookie = c.cookie;
  if (c?.csrf) headers['x-csrf-token'] = c.csrf;
  try {
    const res = await fetch(env.url + path, {
      method,
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await res.text();
    return { status: res.status, text };
  } catch (err) {
    return { status: 0, text: String(err) };
  }
}

describe('fuzz: every write route', () => {
  it('answers every broken body with a 4xx (or success), never a 5xx, never a hang', {
    timeout: 900_000,
  }, async () => {
    const spec = env.server.app.swagger() as any;
    const factory = new BodyFactory(spec.components?.schemas ?? {});
    const clients = new Map<string, Client>();
    for (const u of DEMO_USERNAMES) clients.set(u, await signedIn(env, u));
    const table = routeTable(env);
    const failures: string[] = [];
    let sent = 0;
    for (const r of table) {
      if (r.method === 'GET' || SKIP.has(`${r.method} ${r.url}`)) continue;
      const openapiPath = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = spec.paths?.[openapiPath]?.[r.method.toLowerCase()];
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (op?.requestBody && !schema) continue; // multipart uploads: covered by the upload tests
      const params: Record<string, string> = {};
      for (const p of op?.parameters ?? [])
        if (p.in === 'path') params[p.name] = String(factory.sample(p.schema));
      const path = r.url.replace(/:([A-Za-z]+)/g, (_, n: string) =>
        encodeURIComponent(params[n] ?? crypto.randomUUID()),
      );
      const need = required(r);
      const user = need
        ? DEMO_USERNAMES.find((u) => need.some((p) => postPermissions(u).has(p)))
        : 'zhangmin';
      const client = r.auth === 'public' ? null : clients.get(user ?? 'admin')!;
      for (const name of Object.keys(MUTATIONS)) {
        const res = await send(client, r.method, path, bodyFor(factory, schema, name));
        sent++;
        if (res.status === 0 || res.status >= 500)
          failures.push(`${r.method} ${r.url} [${name}] → ${res.status || 'HANG'} ${res.text.slice(0, 160)}`);
      }
    }
    expect(sent).toBeGreaterThan(1000);
    const health = await fetch(`${env.url}/api/health`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
    expect(failures).toEqual([]);
  });
});
