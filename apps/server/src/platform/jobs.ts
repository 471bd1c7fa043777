import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * A small job runner on the database. Jobs are rows; a worker claims due rows with
 * FOR UPDATE SKIP LOCKED in a short transaction, so several server instances on one PostgreSQL
 * never run the same job twice. Failures retry with exponential back-off up to max_attempts.
 * Handlers must be idempotent (a crash after the work but before marking done re-runs it).
 */
export type JobHandler = (
  payload: Record<string, unknown>,
  ctx: { jobId: number; attempt: number },
) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  /** Jobs with the same key are enqueued once (e.g. 'reminder:<clock>:<date>'). */
  dedupeKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob(
  exec: Kysely<DB> | Transaction<DB>,
  kind: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<void> {
  await sql`
    INSERT INTO job (kind, payload, dedupe_key, run_at, max_attempts)
    VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${opts.dedupeKey ?? null}, ${opts.runAt ?? new Date()},
            ${opts.maxAttempts ?? 5})
    ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`.execute(exec);
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly periodic: { name: string; everyMs: number; fn: () => Promise<void>; last: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: FastifyBaseLogger,
    private readonly opts: { pollMs?: number; batch?: number } = {},
  ) {}

  register(kind: string, handler: JobHandler) {
    this.handlers.set(kind, handler);
  }

  /** A periodic task (e.g. the clock sweep); it should enqueue jobs rather than do slow work itself. */
  every(name: string, everyMs: number, fn: () => Promise<void>) {
    this.periodic.push({ name, everyMs, fn, last: 0 });
  }

  start() {
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.runOnce();
      } catch (err) {
        this.log.error({ err }, 'job runner tick failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs ?? 2000);
    };
    this.timer = setTimeout(tick, 100);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** Claims and runs due jobs once; returns how many ran. Exposed for tests. */
  async runOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const now = Date.now();
      for (const p of this.periodic) {
        if (now - p.last >= p.everyMs) {
          p.last = now;
          await p.fn().catch((err) => this.log.error({ err, task: p.name }, 'periodic task failed'));
        }
      }
      let ran = 0;
      for (;;) {
        const jobs = await this.claim(this.opts.batch ?? 20);
        if (!jobs.length) break;
        for (const job of jobs) {
          await this.execute(job);
          ran++;
        }
      }
      return ran;
    } finally {
      this.running = false;
    }
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return [];
    const r = await sql<ClaimedJob>`
      UPDATE job SET state = 'running', locked_by = ${this.workerId}, locked_at = now(), attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM job
          WHERE state = 'pending' AND run_at <= now() AND kind = ANY(${kinds}::text[])
          ORDER BY run_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`.execute(this.db);
    return r.rows;
  }

  private async execute(job: ClaimedJob) {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      await handler(job.payload, { jobId: job.id, attempt: job.attempts });
      await sql`UPDATE job SET state = 'done', finished_at = now(), last_error = NULL WHERE id = ${job.id}`.execute(
        this.db,
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      // Back-off: 30 s, 2 min, 8 min, 32 min …
      const delayMs = 30_000 * 4 ** (job.attempts - 1);
      await sql`
        UPDATE job SET state = ${final ? 'failed' : 'pending'}, last_error = ${message.slice(0, 1000)},
               run_at = ${new Date(Date.now() + delayMs)}, locked_by = NULL, locked_at = NULL,
               finished_at = ${final ? new Date() : null}
         WHERE id = ${job.id}`.execute(this.db);
      this.log.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, final, err: message },
        'job failed',
      );
    }
  }
}
