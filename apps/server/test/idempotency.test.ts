import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { idempotencyTestHooks } from '../src/platform/idempotency';
import { type TestEnv, signedIn, useTestServer } from './harness';
import { intakeBody, jurisdictions } from './intake-fixtures';

async function matterCount(env: TestEnv): Promise<number> {
  const r = await env.server.database.db
    .selectFrom('matter')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function keyRow(env: TestEnv, key: string) {
  return env.server.database.db
    .selectFrom('idempotency_key')
    .select(['status_code', 'result'])
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Makes the hook throw once for `key`, as if the instance died at that point. */
function crashOnce(hook: 'beforeCommit' | 'afterCommit', key: string) {
  idempotencyTestHooks[hook] = (_scope, k) => {
    if (k !== key) return;
    idempotencyTestHooks[hook] = undefined;
    throw new Error(`simulated crash ${hook}`);
  };
}

describe('Idempotency-Key on public-facing creations', () => {
  const env = useTestServer();

  afterEach(() => {
    idempotencyTestHooks.beforeCommit = undefined;
    idempotencyTestHooks.afterCommit = undefined;
  });

  async function window() {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((j) => j.name === '曾都区')!;
    return { clerk, body: intakeBody(zengdu.id) };
  }

  it('simultaneous submissions with one key create one record and all get its response', async () => {
    const { clerk, body } = await window();
    const before = await matterCount(env);
    const send = () =>
      clerk.request('POST', '/api/intake', body, { headers: { 'idempotency-key': 'weak-net-1' } });
    const all = await Promise.all([send(), send(), send(), send()]);
    // The later ones wait for (PostgreSQL: the key's row lock; PGlite: the connection) and replay.
    expect(all.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    expect(new Set(all.map((r) => r.body.number)).size).toBe(1);
    expect(all.filter((r) => r.headers.get('idempotent-replay') === 'true')).toHaveLength(3);
    expect(await matterCount(env)).toBe(before + 1);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.id).toBe(all[0].body.id);
    expect(await matterCount(env)).toBe(before + 1);
    const reused = await clerk.request(
      'POST',
      '/api/intake',
      { ...body, narrative: '不同内容' },
      { headers: { 'idempotency-key': 'weak-net-1' } },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it.runIf(process.env.DATABASE_URL)(
    'PostgreSQL: a same-key request waits on the uncommitted key row, then replays the committed one',
    async () => {
      const { clerk, body } = await window();
      const before = await matterCount(env);
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let paused!: () => void;
      const atCommit = new Promise<void>((resolve) => {
        paused = resolve;
      });
      idempotencyTestHooks.beforeCommit = async (_scope, key) => {
        if (key !== 'pg-overlap') return;
        idempotencyTestHooks.beforeCommit = undefined;
        paused();
        await held;
      };
      const send = () =>
        clerk.request('POST', '/api/intake', body, { headers: { 'idempotency-key': 'pg-overlap' } });
      const first = send();
      await atCommit; // the first transaction holds the uncommitted key row
      const second = send();
      // The second request's INSERT of the key blocks on the first transaction's row lock
      // (observed on a connection of its own: the app's pool may be busy with the two requests).
      const observer = new pg.Client({ connectionString: env.databaseUrl });
      await observer.connect();
      try {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const waiting = await observer.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
               AND wait_event_type = 'Lock' AND query LIKE '%idempotency_key%'`,
          );
          if (waiting.rowCount) break;
          if (Date.now() > deadline) throw new Error('the second request never waited on the key');
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        await observer.end();
        release();
      }
      const [a, b] = await Promise.all([first, second]);
      expect(a.status).toBe(201);
      expect(a.headers.get('idempotent-replay')).toBeNull();
      expect(b.status).toBe(201);
      expect(b.headers.get('idempotent-replay')).toBe('true');
      expect(b.body.id).toBe(a.body.id);
      expect(await matterCount(env)).toBe(before + 1);
    },
  );

  it('a retry after a crash between COMMIT and the response replays instead of registering again', async () => {
    const { clerk, body } = await window();
    const before = await matterCount(env);
    crashOnce('afterCommit', 'crash-after-commit');
    const send = () =>
      clerk.request('POST', '/api/intake', body, { headers: { 'idempotency-key': 'crash-after-commit' } });
    const lost = await send();
    expect(lost.status).toBe(500);
    // The registration committed, and with it the key (its result, not yet a response).
    expect(await matterCount(env)).toBe(before + 1);
    const row = await keyRow(env, 'crash-after-commit');
    expect(row?.status_code).toBe(0);
    const matter = await env.server.database.db
      .selectFrom('matter')
      .select(['id', 'number'])
      .where('id', '=', (row!.result as { value: string }).value)
      .executeTakeFirstOrThrow();

    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    expect(retry.body.id).toBe(matter.id);
    expect(retry.body.number).toBe(matter.number);
    expect(await matterCount(env)).toBe(before + 1);
    // The rebuilt response is now stored: further retries get exactly it.
    expect((await keyRow(env, 'crash-after-commit'))?.status_code).toBe(201);
    const third = await send();
    expect(third.status).toBe(201);
    expect(third.body).toEqual(retry.body);
    expect(await matterCount(env)).toBe(before + 1);
  });

  it('a retry after a crash before COMMIT does the work exactly once', async () => {
    const { clerk, body } = await window();
    const before = await matterCount(env);
    crashOnce('beforeCommit', 'crash-before-commit');
    const send = () =>
      clerk.request('POST', '/api/intake', body, { headers: { 'idempotency-key': 'crash-before-commit' } });
    const lost = await send();
    expect(lost.status).toBe(500);
    // Nothing committed: neither the matter nor the key (no reservation is left behind).
    expect(await matterCount(env)).toBe(before);
    expect(await keyRow(env, 'crash-before-commit')).toBeUndefined();

    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replay')).toBeNull();
    expect(await matterCount(env)).toBe(before + 1);
    const third = await send();
    expect(third.status).toBe(201);
    expect(third.headers.get('idempotent-replay')).toBe('true');
    expect(third.body).toEqual(retry.body);
    expect(await matterCount(env)).toBe(before + 1);
  });

  it('a rejected submission leaves no key: the corrected one with that key registers once', async () => {
    const { clerk, body } = await window();
    const before = await matterCount(env);
    const send = (b: unknown) =>
      clerk.request('POST', '/api/intake', b, { headers: { 'idempotency-key': 'rejected-first' } });
    const rejected = await send({ ...body, jurisdictionId: '00000000-0000-4000-8000-000000000000' });
    expect(rejected.status).toBe(403);
    expect(rejected.body.code).toBe('JURISDICTION_FORBIDDEN');
    expect(await keyRow(env, 'rejected-first')).toBeUndefined();
    expect(await matterCount(env)).toBe(before);
    const corrected = await send(body);
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replay')).toBeNull();
    expect(await matterCount(env)).toBe(before + 1);
  });

  it('a reservation left by the code before migration 0055 is reported as unknown, not redone', async () => {
    const { clerk, body } = await window();
    const send = () =>
      clerk.request('POST', '/api/intake', body, { headers: { 'idempotency-key': 'legacy-reservation' } });
    expect((await send()).status).toBe(201);
    // What the old code left when the instance died mid-request: status 0, outside any transaction.
    await env.server.database.db
      .updateTable('idempotency_key')
      .set({ status_code: 0, response: '{}', result: null })
      .where('key', '=', 'legacy-reservation')
      .execute();
    const before = await matterCount(env);
    const r = await send();
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('IDEMPOTENCY_OUTCOME_UNKNOWN');
    expect(await matterCount(env)).toBe(before);
  });
});
