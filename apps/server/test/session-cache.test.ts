import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/bootstrap';
import { loadConfig } from '../src/config/env';
import { Client, signedIn, type TestEnv, useTestServer } from './harness';

/**
 * The session cache (platform/auth.ts) saves the session query on every request; it must never let
 * a logged-out session or a removed post through. The TTL is set to a minute here, so that only
 * invalidation — not expiry — can explain what the tests see.
 */
const env = useTestServer({ SESSION_CACHE_MS: '60000' });

async function userId(admin: Client, username: string): Promise<{ id: string; version: number }> {
  const r = await admin.get(`/api/admin/users?q=${username}`);
  const u = r.body.items.find((x: { username: string }) => x.username === username);
  return { id: u.id, version: u.version };
}

/** On PostgreSQL the listener connects in the background: wait until the cache declares itself on. */
async function untilActive(server: RunningServer) {
  const deadline = Date.now() + 10_000;
  while (!server.app.sessionCache.active && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
}

describe('session cache: changes take effect on the next request', () => {
  it('is on for this instance', async () => {
    await untilActive(env.server);
    expect(env.server.app.sessionCache.active).toBe(true);
  });

  it('logout: the same cookie is refused at once (401 UNAUTHENTICATED)', async () => {
    const c = await signedIn(env, 'court');
    expect((await c.get('/api/auth/me')).status).toBe(200); // cached now
    const cookie = c.cookie!;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const replay = new Client(env.url);
    replay.cookie = cookie;
    const r = await replay.get('/api/auth/me');
    expect([r.status, r.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('removing a post: its powers end with the next request (403)', async () => {
    const admin = await signedIn(env, 'admin');
    const liu = await signedIn(env, 'inspector2');
    expect((await liu.get('/api/work/inspection')).status).toBe(200); // cached now
    const { id, version } = await userId(admin, 'inspector2');
    const changed = await admin.patch(`/api/admin/users/${id}`, { version, roles: [] });
    expect(changed.status).toBe(200);
    expect((await liu.get('/api/work/inspection')).status).toBe(403);
    expect((await liu.get('/api/auth/me')).body.user.permissions).toEqual([]);
  });

  it('served from the cache, a session still needs its CSRF token to change state (403 CSRF_INVALID)', async () => {
    const c = await signedIn(env, 'court');
    expect((await c.get('/api/auth/me')).status).toBe(200); // cached now
    const r = await c.request('POST', '/api/auth/logout', undefined, { noCsrf: true });
    expect([r.status, r.body.code]).toEqual([403, 'CSRF_INVALID']);
    expect((await c.get('/api/auth/me')).status).toBe(200); // still signed in
  });

  it('served from the cache, a session gets 403 for what its posts do not grant and 200 for what they do', async () => {
    const c = await signedIn(env, 'court');
    expect((await c.get('/api/auth/me')).status).toBe(200); // cached now
    const r = await c.get('/api/admin/users');
    expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await c.get('/api/admin/jurisdictions')).status).toBe(200);
  });

  it('without a cookie, or with an unknown one, a protected route answers 401', async () => {
    const anonymous = new Client(env.url);
    expect((await anonymous.get('/api/auth/me')).body.code).toBe('UNAUTHENTICATED');
    anonymous.cookie = 'onestop_sid=not-a-session';
    const r = await anonymous.get('/api/auth/me');
    expect([r.status, r.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('deactivating a user ends their session at once (401)', async () => {
    const admin = await signedIn(env, 'admin');
    const zhou = await signedIn(env, 'union');
    expect((await zhou.get('/api/auth/me')).status).toBe(200);
    const { id, version } = await userId(admin, 'union');
    expect((await admin.patch(`/api/admin/users/${id}`, { version, active: false })).status).toBe(200);
    expect((await zhou.get('/api/auth/me')).status).toBe(401);
  });
});

/**
 * Two instances on one PostgreSQL database. A change made outside an instance (here: SQL on the
 * database, as another instance, the CLI or an operator would make it) reaches its cache through the
 * trigger's NOTIFY (migration 0059): the test waits for the instance to apply that notification
 * (a state it declares), then the next request sees the change.
 */
const adminUrl = process.env.DATABASE_URL;
describe.skipIf(!adminUrl)('session cache across instances (PostgreSQL)', () => {
  let other: RunningServer;
  let otherEnv: TestEnv;
  let owner: pg.Client;

  beforeAll(async () => {
    other = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        WEB_DIST: '/nonexistent',
        JOBS_ENABLED: 'false',
        DATABASE_URL: env.databaseUrl!,
        SESSION_CACHE_MS: '60000',
      }),
    );
    otherEnv = { server: other, url: other.url, databaseUrl: env.databaseUrl };
    owner = new pg.Client({ connectionString: env.databaseUrl });
    await owner.connect();
    await untilActive(other);
  });
  afterAll(async () => {
    await owner?.end();
    await other?.close();
  });

  it('listens: the cache of the second instance is on', () => {
    expect(other.app.sessionCache.active).toBe(true);
  });

  it('a session deleted elsewhere is refused by the instance that cached it', async () => {
    const c = await signedIn(env, 'petition'); // signed in through the first instance
    const onOther = new Client(otherEnv.url);
    onOther.cookie = c.cookie;
    expect((await onOther.get('/api/auth/me')).status).toBe(200); // cached by the second
    const applied = other.app.sessionCache.nextNotification();
    const user = (await onOther.get('/api/auth/me')).body.user.id as string;
    await owner.query('DELETE FROM session WHERE user_id = $1', [user]);
    await applied;
    const r = await onOther.get('/api/auth/me');
    expect([r.status, r.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('a post removed elsewhere: the instance that cached the session answers 403', async () => {
    const c = await signedIn(env, 'gsinspector');
    const onOther = new Client(otherEnv.url);
    onOther.cookie = c.cookie;
    expect((await onOther.get('/api/work/inspection')).status).toBe(200); // cached by the second
    const me = (await onOther.get('/api/auth/me')).body.user;
    const applied = other.app.sessionCache.nextNotification();
    await owner.query('DELETE FROM user_role WHERE user_id = $1', [me.id]);
    await applied;
    expect((await onOther.get('/api/work/inspection')).status).toBe(403);
  });

  it('without its LISTEN connection an instance does not cache (every request reads the database)', async () => {
    const cache = other.app.sessionCache;
    cache.setSynced(false);
    try {
      expect(cache.active).toBe(false);
      const c = await signedIn(env, 'legalaid');
      const onOther = new Client(otherEnv.url);
      onOther.cookie = c.cookie;
      expect((await onOther.get('/api/auth/me')).status).toBe(200);
      const me = (await onOther.get('/api/auth/me')).body.user;
      // No notification can help here: the session is gone from the database, and that is enough.
      await owner.query('DELETE FROM session WHERE user_id = $1', [me.id]);
      expect((await onOther.get('/api/auth/me')).status).toBe(401);
    } finally {
      cache.setSynced(true);
    }
  });
});
