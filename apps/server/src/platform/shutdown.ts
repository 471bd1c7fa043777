import { readdirSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from './context';
import type { RunningServer } from '../bootstrap';
import { MIGRATIONS_DIR } from '../db/migrate';

/**
 * Readiness and graceful shutdown, for running several instances behind a reverse proxy.
 *
 * - GET /api/health (liveness, modules/health) says the process and its database answer.
 * - GET /api/ready (readiness) says this instance should receive traffic: 200 when the database
 *   answers and every migration shipped with this build is applied; 503 while it is draining
 *   (after SIGTERM) or when the database is down or behind the code. Before migrations have run
 *   the server does not listen at all (bootstrap), which a proxy also reads as "not ready".
 * - SIGTERM/SIGINT: readiness turns 503 at once; after SHUTDOWN_DRAIN_DELAY_MS (time for the proxy
 *   to notice) the listener closes; in-flight requests finish (new requests on kept-alive
 *   connections get 503 with `Connection: close`); the job runner stops claiming and hands the jobs
 *   it holds back to the queue (a handler still running after SHUTDOWN_GRACE_MS is handed back too,
 *   to be finished by another instance); the pool closes and the process exits 0. A second signal,
 *   or SHUTDOWN_GRACE_MS + 5 s without progress, exits 1 at once.
 */
export interface Lifecycle {
  draining: boolean;
}

const lifecycles = new WeakMap<AppContext, Lifecycle>();

/** The lifecycle of one application instance (keyed by its context object). */
export function lifecycleOf(ctx: AppContext): Lifecycle {
  let lc = lifecycles.get(ctx);
  if (!lc) {
    lc = { draining: false };
    lifecycles.set(ctx, lc);
  }
  return lc;
}

let shippedMigrations: string[] | undefined;

/** The migration files this build ships (read once). */
function migrationFiles(): string[] {
  shippedMigrations ??= readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return shippedMigrations;
}

const readiness = z.object({
  status: z.enum(['ready', 'draining', 'unavailable']),
  database: z.boolean(),
  migrations: z.object({
    applied: z.number().int(),
    shipped: z.number().int(),
    pending: z.array(z.string()),
  }),
  message: z.string(),
});

export const readinessRoutes: FastifyPluginAsyncZod = async (app) => {
  const lc = lifecycleOf(app.ctx);
  const { database } = app.ctx;
  // app.close() from anywhere (tests, embedding) also takes the instance out of rotation.
  app.addHook('preClose', async () => {
    lc.draining = true;
  });
  app.get(
    '/ready',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['运行状态'],
        summary: '就绪检查（供反向代理判断是否转发请求）',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_req, reply) => {
      const shipped = migrationFiles();
      if (lc.draining)
        return reply.status(503).send({
          status: 'draining',
          database: true,
          migrations: { applied: 0, shipped: shipped.length, pending: [] },
          message: '本实例正在停止，不再接收新请求',
        });
      let applied: Set<string>;
      try {
        const r = await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(database.db);
        applied = new Set(r.rows.map((row) => row.name));
      } catch {
        return reply.status(503).send({
          status: 'unavailable',
          database: false,
          migrations: { applied: 0, shipped: shipped.length, pending: [] },
          message: '数据库不可用',
        });
      }
      const pending = shipped.filter((f) => !applied.has(f));
      const body = {
        database: true,
        migrations: { applied: applied.size, shipped: shipped.length, pending },
      };
      if (pending.length)
        return reply
          .status(503)
          .send({ status: 'unavailable', ...body, message: `数据库缺少 ${pending.length} 个迁移` });
      return { status: 'ready' as const, ...body, message: '就绪' };
    },
  );
};

export interface ShutdownOptions {
  /** Time between "not ready" and closing the listener, for the proxy's health check to notice. */
  drainDelayMs: number;
  /** How long in-flight requests and running jobs may take before jobs are handed back. */
  graceMs: number;
  log: FastifyBaseLogger;
  exit?: (code: number) => void;
}

/** Stops one instance gracefully (see the module comment); resolves when everything is closed. */
export async function shutdownGracefully(server: RunningServer, opts: ShutdownOptions): Promise<void> {
  lifecycleOf(server.app.ctx).draining = true;
  if (opts.drainDelayMs > 0) await new Promise((r) => setTimeout(r, opts.drainDelayMs));
  // A kept-alive connection that turns idle after its last response would hold the close up until
  // its keep-alive timeout (72 s): close idle connections as they appear.
  const idle = setInterval(() => server.app.server.closeIdleConnections(), 100);
  try {
    // Jobs are handed back while requests drain, not after: another instance can start on them now.
    await Promise.all([server.app.ctx.jobs.stop(), server.close()]);
  } finally {
    clearInterval(idle);
  }
}

/** Installs SIGTERM/SIGINT handlers on the process that run shutdownGracefully once, then exit. */
export function installSignalHandlers(server: RunningServer, opts: ShutdownOptions) {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      opts.log.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    opts.log.info({ signal, graceMs: opts.graceMs }, 'shutting down: draining requests and jobs');
    const hard = setTimeout(
      () => {
        opts.log.error('shutdown did not finish in time: exiting');
        exit(1);
      },
      opts.drainDelayMs + opts.graceMs + 5000,
    );
    hard.unref();
    shutdownGracefully(server, opts).then(
      () => {
        opts.log.info('shut down cleanly');
        exit(0);
      },
      (err) => {
        opts.log.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
