import { CLOCK_EVENT_LABELS, type ClockEvent, type Permission } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf, type AuthContext, jurisdictionsFor } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import type { ClocksRuntime } from './clocks.module';
import { type ClockWithNames, presentClock } from './clocks.presenter';
import {
  clockSchema,
  eventSchema,
  extendBody,
  idParam,
  overviewSchema,
  restartBody,
  resumeBody,
  subjectQuery,
  suspendBody,
} from './clocks.schema';
import { buildOverview } from './clocks.overview';
import { TRACK_PERMISSIONS } from './clocks.labels';
import { requireRule } from '@onestop/domain';
import type { JsonValue } from '../../platform/openapi-content';

type Exec = Kysely<DB> | Transaction<DB>;

/** Jurisdictions where the user holds `permission`, with their descendants; null = the whole city. */
export async function scopeOf(
  db: Exec,
  auth: AuthContext,
  permission: Permission,
): Promise<Set<string> | null> {
  const own = jurisdictionsFor(auth, permission);
  if (!own.length) return new Set();
  const all = await db.selectFrom('jurisdiction').select(['id', 'parent_id', 'level']).execute();
  if (all.some((j) => j.level === 'city' && own.includes(j.id))) return null;
  const ids = new Set(own);
  for (let grew = true; grew; ) {
    grew = false;
    for (const j of all) {
      if (j.parent_id && ids.has(j.parent_id) && !ids.has(j.id)) {
        ids.add(j.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function clockQuery(db: Exec) {
  return db
    .selectFrom('clock as c')
    .leftJoin('app_user as u', 'u.id', 'c.responsible_user_id')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(['u.display_name as responsible_name', 'o.name as organization_name']);
}

const responses = { ...errorResponses, 422: errorSchema };

/**
 * Suspend, resume and restart: the staff of some track (or a leader); the handler then requires the
 * post of the clock's own track (TRACK_PERMISSIONS) or the power to approve extensions.
 */
const CLOCK_WORK: readonly Permission[] = [
  ...new Set([...Object.values(TRACK_PERMISSIONS), 'clock.extend' as const]),
];

/** Staff API: the clocks of a subject, their history, the actions, and the leaders' overview. */
export function clocksRoutes(rt: ClocksRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.ctx.database;
    const { config } = app.ctx;
    const tags = ['法定期限'];

    /** Whether the user may see the clock; `exec` is the open transaction when there is one (PGlite has one connection). */
    async function visible(auth: AuthContext, row: { jurisdiction_id: string | null }, exec: Exec = db) {
      if (!row.jurisdiction_id) return true;
      const scope = await scopeOf(exec, auth, 'matter.read');
      return scope === null || scope.has(row.jurisdiction_id);
    }

    app.get(
      '/',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '某一事项（案件）的全部期限',
          querystring: subjectQuery,
          response: { 200: z.object({ items: z.array(clockSchema) }), ...responses },
        },
      },
      async (req) => {
        const auth = req.auth!;
        const rows = await clockQuery(db)
          .where('c.subject_type', '=', req.query.subjectType)
          .where('c.subject_id', '=', req.query.subjectId)
          .orderBy('c.due_date')
          .execute();
        const scope = await scopeOf(db, auth, 'matter.read');
        const snap = await rt.calendars.snapshot(db);
        const today = businessToday(config);
        return {
          items: rows
            .filter((r) => !r.jurisdiction_id || scope === null || scope.has(r.jurisdiction_id))
            .map((r) => presentClock(r as ClockWithNames, snap, today, auth)),
        };
      },
    );

    app.get(
      '/overview',
      {
        config: { auth: 'leader.dashboard' },
        schema: {
          tags,
          summary: '领导督办：逾期与临期（两个工作日内到期）的期限，按机构和责任人分组',
          response: { 200: overviewSchema, ...responses },
        },
      },
      async (req) => {
        const scope = await scopeOf(db, req.auth!, 'leader.dashboard');
        return buildOverview(db, rt.calendars, businessToday(config), scope);
      },
    );

    app.get(
      '/:id/events',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '期限的变更记录',
          params: idParam,
          response: { 200: z.object({ items: z.array(eventSchema) }), ...responses },
        },
      },
      async (req) => {
        const clock = await db
          .selectFrom('clock')
          .select(['id', 'jurisdiction_id'])
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!clock || !(await visible(req.auth!, clock))) throw errors.notFound('期限');
        const rows = await db
          .selectFrom('clock_event')
          .selectAll()
          .where('clock_id', '=', clock.id)
          .orderBy('id')
          .execute();
        return {
          items: rows.map((e) => ({
            id: e.id,
            event: e.event,
            eventLabel:
              e.event === 'start'
                ? '开始计时'
                : e.event === 'recalculate'
                  ? '按新录入的工作日历重新计算'
                  : (CLOCK_EVENT_LABELS[e.event as ClockEvent] ?? '其他'),
            actor: e.actor,
            at: new Date(e.at).toISOString(),
            reason: e.reason,
            payload: e.payload as JsonValue, // jsonb: the JSON the step stored
          })),
        };
      },
    );

    /** Common shape of the four actions: load, check access, act in one transaction, present. */
    function action<B>(
      path: string,
      summary: string,
      permission: 'clock.extend' | typeof CLOCK_WORK,
      body: z.ZodType<B>,
      act: (trx: Transaction<DB>, id: string, b: B, actor: ReturnType<typeof actorOf>) => Promise<unknown>,
    ) {
      app.post(
        `/:id/${path}`,
        {
          config: { auth: permission },
          schema: { tags, summary, params: idParam, body, response: { 200: clockSchema, ...responses } },
        },
        async (req) => {
          const auth = req.auth!;
          await db.transaction().execute(async (trx) => {
            const row = await rt.clocks.find(trx, req.params.id);
            if (!(await visible(auth, row, trx))) throw errors.notFound('期限');
            const trackPerm = TRACK_PERMISSIONS[requireRule(row.rule_id).track];
            if (
              permission === CLOCK_WORK &&
              !auth.permissions.has(trackPerm) &&
              !auth.permissions.has('clock.extend')
            ) {
              throw errors.forbidden('只有该业务的办案人员或领导可以操作此期限');
            }
            await act(
              trx,
              row.id,
              req.body as B,
              actorOf(req, permission === 'clock.extend' ? permission : trackPerm),
            );
          });
          const fresh = await clockQuery(db).where('c.id', '=', req.params.id).executeTakeFirstOrThrow();
          return presentClock(
            fresh as ClockWithNames,
            await rt.calendars.snapshot(db),
            businessToday(config),
            auth,
          );
        },
      );
    }

    action('suspend', '中止计时（须说明理由）', CLOCK_WORK, suspendBody, (trx, id, b, actor) =>
      rt.clocks.suspend(trx, id, b, actor),
    );
    action('resume', '恢复计时（中止期间不计入期限）', CLOCK_WORK, resumeBody, (trx, id, b, actor) =>
      rt.clocks.resume(trx, id, b, actor),
    );
    action('extend', '批准延长期限（须载明批准人和理由）', 'clock.extend', extendBody, (trx, id, b, actor) =>
      rt.clocks.extend(trx, id, b, actor),
    );
    action('restart', '重新起算（如补正、追加请求）', CLOCK_WORK, restartBody, (trx, id, b, actor) =>
      rt.clocks.restart(trx, id, b.triggerDate, b.reason, actor),
    );
  };
}
