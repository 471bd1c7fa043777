import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { appendAudit } from '../../platform/audit';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import {
  filingBody,
  filingCheckResponse,
  filingDetailResponse,
  filingListResponse,
  minimumWageBody,
  minimumWageQuery,
  minimumWageResponse,
  minimumWageTableResponse,
  openCaseBody,
  openedCaseResponse,
} from './supervision.schema';
import {
  createFiling,
  evaluate,
  FILING_LABELS,
  filingDetail,
  minimumWageOn,
  openCaseFromFiling,
} from './supervision.service';

const tags = ['劳动关系监管'];
const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

/**
 * Labor-relations supervision (劳动关系科, 《劳动保障监察条例》第二十三条至第三十三条): layoff reports, dispatch, special working hours,
 * restructuring / bankruptcy placement plans — validated and flagged; minimum wage as data.
 * No dedicated post exists yet: the inspection post ('inspection.work') files and reviews them.
 */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  app.post(
    '/supervision/check',
    {
      config: { auth: 'inspection.work' },
      schema: {
        tags,
        summary: '预检备案（裁员人数门槛、派遣比例上限等），不保存',
        body: filingBody,
        response: { 200: filingCheckResponse, ...errorResponses },
      },
    },
    async (req) => evaluate(req.body, businessToday(ctx.config)),
  );

  app.post(
    '/supervision/filings',
    {
      config: { auth: 'inspection.work' },
      schema: {
        tags,
        summary: '登记监管备案并自动校验、标记问题',
        body: filingBody,
        response: { 201: filingDetailResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await createFiling(ctx, req.auth!, actorOf(req, 'inspection.work'), req.body);
      return reply
        .status(201)
        .send((await filingDetail(db, id, await scopeOf(db, req.auth!, 'inspection.work')))!);
    },
  );

  app.get(
    '/supervision/filings',
    {
      config: { auth: 'inspection.work' },
      schema: { tags, summary: '监管备案列表', response: { 200: filingListResponse, ...errorResponses } },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'inspection.work');
      if (!scope.length) return { items: [] };
      const rows = await db
        .selectFrom('supervision_filing as f')
        .innerJoin('party as p', 'p.id', 'f.employer_party_id')
        .select([
          'f.id',
          'f.kind',
          'f.status',
          'f.flags',
          'f.case_id',
          'f.created_at',
          'p.name',
          'p.credit_code',
        ])
        .where('f.jurisdiction_id', 'in', scope)
        .orderBy('f.created_at', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          kindLabel: FILING_LABELS[r.kind],
          status: r.status,
          flagCount: (r.flags as unknown[]).length,
          caseId: r.case_id,
          employerName: r.name,
          creditCode: r.credit_code,
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/supervision/filings/:id',
    {
      config: { auth: 'inspection.work' },
      schema: {
        tags,
        summary: '监管备案详情',
        params: idParam,
        response: { 200: filingDetailResponse, ...errorResponses },
      },
    },
    async (req) => {
      const f = await filingDetail(db, req.params.id, await scopeOf(db, req.auth!, 'inspection.work'));
      if (!f) throw errors.notFound('监管备案');
      return f;
    },
  );

  app.post(
    '/supervision/filings/:id/case',
    {
      config: { auth: 'inspection.work' },
      schema: {
        tags,
        summary: '据监管发现的问题依职权立案检查',
        params: idParam,
        body: openCaseBody,
        response: { 201: openedCaseResponse, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await openCaseFromFiling(ctx, req.auth!, actorOf(req, 'inspection.work'), req.params.id)),
  );

  app.get(
    '/supervision/minimum-wage',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '某地某日适用的最低工资标准；给出月工资时判断是否低于标准',
        querystring: minimumWageQuery,
        response: { 200: minimumWageResponse, ...errorResponses },
      },
    },
    async (req) => {
      const on = req.query.on ?? businessToday(ctx.config);
      const mw = await minimumWageOn(db, req.query.areaCode, on);
      if (!mw) throw errors.notFound('该地区的最低工资标准');
      const paid = req.query.monthlyFen;
      return {
        ...mw,
        on,
        ...(paid !== undefined && {
          paidFen: paid,
          below: paid < mw.monthlyFen,
          shortfallFen: Math.max(0, mw.monthlyFen - paid),
        }),
        basisOfRule: '《劳动法》第四十八条；《最低工资规定》；《劳动保障监察条例》第二十六条',
      };
    },
  );

  app.get(
    '/supervision/minimum-wage/table',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '最低工资标准表（按地区、档次、生效日期）',
        response: { 200: minimumWageTableResponse, ...errorResponses },
      },
    },
    async () => ({
      items: (
        await db
          .selectFrom('minimum_wage')
          .selectAll()
          .orderBy('area_code')
          .orderBy('effective_from', 'desc')
          .execute()
      ).map((r) => ({
        areaCode: r.area_code,
        tier: r.tier,
        monthlyFen: Number(r.monthly_fen),
        hourlyFen: Number(r.hourly_fen),
        effectiveFrom: r.effective_from,
        basis: r.basis,
      })),
    }),
  );

  app.post(
    '/supervision/minimum-wage',
    {
      config: { auth: 'admin.calendar' },
      schema: {
        tags,
        summary: '维护最低工资标准（新增或更正某地某生效日期的标准）',
        body: minimumWageBody,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (req) => {
      const b = req.body;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('minimum_wage')
          .values({
            area_code: b.areaCode,
            tier: b.tier,
            monthly_fen: b.monthlyFen,
            hourly_fen: b.hourlyFen,
            effective_from: b.effectiveFrom,
            basis: b.basis,
          })
          .onConflict((oc) =>
            oc.columns(['area_code', 'effective_from']).doUpdateSet({
              tier: b.tier,
              monthly_fen: b.monthlyFen,
              hourly_fen: b.hourlyFen,
              basis: b.basis,
            }),
          )
          .execute();
        await appendAudit(trx, actorOf(req, 'admin.calendar'), {
          action: 'minimum_wage.upsert',
          entityType: 'minimum_wage',
          entityId: `${b.areaCode}:${b.effectiveFrom}`,
          summary: `最低工资标准 ${b.areaCode} 自${b.effectiveFrom}起 ${b.monthlyFen / 100}元/月`,
          after: b,
        });
      });
      return { ok: true as const };
    },
  );
};
