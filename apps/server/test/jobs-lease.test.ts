import { type ChildProcess, spawn } from 'node:child_process';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { enqueueJob, JobRunner } from '../src/platform/jobs';
import { freshDatabaseEnv, ROOT, waitExit } from './processes';

const silent = pino({ level: 'silent' });

function open(env: Record<string, string>): Promise<Database> {
  return openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR ?? '', poolMax: 2 });
}

/** Starts fixtures/job-worker.ts and resolves when it has claimed the job (it then works "forever"). */
function startWorker(env: Record<string, string>): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/test/fixtures/job-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not claim: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /claimed \d+ attempt \d+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, line: m[0] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited ${code}: ${out}`));
    });
  });
}

/**
 * A worker claims a job and is killed (SIGKILL) in the middle of it. Its lease runs out, and another
 * worker takes the job over and finishes it exactly once. On PGlite (one process per data folder)
 * the second worker opens the folder after the first died; on PostgreSQL it runs beside the corpse's
 * still-valid lease first and must not take the job until the lease has expired.
 */
describe('job leases', () => {
  it('a job whose worker was killed mid-job is finished once by another worker', {
    timeout: 180_000,
  }, async () => {
    const { env, drop } = await freshDatabaseEnv();
    try {
      let database = await open(env);
      await migrate(database.pool);
      await enqueueJob(database.db, 'test.slow', { n: 1 }, { dedupeKey: 'lease-test' });
      if (!env.DATABASE_URL) await database.close(); // PGlite: the folder belongs to one process

      const { child, line } = await startWorker(env);
      expect(line).toMatch(/^claimed \d+ attempt 1$/);
      if (env.DATABASE_URL) {
        const held = await database.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
        expect(held).toMatchObject({ kind: 'test.slow', state: 'running', attempts: 1 });
        expect(held.lease_until).not.toBeNull();
        // While the lease is valid nobody else may take the job.
        const early = new JobRunner(database.db, silent);
        early.register('test.slow', async () => {
          throw new Error('must not run while the lease is held');
        });
        expect(await early.runOnce()).toBe(0);
      }
      child.kill('SIGKILL');
      await waitExit(child);
      if (!env.DATABASE_URL) database = await open(env);

      const stuck = await database.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
      expect(stuck.state).toBe('running');
      const runs: { attempt: number; payload: unknown }[] = [];
      const second = new JobRunner(database.db, silent);
      second.register('test.slow', async (payload, ctx) => {
        runs.push({ attempt: ctx.attempt, payload });
      });
      const deadline = Date.now() + 20_000;
      while (!runs.length && Date.now() < deadline) {
        await second.runOnce();
        if (!runs.length) await new Promise((r) => setTimeout(r, 250));
      }
      expect(await second.runOnce()).toBe(0);
      expect(runs).toEqual([{ attempt: 2, payload: { n: 1 } }]);
      const done = await database.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
      expect(done).toMatchObject({
        state: 'done',
        attempts: 2,
        locked_by: second.workerId,
        last_error: null,
      });
      expect(done.lease_until).toBeNull();
      await database.close();
    } finally {
      await drop();
    }
  });
});
