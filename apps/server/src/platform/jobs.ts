import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The one job queue: document renders, reminders, SMS (staff and party outboxes) and periodic work.
 *
 * Why our own runner and not pg-boss (10.4.2 is the Node 20 line): business code enqueues jobs
 * inside its Kysely transaction (`enqueueJob(trx, …)`), so a job exists exactly when the business
 * row does. pg-boss can send through a caller's connection only via its `db.executeSql` adapter and
 * keeps its own schema, pool, maintenance and cron tables; on the embedded database every extra
 * pool shares PGlite's single session, where a pg-boss connection waiting behind an open business
 * transaction stalls its supervisor. The runner below is ~200 lines on one table with the same
 * guarantees we need:
 * - claims with FOR UPDATE SKIP LOCKED: two workers never take the same job at once;
 * - leases: a claimed job is held until `lease_until`, renewed while the handler runs; a `running`
 *   job whose lease expired (its worker was killed) is claimable again, so no job is lost;
 * - a finished job is marked done only by the worker that holds it (a worker that lost its lease
 *   cannot overwrite the result of the one that took over);
 * - retries with exponential back-off; after max_attempts the job is `failed` (dead letter), listed
 *   for administrators (GET /api/admin/jobs) who may retry it;
 * - periodic tasks run once per period across instances: a task runs only on the instance that wins
 *   the conditional update of its `job_schedule` row.
 * Handlers must be idempotent (a crash after the work but before `done` runs it again).
 */
export type JobHandler = (
  payload: Record<string, unknown>,
  ctx: { jobId: number; attempt: number; maxAttempts: number },
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

/** Back-off after a failed attempt: 30 s, 2 min, 8 min, 32 min … */
export function retryDelayMs(attempt: number): number {
  return 30_000 * 4 ** Math.max(0, attempt - 1);
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface JobRunnerOptions {
  pollMs?: number;
  batch?: number;
  /** How long a claimed job is held without renewal (default 60 s; renewed every third of it). */
  leaseMs?: number;
  /**
   * On stop, how long a running handler may take to finish before its job is handed back to the
   * queue for another instance (default: wait for it).
   */
  stopGraceMs?: number;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly periodic: { name: string; everyMs: number; fn: () => Promise<void>; last: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  /** Jobs this runner has claimed and not yet finished (the one running and the rest of its batch). */
  private readonly held = new Map<number, { started: boolean }>();
  readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: FastifyBaseLogger,
    private readonly opts: JobRunnerOptions = {},
  ) {}

  private get leaseMs() {
    return this.opts.leaseMs ?? 60_000;
  }

  register(kind: string, handler: JobHandler) {
    this.handlers.set(kind, handler);
  }

  /**
   * A periodic task (e.g. the clock sweep), run once per `everyMs` across all instances on the
   * database; it should enqueue jobs rather than do slow work itself. everyMs 0: every tick (tests).
   */
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

  /**
   * Stops claiming; jobs claimed but not started go back to the queue at once; the running handler
   * may finish within `stopGraceMs`, after which its job is handed back too (handlers are
   * idempotent, and a late finish of this runner no longer counts: it does not hold the job).
   */
  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const deadline = Date.now() + (this.opts.stopGraceMs ?? Number.POSITIVE_INFINITY);
    while (this.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await this.releaseHeld();
  }

  /** Hands the jobs this runner still holds back to the queue (state pending, lease cleared). */
  private async releaseHeld() {
    if (!this.held.size) return;
    const unstarted = [...this.held].filter(([, h]) => !h.started).map(([id]) => id);
    const started = [...this.held].filter(([, h]) => h.started).map(([id]) => id);
    this.held.clear();
    // A job never started did not use an attempt; an interrupted one did.
    for (const [ids, used] of [
      [unstarted, 0],
      [started, 1],
    ] as const) {
      if (!ids.length) continue;
      await sql`
        UPDATE job SET state = 'pending', locked_by = NULL, locked_at = NULL, lease_until = NULL,
               run_at = now(), attempts = attempts - ${1 - used}
         WHERE id = ANY(${ids}::bigint[]) AND locked_by = ${this.workerId} AND state = 'running'`
        .execute(this.db)
        .catch((err) => this.log.warn({ err, jobs: ids }, 'returning held jobs to the queue failed'));
    }
    this.log.info({ unstarted, interrupted: started }, 'held jobs returned to the queue');
  }

  /** Runs due periodic tasks, then claims and runs due jobs; returns how many jobs ran. Exposed for tests. */
  async runOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const now = Date.now();
      for (const p of this.periodic) {
        if (now - p.last < p.everyMs) continue;
        p.last = now;
        if (!(await this.claimPeriodic(p.name, p.everyMs))) continue;
        await p.fn().then(
          () => this.recordPeriodic(p.name, null),
          (err) => {
            this.log.error({ err, task: p.name }, 'periodic task failed');
            return this.recordPeriodic(p.name, err instanceof Error ? err.message : String(err));
          },
        );
      }
      let ran = 0;
      for (;;) {
        if (this.stopped) break;
        const jobs = await this.claim(this.opts.batch ?? 20);
        if (!jobs.length) break;
        for (const job of jobs) this.held.set(job.id, { started: false });
        for (const job of jobs) {
          if (this.stopped) break;
          const h = this.held.get(job.id);
          if (!h) continue; // handed back by stop() while waiting
          h.started = true;
          await this.execute(job);
          this.held.delete(job.id);
          ran++;
        }
        if (this.stopped) await this.releaseHeld();
      }
      return ran;
    } finally {
      this.running = false;
    }
  }

  /**
   * Runs one due job now, in the caller's request (e.g. a sign-in SMS the user is waiting for),
   * through the same claim, lease, retry and dead-letter path as the background loop. Returns the
   * job's state afterwards ('done', 'pending' for a retry, 'failed'), or null when no such job was
   * claimable (another worker holds it or it ran already).
   */
  async runNow(dedupeKey: string): Promise<'done' | 'pending' | 'failed' | null> {
    const r = await sql<ClaimedJob>`
      UPDATE job SET state = 'running', locked_by = ${this.workerId}, locked_at = now(),
             lease_until = clock_timestamp() + make_interval(secs => ${this.leaseMs / 1000}),
             attempts = attempts + 1
       WHERE id = (SELECT id FROM job WHERE dedupe_key = ${dedupeKey} AND state = 'pending'
                      AND run_at <= now() FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`.execute(this.db);
    const job = r.rows[0];
    if (!job) return null;
    await this.execute(job);
    const after = await sql<{ state: 'done' | 'pending' | 'failed' }>`
      SELECT state FROM job WHERE id = ${job.id}`.execute(this.db);
    return after.rows[0]?.state ?? null;
  }

  /** True when this instance won the task's period (the row's last run is older than everyMs). */
  private async claimPeriodic(name: string, everyMs: number): Promise<boolean> {
    await sql`INSERT INTO job_schedule (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`.execute(
      this.db,
    );
    const r = await sql<{ name: string }>`
      UPDATE job_schedule SET last_run_at = clock_timestamp(), last_run_by = ${this.workerId}
       WHERE name = ${name}
         AND (${everyMs <= 0} OR last_run_at IS NULL
              OR last_run_at <= clock_timestamp() - make_interval(secs => ${everyMs / 1000}))
      RETURNING name`.execute(this.db);
    return r.rows.length > 0;
  }

  private async recordPeriodic(name: string, error: string | null) {
    await sql`UPDATE job_schedule SET last_error = ${error?.slice(0, 1000) ?? null} WHERE name = ${name}`
      .execute(this.db)
      .catch((err) => this.log.warn({ err, task: name }, 'periodic task bookkeeping failed'));
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return [];
    const r = await sql<ClaimedJob>`
      UPDATE job SET state = 'running', locked_by = ${this.workerId}, locked_at = now(),
             lease_until = clock_timestamp() + make_interval(secs => ${this.leaseMs / 1000}),
             attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM job
          WHERE kind = ANY(${kinds}::text[])
            AND ((state = 'pending' AND run_at <= now())
                 OR (state = 'running' AND lease_until < clock_timestamp()))
          ORDER BY run_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`.execute(this.db);
    return r.rows;
  }

  /** Keeps the lease of a running job while its handler works. */
  private renewEvery(job: ClaimedJob): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        sql`UPDATE job SET lease_until = clock_timestamp() + make_interval(secs => ${this.leaseMs / 1000})
             WHERE id = ${job.id} AND locked_by = ${this.workerId} AND state = 'running'`
          .execute(this.db)
          .catch((err) => this.log.warn({ err, jobId: job.id }, 'job lease renewal failed'));
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    timer.unref();
    return timer;
  }

  private async execute(job: ClaimedJob) {
    const handler = this.handlers.get(job.kind);
    const renew = this.renewEvery(job);
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      await handler(job.payload, { jobId: job.id, attempt: job.attempts, maxAttempts: job.max_attempts });
      clearInterval(renew);
      await sql`UPDATE job SET state = 'done', finished_at = now(), last_error = NULL, lease_until = NULL
                 WHERE id = ${job.id} AND locked_by = ${this.workerId} AND state = 'running'`.execute(
        this.db,
      );
    } catch (err) {
      clearInterval(renew);
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      await sql`
        UPDATE job SET state = ${final ? 'failed' : 'pending'}, last_error = ${message.slice(0, 1000)},
               run_at = ${new Date(Date.now() + retryDelayMs(job.attempts))}, locked_by = NULL, locked_at = NULL,
               lease_until = NULL, finished_at = ${final ? new Date() : null}
         WHERE id = ${job.id} AND locked_by = ${this.workerId} AND state = 'running'`.execute(this.db);
      this.log.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, final, err: message },
        final ? 'job failed permanently (dead letter)' : 'job failed, will retry',
      );
    }
  }
}
