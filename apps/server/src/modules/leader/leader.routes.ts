import { resolvePeriod } from '@onestop/domain';
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/errors';
import { TRACKS } from '../cases';
import { scopeOf as clockScopeOf } from '../clocks';
import { CHANNEL_LABELS } from '../matters';
import { OPEN_STATUSES } from '../matters';
import { scopeOf } from '../../platform/scope';
import { clockFiguresByTrack, mediationFigures } from './figures';
import { dayStart as businessDayStart, businessToday } from '../../platform/time';

const count = z.number().int();
const overviewSchema = z.object({
  date: z.string(),
  jurisdictions: z.number().int(),
  today: z.object({
    mattersReceived: count,
    byChannel: z.array(z.object({ channel: z.string(), label: z.string(), count })),
    casesOpened: count,
    casesClosed: count,
    sameDayPending: z.array(z.object({ caseId: z.string(), number: z.string(), category: z.string() })),
  }),
  open: z.object({
    matters: count,
    priorityMatters: count,
    collectiveMatters: count,
    byTrack: z.array(
      z.object({ track: z.string(), label: z.string(), open: count, overdue: count, dueSoon: count }),
    ),
  }),
  clocks: z.object({ overdue: count, dueSoon: count }),
  transfersPending: count,
  alerts: count,
  month: z.object({
    kind: z.enum(['month', 'quarter', 'year']).describe('办理结果的统计期：本月、本季度、本年'),
    label: z.string().describe('统计期名称，如 2026年12月、2026年第四季度、2026年'),
    from: z.string(),
    mediationAgreed: count.describe('调解全部达成协议的事项数（部分达成不计入）'),
    mediationPartial: count.describe('调解部分达成协议的事项数'),
    mediationNotAgreed: count.describe('调解未达成协议的事项数'),
    mediation: z.object({
      matters: z.object({ concluded: count, full: count, partial: count, none: count }),
      items: z.object({ total: count, agreed: count }),
      matterSuccessRate: z.number().nullable().describe('按事项：全部达成协议的事项 / 调解终结的事项（%）'),
      itemSuccessRate: z.number().nullable().describe('按请求事项：双方同意的建议事项 / 全部建议事项（%）'),
    }),
    arbitrationAccepted: count,
    casesClosed: count,
  }),
});

const SAME_DAY_LABELS: Record<string, string> = {
  wage_arrears: '拖欠工资',
  work_injury: '工伤',
  major_collective: '重大集体争议',
};

/**
 * The leaders' overview (领导驾驶舱): today's intake, what must still be accepted today, open work by
 * track with its overdue and soon-due legal clocks, transfers not yet taken, alerts, and this month's
 * results — all within the leader's jurisdictions (and those below them).
 */
export const leaderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  app.get(
    '/leader/overview',
    {
      config: { auth: 'leader.dashboard' },
      schema: {
        tags: ['领导驾驶舱'],
        summary:
          '今日数据与在办总览：当日受理、当日应受理未受理（待补正的除外）、各业务线在办与期限预警（临期＝两个工作日内到期，与期限督办一致）、待接收转办、本月办结与调解成功率（按事项、按请求事项）',
        querystring: z.object({
          period: z
            .enum(['month', 'quarter', 'year'], { message: '统计期只能是 month、quarter 或 year' })
            .default('month')
            .describe('办理结果的统计期（到今天为止）：本月、本季度、本年'),
        }),
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async (req) => {
      const n = (v: string | number | bigint | null | undefined) => Number(v ?? 0);
      const scope = await scopeOf(db, req.auth!, 'leader.dashboard');
      const today = businessToday(app.ctx.config);
      const dayStart = businessDayStart(app.ctx.config, today);
      // The results block covers the chosen period up to today (本月 / 本季度 / 本年).
      const y = Number(today.slice(0, 4));
      const m = Number(today.slice(5, 7));
      const kind = req.query.period;
      const period = resolvePeriod(
        kind === 'year'
          ? { kind, year: y }
          : kind === 'quarter'
            ? { kind, year: y, quarter: Math.ceil(m / 3) }
            : { kind, year: y, month: m },
      );
      const monthStart = businessDayStart(app.ctx.config, period.from);
      const ids = scope.length ? scope : ['00000000-0000-0000-0000-000000000000'];

      const [
        channels,
        opened,
        closed,
        pending,
        openMatters,
        byTrack,
        clockByTrack,
        transfers,
        alerts,
        month,
      ] = await Promise.all([
        db
          .selectFrom('matter')
          .select(['channel', (eb) => eb.fn.countAll<string>().as('n')])
          .where('jurisdiction_id', 'in', ids)
          .where('received_at', '>=', dayStart)
          .groupBy('channel')
          .execute(),
        db
          .selectFrom('track_case')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('jurisdiction_id', 'in', ids)
          .where('opened_at', '>=', dayStart)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('track_case')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('jurisdiction_id', 'in', ids)
          .where('closed_at', '>=', dayStart)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('arbitration_application as a')
          .innerJoin('track_case as c', 'c.id', 'a.case_id')
          .select(['c.id', 'c.number', 'a.same_day_category'])
          .where('c.jurisdiction_id', 'in', ids)
          .where('a.same_day_category', 'is not', null)
          // A case waiting for the party's 补正 is not owed by the commission today.
          .where('c.state', '=', 'received')
          .orderBy('a.received_at')
          .limit(50)
          .execute(),
        db
          .selectFrom('matter')
          .select([
            (eb) => eb.fn.countAll<string>().as('n'),
            sql<string>`count(*) FILTER (WHERE cardinality(priority_flags) > 0)`.as('priority'),
            sql<string>`count(*) FILTER (WHERE collective)`.as('collective'),
          ])
          .where('jurisdiction_id', 'in', ids)
          .where('status', 'in', OPEN_STATUSES)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('track_case as c')
          .select(['c.track', (eb) => eb.fn.countAll<string>().as('n')])
          .where('c.jurisdiction_id', 'in', ids)
          .where('c.closed', '=', false)
          .groupBy('c.track')
          .execute(),
        clockFiguresByTrack(app.ctx, await clockScopeOf(db, req.auth!, 'leader.dashboard')),
        db
          .selectFrom('transfer as t')
          .innerJoin('matter as m', 'm.id', 't.matter_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('m.jurisdiction_id', 'in', ids)
          .where('t.state', '=', 'pending')
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('alert')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('jurisdiction_id', 'in', ids)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('track_case')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('jurisdiction_id', 'in', ids)
          .where('closed_at', '>=', monthStart)
          .executeTakeFirstOrThrow(),
      ]);
      // This month's results: mediation by matters and by items; arbitration acceptances.
      const [mediation, accepted] = await Promise.all([
        mediationFigures(db, ids, monthStart),
        db
          .selectFrom('case_event as e')
          .innerJoin('track_case as c', 'c.id', 'e.case_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('c.jurisdiction_id', 'in', ids)
          .where('e.at', '>=', monthStart)
          .where('c.track', '=', 'arbitration')
          .where('e.to_state', '=', 'accepted')
          .executeTakeFirstOrThrow(),
      ]);
      const clockTotals = [...clockByTrack.values()];
      const openByTrack = new Map(byTrack.map((r) => [r.track, n(r.n)]));
      const tracks = Object.keys(TRACKS) as (keyof typeof TRACKS)[];
      return {
        date: today,
        jurisdictions: scope.length,
        today: {
          mattersReceived: channels.reduce((s, r) => s + n(r.n), 0),
          byChannel: channels
            .map((r) => ({
              channel: r.channel,
              label: CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS] ?? r.channel,
              count: n(r.n),
            }))
            .sort((a, b) => b.count - a.count),
          casesOpened: n(opened.n),
          casesClosed: n(closed.n),
          sameDayPending: pending.map((r) => ({
            caseId: r.id,
            number: r.number,
            category: SAME_DAY_LABELS[r.same_day_category ?? ''] ?? r.same_day_category ?? '',
          })),
        },
        open: {
          matters: n(openMatters.n),
          priorityMatters: n(openMatters.priority),
          collectiveMatters: n(openMatters.collective),
          byTrack: tracks
            .map((t) => ({
              track: t,
              label: TRACKS[t].label,
              open: openByTrack.get(t) ?? 0,
              overdue: clockByTrack.get(t)?.overdue ?? 0,
              dueSoon: clockByTrack.get(t)?.dueSoon ?? 0,
            }))
            .filter((x) => x.open > 0 || x.overdue > 0),
        },
        clocks: {
          overdue: clockTotals.reduce((s, r) => s + r.overdue, 0),
          dueSoon: clockTotals.reduce((s, r) => s + r.dueSoon, 0),
        },
        transfersPending: n(transfers.n),
        alerts: n(alerts.n),
        month: {
          kind,
          label: period.label,
          from: period.from,
          mediationAgreed: mediation.matters.full,
          mediationPartial: mediation.matters.partial,
          mediationNotAgreed: mediation.matters.none,
          mediation,
          arbitrationAccepted: n(accepted.n),
          casesClosed: n(month.n),
        },
      };
    },
  );
};
