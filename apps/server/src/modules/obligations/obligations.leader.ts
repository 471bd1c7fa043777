import { ageBand, daysOverdue, OVERDUE_AGE_BANDS, type OverdueAgeBand } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessToday } from '../../platform/time';
import { errorResponses } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';

const bandCell = z.object({ count: z.number().int(), unpaidFen: z.number() });
export const unpaidByAgeSchema = z
  .object({
    date: z.string(),
    bands: z.array(z.object({ id: z.string(), label: z.string() })),
    units: z.array(
      z.object({
        unit: z.string(),
        cells: z.array(bandCell),
        total: bandCell,
      }),
    ),
    total: z.object({ cells: z.array(bandCell), total: bandCell }),
  })
  .meta({ id: 'UnpaidObligationsByAge' });

/**
 * The leader page's unpaid obligations by age (days past the due date) and by responsible unit (the
 * organisation handling the case, else the matter's jurisdiction), within the leader's jurisdictions.
 */
export const obligationsLeaderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  app.get(
    '/leader/obligations',
    {
      config: { auth: 'leader.dashboard' },
      schema: {
        tags: ['领导驾驶舱'],
        summary: '未履行义务（协议、裁决确定的应付款）按逾期时长和责任单位分布',
        response: { 200: unpaidByAgeSchema, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'leader.dashboard');
      const today = businessToday(app.ctx.config);
      const rows = scope.length
        ? await db
            .selectFrom('obligation as o')
            .leftJoin('organization as org', 'org.id', 'o.organization_id')
            .innerJoin('jurisdiction as j', 'j.id', 'o.jurisdiction_id')
            .select(['o.amount_fen', 'o.paid_fen', 'o.due_date', 'org.name as org_name', 'j.name as j_name'])
            .where('o.status', '<>', 'paid')
            .where('o.status', '<>', 'awaiting_effect')
            .where('o.jurisdiction_id', 'in', scope)
            .execute()
        : [];
      const index = new Map<OverdueAgeBand, number>(OVERDUE_AGE_BANDS.map((b, i) => [b.id, i]));
      const empty = () => OVERDUE_AGE_BANDS.map(() => ({ count: 0, unpaidFen: 0 }));
      const byUnit = new Map<string, { count: number; unpaidFen: number }[]>();
      const total = empty();
      for (const r of rows) {
        const unit = r.org_name ?? r.j_name;
        const cells = byUnit.get(unit) ?? empty();
        byUnit.set(unit, cells);
        const i = index.get(ageBand(daysOverdue(r.due_date, today)))!;
        const unpaid = r.amount_fen - r.paid_fen;
        for (const c of [cells[i]!, total[i]!]) {
          c.count += 1;
          c.unpaidFen += unpaid;
        }
      }
      const sum = (cells: { count: number; unpaidFen: number }[]) => ({
        count: cells.reduce((s, c) => s + c.count, 0),
        unpaidFen: cells.reduce((s, c) => s + c.unpaidFen, 0),
      });
      return {
        date: today,
        bands: OVERDUE_AGE_BANDS.map((b) => ({ id: b.id, label: b.label })),
        units: [...byUnit.entries()]
          .map(([unit, cells]) => ({ unit, cells, total: sum(cells) }))
          .sort((a, b) => b.total.unpaidFen - a.total.unpaidFen || a.unit.localeCompare(b.unit, 'zh')),
        total: { cells: total, total: sum(total) },
      };
    },
  );
};
