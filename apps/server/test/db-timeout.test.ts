import Fastify from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/env';
import { errorHandler } from '../src/platform/errors';
import { useTestServer } from './harness';

/**
 * Issue #15 item 6: every pooled connection carries a statement timeout (DB_STATEMENT_TIMEOUT_MS),
 * so a runaway statement is cut by the database and the request answers 503 REQUEST_TIMEOUT (never a
 * hang, never a 500). The pool has one connection, like the embedded database: after the cut the
 * same connection serves the next request.
 */
const env = useTestServer({ DB_STATEMENT_TIMEOUT_MS: '400', DB_POOL_MAX: '1' });

describe('statement timeout', () => {
  it('defaults to 30 s and accepts 0 (off)', () => {
    const base = { DEMO_MODE: 'true' };
    expect(loadConfig(base).statementTimeoutMs).toBe(30_000);
    expect(loadConfig({ ...base, DB_STATEMENT_TIMEOUT_MS: '0' }).statementTimeoutMs).toBe(0);
    expect(() => loadConfig({ ...base, DB_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
  });

  it('sets statement_timeout on the pooled connection (both backends)', async () => {
    const show = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(
      env.server.database.db,
    );
    expect(show.rows[0]!.statement_timeout).toBe('400ms');
  });

  // The embedded PGlite accepts the setting but cannot enforce it (its single-threaded WASM engine has
  // no timer interrupt); there the per-request timeout (503 REQUEST_TIMEOUT) is the guard.
  it.runIf(!!process.env.DATABASE_URL)(
    'PostgreSQL cuts a long statement (57014): the request gets 503 REQUEST_TIMEOUT and the connection serves on',
    async () => {
      const { db } = env.server.database;

      // The server's error handler in front of a handler that runs a statement longer than the limit.
      const app = Fastify();
      app.setErrorHandler(errorHandler);
      app.get('/slow', async () => {
        await sql`SELECT pg_sleep(5)`.execute(db);
        return { ok: true };
      });
      const started = Date.now();
      const res = await app.inject({ method: 'GET', url: '/slow' });
      const took = Date.now() - started;
      await app.close();
      expect([res.statusCode, res.json()]).toEqual([
        503,
        { code: 'REQUEST_TIMEOUT', message: '系统繁忙，处理超时，请稍后重试' },
      ]);
      expect(took).toBeLessThan(4000);

      // Inside a transaction too: the transaction is rolled back, the connection is usable again.
      const inTrx = await db
        .transaction()
        .execute(async (trx) => sql`SELECT pg_sleep(5)`.execute(trx))
        .then(
          () => 'completed',
          (err: { code?: string }) => err.code,
        );
      expect(inTrx).toBe('57014');
      const health = await fetch(`${env.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
    },
  );
});
