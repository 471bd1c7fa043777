import { describe, expect, it } from 'vitest';
import { getClocksService } from '../src/modules/clocks/clocks.module';
import { SYSTEM_ACTOR } from '../src/platform/audit';
import { places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { fillPath, key, routeTable } from './routes.support';

/**
 * The requests named in issue 15: each answers promptly with a 4xx or success. On PostgreSQL the
 * pool has one connection, like the embedded database, so a second-connection wait shows as a hang.
 */
const env = useTestServer({ DB_POOL_MAX: '1' });
const quick = () => ({ signal: AbortSignal.timeout(10_000) });

async function clockIn(jurisdictionId: string) {
  return env.server.database.db.transaction().execute((trx) =>
    getClocksService(env.server.app.ctx).start(
      trx,
      {
        subjectType: 'matter',
        subjectId: crypto.randomUUID(),
        ruleId: 'arbitration.award',
        triggerDate: '2026-03-02',
        jurisdictionId,
      },
      SYSTEM_ACTOR,
    ),
  );
}

describe('no request hangs or crashes the server', () => {
  it('suspends, resumes and restarts a clock in a jurisdiction without freezing; only the track post may', async () => {
    const clock = await clockIn((await places(env)).zengdu);
    const base = `${env.url}/api/clocks/${clock.id}`;
    const zm = await signedIn(env, 'zhangmin');
    const post = (c: Client, path: string, body: unknown) =>
      fetch(`${base}/${path}`, {
        ...quick(),
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: c.cookie!, 'x-csrf-token': c.csrf! },
        body: JSON.stringify(body),
      });
    const s = await post(zm, 'suspend', { reason: '等待工伤认定结论', date: '2026-03-10' });
    expect(s.status).toBe(200);
    expect(((await s.json()) as any).status).toBe('suspended');
    expect((await post(zm, 'resume', { reason: '已收到结论', date: '2026-03-20' })).status).toBe(200);
    expect((await post(zm, 'restart', { triggerDate: '2026-03-21', reason: '追加仲裁请求' })).status).toBe(
      200,
    );
    // A post without any track's work (court liaison) is refused at the route; a mediator-only post
    // (union liaison + mediator) holds a track post, but not this clock's track.
    const court = await post(await signedIn(env, 'court'), 'suspend', { reason: '随便中止' });
    expect(court.status).toBe(403);
    const union = await post(await signedIn(env, 'union'), 'suspend', { reason: '随便中止' });
    expect([union.status, ((await union.json()) as any).message]).toEqual([
      403,
      '只有该业务的办案人员或领导可以操作此期限',
    ]);
    const health = await fetch(`${env.url}/api/health`, quick());
    expect(health.status).toBe(200);
  });

  it('every GET route answers every post promptly under the one-connection pool (no hang, no 5xx)', {
    timeout: 600_000,
  }, async () => {
    // Write routes get the same sweep with broken bodies in fuzz.test.ts (also with one connection).
    const reads = routeTable(env).filter((r) => r.method === 'GET');
    expect(reads.length).toBeGreaterThan(100);
    const failures: string[] = [];
    // Posts of every shape: administrator, window, several tracks at once, leader, another county.
    for (const username of ['admin', 'clerk', 'zhangmin', 'director', 'gsclerk']) {
      const c = await signedIn(env, username);
      const results: { r: (typeof reads)[number]; status: number }[] = [];
      // Small batches: a request waiting behind a batch on the one connection is queueing, not hanging.
      for (let i = 0; i < reads.length; i += 8) {
        const batch = reads.slice(i, i + 8).map(async (r) => {
          try {
            const res = await fetch(env.url + fillPath(r.url), {
              ...quick(),
              headers: { cookie: c.cookie! },
            });
            await res.arrayBuffer();
            return { r, status: res.status };
          } catch {
            return { r, status: 0 };
          }
        });
        results.push(...(await Promise.all(batch)));
      }
      for (const { r, status } of results)
        if (status === 0 || status >= 500) failures.push(`${username} ${key(r)} → ${status || 'HANG'}`);
    }
    expect(failures).toEqual([]);
    expect((await fetch(`${env.url}/api/health`, quick())).status).toBe(200);
  });

  it('refuses NUL bytes (also without login) and impossible dates with 400', async () => {
    const anon = new Client(env.url);
    const login = await anon.post('/api/auth/login', { username: 'ad\u0000min', password: 'x' });
    expect([login.status, login.body.code, login.body.message]).toEqual([
      400,
      'VALIDATION_FAILED',
      'body.username：不能包含空字符（\\u0000），请删除后重试',
    ]);
    const report = await anon.post('/api/portal/reports', {
      employerName: '某厂\u0000',
      body: '加班不给钱\u0000',
    });
    expect([report.status, report.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const clerk = await signedIn(env, 'clerk');
    const day = await clerk.post('/api/arbitration/day-close', { date: '2026-02-30' });
    expect([day.status, day.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // Unauthenticated with a malformed body: the session is checked first.
    const anonBad = await anon.post('/api/arbitration/day-close', { date: 42, extra: true });
    expect([anonBad.status, anonBad.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    // The same on the portal: a route needing a signed-in account answers 401 before reading the body.
    const portalBad = await anon.post('/api/portal/applications', { kind: 42, extra: true });
    expect([portalBad.status, portalBad.body.code]).toEqual([401, 'PORTAL_UNAUTHENTICATED']);
    const portalRead = await anon.get('/api/portal/matters');
    expect([portalRead.status, portalRead.body.code]).toEqual([401, 'PORTAL_UNAUTHENTICATED']);
  });
});
