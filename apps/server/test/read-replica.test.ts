import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/bootstrap';
import { loadConfig } from '../src/config/env';
import { RECENT_WRITE_COOKIE } from '../src/platform/read-pool';
import { Client, dropDatabase, signedIn, type TestEnv, useTestServer } from './harness';
import { intakeBody, jurisdictions } from './intake-fixtures';

const adminUrl = process.env.DATABASE_URL;
const WINDOW_MS = 800;

/** Counts the connections each pool hands out (one per statement outside a transaction). */
function counter(pool: pg.Pool) {
  let n = 0;
  pool.on('acquire', () => {
    n++;
  });
  return {
    get value() {
      return n;
    },
  };
}

/**
 * DATABASE_READ_URL: lists and searches read the replica's pool, writes and the writer's own reads
 * the primary. The "replica" here is a second connection string to the same PostgreSQL database
 * (its pool runs every transaction read-only), which proves the routing without a standby server.
 */
describe.skipIf(!adminUrl)('read replica (PostgreSQL)', () => {
  let server: RunningServer;
  let env: TestEnv;
  let dbUrl: string;

  beforeAll(async () => {
    // Not useTestServer(): the read URL must name the database, so the test creates it itself.
    const name = `onestop_t_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl!);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    const readUrl = new URL(dbUrl);
    readUrl.searchParams.set('application_name', 'onestop_replica');
    server = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        WEB_DIST: '/nonexistent',
        JOBS_ENABLED: 'false',
        DATABASE_URL: dbUrl,
        DATABASE_READ_URL: readUrl.toString(),
        READ_AFTER_WRITE_MS: String(WINDOW_MS),
        SESSION_CACHE_MS: '60000',
      }),
    );
    env = { server, url: server.url, databaseUrl: dbUrl };
  });
  afterAll(async () => {
    await server?.close();
    if (dbUrl) await dropDatabase(adminUrl!, dbUrl);
  });

  it('opens the read pool read-only: a write sent there is refused', async () => {
    const read = server.database.read!;
    expect(read).toBeDefined();
    await expect(
      read.db.updateTable('jurisdiction').set({ name: '不应写入' }).where('code', '=', 'none').execute(),
    ).rejects.toThrow('cannot execute UPDATE in a read-only transaction');
    const r = await read.pool.query<{ role: string; app: string }>(
      `SELECT current_user AS role, current_setting('application_name') AS app`,
    );
    expect(r.rows[0]).toEqual({ role: 'onestop_app', app: 'onestop_replica' });
  });

  it('sends a list and a search to the read pool and nothing to the primary', async () => {
    const reader = await signedIn(env, 'zhangmin');
    // First request after sign-in loads the session from the primary; it is cached afterwards.
    expect((await reader.get('/api/matters')).status).toBe(200);
    const primary = counter(server.database.pool);
    const replica = counter(server.database.read!.pool);
    const list = await reader.get('/api/matters?pageSize=5');
    const search = await reader.get(`/api/matters?q=${encodeURIComponent('王建国')}`);
    expect(list.status).toBe(200);
    expect(search.status).toBe(200);
    expect(primary.value).toBe(0);
    // Each request: the user's jurisdiction scope, then the list query.
    expect(replica.value).toBe(4);
  });

  it('keeps read-your-writes: the writer reads the primary and sees the new matter at once', async () => {
    const clerk = await signedIn(env, 'clerk');
    const [j] = await jurisdictions(clerk);
    expect((await clerk.get('/api/matters')).status).toBe(200);
    const created = await clerk.post('/api/intake', intakeBody(j!.id));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const cookie = created.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`${RECENT_WRITE_COOKIE}=\\d{13}; Path=/api; Max-Age=1; HttpOnly`));

    const primary = counter(server.database.pool);
    const replica = counter(server.database.read!.pool);
    const mine = await clerk.get(`/api/matters?q=${encodeURIComponent(created.body.number)}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((m: { id: string }) => m.id)).toEqual([created.body.id]);
    expect(replica.value).toBe(0);
    expect(primary.value).toBe(2);

    // After the window the same user reads the replica again.
    await new Promise((r) => setTimeout(r, WINDOW_MS + 100));
    const later = await clerk.get(`/api/matters?q=${encodeURIComponent(created.body.number)}`);
    expect(later.body.items.map((m: { id: string }) => m.id)).toEqual([created.body.id]);
    expect(replica.value).toBe(2);
    expect(primary.value).toBe(2);
  });

  it('honours the mark from another instance: the cookie alone keeps the reads on the primary', async () => {
    const other = await signedIn(env, 'director');
    expect((await other.get('/api/matters')).status).toBe(200);
    const primary = counter(server.database.pool);
    const replica = counter(server.database.read!.pool);
    const sid = other.cookie!;
    const withMark = new Client(env.url);
    withMark.cookie = `${sid}; ${RECENT_WRITE_COOKIE}=${Date.now()}`;
    expect((await withMark.get('/api/matters')).status).toBe(200);
    expect(primary.value).toBe(2);
    expect(replica.value).toBe(0);
    // An expired or malformed mark does not count.
    withMark.cookie = `${sid}; ${RECENT_WRITE_COOKIE}=${Date.now() - WINDOW_MS - 1}`;
    expect((await withMark.get('/api/matters')).status).toBe(200);
    withMark.cookie = `${sid}; ${RECENT_WRITE_COOKIE}=yesterday`;
    expect((await withMark.get('/api/matters')).status).toBe(200);
    expect(primary.value).toBe(2);
    expect(replica.value).toBe(4);
  });
});

describe.skipIf(!!adminUrl)('read replica (embedded PGlite)', () => {
  const env = useTestServer({ DATABASE_READ_URL: 'postgres://replica.invalid:5432/onestop' });

  it('ignores DATABASE_READ_URL: no read pool, lists read the embedded database', async () => {
    expect(env.server.database.backend).toBe('pglite');
    expect(env.server.database.read).toBeUndefined();
    const clerk = await signedIn(env, 'clerk');
    const r = await clerk.get('/api/matters?pageSize=1');
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toBeNull();
  });
});
