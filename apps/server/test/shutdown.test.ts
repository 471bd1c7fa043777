import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
import { enqueueJob } from '../src/platform/jobs';
import { freshDatabaseEnv, ROOT, waitExit } from './processes';

interface Instance {
  child: ChildProcess;
  url: string;
  workerId: string;
  /** Resolves when stdout has shown a line matching `re` (returns the match). */
  waitFor(re: RegExp): Promise<RegExpExecArray>;
  exitCode(): Promise<number | null>;
}

/** Starts fixtures/drain-server.ts (the real app, main.ts's signal handling) on a free port. */
async function startInstance(env: Record<string, string>): Promise<Instance> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent' };
  delete childEnv.DATABASE_URL;
  delete childEnv.PGLITE_DIR;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/test/fixtures/drain-server.ts'], {
    cwd: ROOT,
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = w.re.exec(out);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout?.on('data', (d) => {
    out += d;
    check();
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${re} in: ${out}`)), 180_000);
      waiters.push({
        re,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`exited ${code} before ${re}: ${out}`));
      });
      check();
    });
  const m = await waitFor(/listening (\S+) worker (\S+)/);
  return { child, url: m[1] ?? '', workerId: m[2] ?? '', waitFor, exitCode: () => exited };
}

describe('graceful shutdown', () => {
  it('SIGTERM: readiness turns 503, the request in flight finishes, the process exits 0', {
    timeout: 300_000,
  }, async () => {
    const { env, drop } = await freshDatabaseEnv();
    const a = await startInstance({
      ...env,
      LOG_LEVEL: 'info',
      SHUTDOWN_DRAIN_DELAY_MS: '3000',
      SHUTDOWN_GRACE_MS: '10000',
    });
    try {
      const ready = await fetch(`${a.url}/api/ready`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as {
        status: string;
        migrations: { pending: string[]; applied: number; shipped: number };
      };
      expect(body.status).toBe('ready');
      expect(body.migrations.pending).toEqual([]);
      expect(body.migrations.applied).toBe(body.migrations.shipped);

      const slow = fetch(`${a.url}/api/test/slow?ms=6000`);
      await a.waitFor(/slow started/);
      a.child.kill('SIGTERM');
      // Readiness reports draining (the proxy stops sending) while the listener is still open.
      await a.waitFor(/shutting down: draining requests and jobs/);
      const draining = await fetch(`${a.url}/api/ready`);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toEqual({
        status: 'draining',
        database: true,
        migrations: { applied: 0, shipped: body.migrations.shipped, pending: [] },
        message: '本实例正在停止，不再接收新请求',
      });

      const res = await slow;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ slept: 6000, migrations: body.migrations.shipped });
      expect(await a.exitCode()).toBe(0);
      // The listener is gone.
      await expect(fetch(`${a.url}/api/health`)).rejects.toThrow();
    } finally {
      a.child.kill('SIGKILL');
      await waitExit(a.child);
      await drop();
    }
  });

  // Two processes on one database: PostgreSQL only (an embedded database belongs to one process).
  it.skipIf(!process.env.DATABASE_URL)(
    'a job held by the stopped instance is handed back and finished by the other instance',
    { timeout: 360_000 },
    async () => {
      const { env, drop } = await freshDatabaseEnv();
      const a = await startInstance({ ...env, HOLD_JOBS: 'true', SHUTDOWN_GRACE_MS: '1000' });
      let b: Instance | undefined;
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: '', poolMax: 2 });
      try {
        await enqueueJob(database.db, 'test.hold', { n: 1 }, { dedupeKey: 'shutdown-test' });
        const started = await a.waitFor(/job (\d+) started attempt (\d+)/);
        expect(started[2]).toBe('1');
        const jobId = Number(started[1]);
        b = await startInstance({ ...env, HOLD_JOBS: 'false' });
        const held = await database.db
          .selectFrom('job')
          .select(['state', 'locked_by', 'attempts'])
          .where('id', '=', jobId)
          .executeTakeFirstOrThrow();
        // A holds the job under a 60 s lease: B may not take it while A lives.
        expect(held).toEqual({ state: 'running', locked_by: a.workerId, attempts: 1 });

        const stoppedAt = Date.now();
        a.child.kill('SIGTERM');
        expect(await a.exitCode()).toBe(0);
        const finished = await b.waitFor(new RegExp(`job ${jobId} finished attempt (\\d+)`));
        // Handed back at once (grace 1 s), not after the 60 s lease ran out.
        expect(Date.now() - stoppedAt).toBeLessThan(30_000);
        expect(finished[1]).toBe('2');
        // The runner marks the job done right after the handler returns.
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline) {
          const j = await database.db
            .selectFrom('job')
            .select('state')
            .where('id', '=', jobId)
            .executeTakeFirstOrThrow();
          if (j.state !== 'running') break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const done = await database.db
          .selectFrom('job')
          .select(['state', 'locked_by', 'attempts', 'lease_until', 'last_error'])
          .where('id', '=', jobId)
          .executeTakeFirstOrThrow();
        expect(done).toEqual({
          state: 'done',
          locked_by: b.workerId,
          attempts: 2,
          lease_until: null,
          last_error: null,
        });
        b.child.kill('SIGTERM');
        expect(await b.exitCode()).toBe(0);
      } finally {
        a.child.kill('SIGKILL');
        b?.child.kill('SIGKILL');
        await database.close();
        await drop();
      }
    },
  );
});
