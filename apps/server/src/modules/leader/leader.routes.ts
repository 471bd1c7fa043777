import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayIso } from '../../platform/auth';
import { errorResponses } from '../../platform/errors';
import { TRACKS } from '../cases/cases.tracks';
import { CHANNEL_LABELS } from '../matters/matters.schema';
import { OPEN_STATUSES } from '../matters/matters.tables';
import { scopeOf } from '../matters/scope';

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
    from: z.string(),
    mediationAgreed: count,
    mediationNotAgreed: count,
    arbitrationAccepted: count,
    casesClosed: count,
  }),
});

const SAME_DAY_LABELS: Record<string, string> = {
  wage_arrears: '拖欠工资',
  work_injury: '工伤',
  major_collective: '重大集体争议',
};
/** Mediation outcomes counted this month (states of the mediation machine). */
const AGREED = ['agreed', 'partially_agreed'] as const;
const NOT_AGREED = ['refused', 'failed', 'no_show'] as const;

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
          '今日数据与在办总览：当日受理、当日应受理未受理、各业务线在办与期限预警、待接收转办、本月办结',
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async (req) => {
      const n = (v: string | number | bigint | null | undefined) => Number(v ?? 0);
      const scope = await scopeOf(db, req.auth!, 'leader.dashboard');
      const today = todayIso(app.ctx.config);
      const dayStart = new Date(`${today}T00:00:00+08:00`);
      const monthStart = new Date(`${today.slice(0, 8)}01T00:00:00+08:00`);
      const soon = new Date(dayStart.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
      const ids = scope.length ? scope : ['00000000-0000-0000-0000-000000000000'];

      const [channels, opened, closed, pending, openMatters, byTrack, clocks, transfers, alerts, month] =
        await Promise.all([
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
            .where('c.state', 'in', ['received', 'needs_correction'])
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
          db
            .selectFrom('clock as k')
            .innerJoin('track_case as c', (j) =>
              j.onRef('c.id', '=', 'k.subject_id').on('k.subject_type', '=', 'case'),
            )
            .select([
              'c.track',
              sql<string>`count(*) FILTER (WHERE k.status = 'missed' OR k.due_date < ${today})`.as('overdue'),
              sql<string>`count(*) FILTER (WHERE k.status <> 'missed' AND k.due_date BETWEEN ${today} AND ${soon})`.as(
                'soon',
              ),
            ])
            .where('c.jurisdiction_id', 'in', ids)
            .where('c.closed', '=', false)
            .where('k.status', 'in', ['running', 'extended', 'missed'])
            .groupBy('c.track')
            .execute(),
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
      // This month's results from the transition log: agreements, failures and acceptances.
      const events = await db
        .selectFrom('case_event as e')
        .innerJoin('track_case as c', 'c.id', 'e.case_id')
        .select(['c.track', 'e.to_state', (eb) => eb.fn.countAll<string>().as('n')])
        .where('c.jurisdiction_id', 'in', ids)
        .where('e.at', '>=', monthStart)
        .where((eb) =>
          eb.or([
            eb.and([eb('c.track', '=', 'mediation'), eb('e.to_state', 'in', [...AGREED, ...NOT_AGREED])]),
            eb.and([eb('c.track', '=', 'arbitration'), eb('e.to_state', '=', 'accepted')]),
          ]),
        )
        .groupBy(['c.track', 'e.to_state'])
        .execute();
      const sumOf = (track: string, states: readonly string[]) =>
        events
          .filter((e) => e.track === track && states.includes(e.to_state))
          .reduce((s, e) => s + n(e.n), 0);

      const clockByTrack = new Map(clocks.map((r) => [r.track, r]));
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
              overdue: n(clockByTrack.get(t)?.overdue),
              dueSoon: n(clockByTrack.get(t)?.soon),
            }))
            .filter((x) => x.open > 0 || x.overdue > 0),
        },
        clocks: {
          overdue: clocks.reduce((s, r) => s + n(r.overdue), 0),
          dueSoon: clocks.reduce((s, r) => s + n(r.soon), 0),
        },
        transfersPending: n(transfers.n),
        alerts: n(alerts.n),
        month: {
          from: `${today.slice(0, 8)}01`,
          mediationAgreed: sumOf('mediation', AGREED),
          mediationNotAgreed: sumOf('mediation', NOT_AGREED),
          arbitrationAccepted: sumOf('arbitration', ['accepted']),
          casesClosed: n(month.n),
        },
      };
    },
  );
};
