import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { AppError, errorResponses, errors } from '../../platform/errors';

/** What each job kind and periodic task does, for the administrators' list. */
const KIND_LABELS: Record<string, string> = {
  'document.render': '文书生成（PDF）',
  'mediation.performance-due': '调解协议履行期限到期检查',
  'sms.notification': '短信（工作人员提醒）',
  'sms.party_notice': '短信（当事人通知）',
  'clocks.sweep': '法定期限巡检（提醒、逾期、督办）',
  'portal.prune': '清理过期的门户验证记录',
};
const STATE_LABELS = {
  pending: '待执行',
  running: '执行中',
  done: '已完成',
  failed: '失败（已停止重试）',
} as const;
type JobState = keyof typeof STATE_LABELS;

const jobItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  state: z.enum(['pending', 'running', 'done', 'failed']),
  stateLabel: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  leaseUntil: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

interface JobRow {
  id: string | number;
  kind: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date;
  lease_until: Date | null;
  created_at: Date;
  finished_at: Date | null;
}

/** Error texts may quote a gateway's answer: mobile numbers in them are masked. */
const maskDigits = (s: string | null) =>
  s?.replace(/1\d{10}/g, (m) => `${m.slice(0, 3)}****${m.slice(7)}`) ?? null;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function present(r: JobRow) {
  return {
    id: Number(r.id),
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind] ?? r.kind,
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: maskDigits(r.last_error),
    runAt: new Date(r.run_at).toISOString(),
    leaseUntil: iso(r.lease_until),
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: iso(r.finished_at),
  };
}

/** The job queue for administrators: counts, the dead letters (failed jobs) with retry, periodic tasks. */
export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['系统管理：后台任务'];

  app.get(
    '/',
    {
      config: { auth: 'admin.jobs' },
      schema: {
        tags,
        summary: '后台任务：各状态数量、任务列表（默认列出失败任务）与定时任务的最近运行',
        querystring: z.strictObject({
          state: z.enum(['pending', 'running', 'done', 'failed']).default('failed'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            counts: z.object({
              pending: z.number(),
              running: z.number(),
              done: z.number(),
              failed: z.number(),
            }),
            items: z.array(jobItem),
            schedules: z.array(
              z.object({
                name: z.string(),
                label: z.string(),
                lastRunAt: z.string().nullable(),
                lastRunBy: z.string().nullable(),
                lastError: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const counts = { pending: 0, running: 0, done: 0, failed: 0 };
      const byState = await sql<{ state: JobState; n: number }>`
        SELECT state, count(*)::int AS n FROM job GROUP BY state`.execute(db);
      for (const r of byState.rows) counts[r.state] = r.n;
      const items = await sql<JobRow>`
        SELECT id, kind, state, attempts, max_attempts, last_error, run_at, lease_until, created_at, finished_at
          FROM job WHERE state = ${req.query.state}
         ORDER BY coalesce(finished_at, run_at) DESC, id DESC LIMIT ${req.query.limit}`.execute(db);
      const schedules = await sql<{
        name: string;
        last_run_at: Date | null;
        last_run_by: string | null;
        last_error: string | null;
      }>`SELECT name, last_run_at, last_run_by, last_error FROM job_schedule ORDER BY name`.execute(db);
      return {
        counts,
        items: items.rows.map(present),
        schedules: schedules.rows.map((s) => ({
          name: s.name,
          label: KIND_LABELS[s.name] ?? s.name,
          lastRunAt: iso(s.last_run_at),
          lastRunBy: s.last_run_by,
          lastError: maskDigits(s.last_error),
        })),
      };
    },
  );

  app.post(
    '/:id/retry',
    {
      config: { auth: 'admin.jobs' },
      schema: {
        tags,
        summary: '重试失败的后台任务（重新计算尝试次数，立即执行）',
        params: z.object({ id: z.coerce.number().int().min(1, '任务编号不正确') }),
        body: z.strictObject({}).optional(),
        response: { 200: jobItem, ...errorResponses },
      },
    },
    async (req) => {
      const { id } = req.params;
      return db.transaction().execute(async (trx) => {
        const current = await sql<JobRow>`SELECT * FROM job WHERE id = ${id} FOR UPDATE`.execute(trx);
        const job = current.rows[0];
        if (!job) throw errors.notFound('后台任务');
        if (job.state !== 'failed') {
          throw new AppError(
            409,
            'JOB_NOT_FAILED',
            `只有失败的任务可以重试（该任务${STATE_LABELS[job.state]}）`,
            {
              state: job.state,
            },
          );
        }
        const r = await sql<JobRow>`
          UPDATE job SET state = 'pending', attempts = 0, run_at = now(), finished_at = NULL,
                 locked_by = NULL, locked_at = NULL, lease_until = NULL
           WHERE id = ${id} AND state = 'failed'
          RETURNING *`.execute(trx);
        const updated = r.rows[0]!;
        await appendAudit(trx, actorOf(req, 'admin.jobs'), {
          action: 'job.retry',
          entityType: 'job',
          entityId: String(id),
          summary: `重试失败的后台任务 ${KIND_LABELS[job.kind] ?? job.kind}（#${id}）`,
          before: { state: job.state, attempts: job.attempts, lastError: maskDigits(job.last_error) },
          after: { state: 'pending' },
        });
        return present(updated);
      });
    },
  );
};
