import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf, type AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { StaleCase } from '../cases';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import {
  confirmBody,
  decisionBody,
  idParam,
  lawyerBody,
  listQuery,
  matterLegalAidSchema,
  referBody,
  referralListSchema,
  referralSchema,
  resultBody,
  screeningQuery,
  screeningSchema,
} from './legal-aid.schema';
import { kickRender } from '../petitions';
import { loadVisible, presentReferral } from './legal-aid.presenter';
import { screenMatter } from './legal-aid.screening';
import {
  assignLawyer,
  confirmProvisional,
  decide,
  referMatter,
  recordResult,
  referrerPermission,
} from './legal-aid.service';

const PERM = 'legal_aid.work' as const;

async function fresh<T>(ctx: AppContext, auth: AuthContext, id: string, work: () => Promise<T>) {
  try {
    await work();
  } catch (err) {
    if (err instanceof StaleCase) throw errors.conflict(await presentReferral(ctx, id, auth));
    throw err;
  }
  return presentReferral(ctx, id, auth);
}

const RESULT = { 200: referralSchema, 422: errorSchema, ...errorResponses };

/** Legal aid (法律援助, 《法律援助法》): screening at intake (《法律援助法》第三十一条、第四十二条、第四十四条), referral with a 转介函, decision, lawyer, result. */
export const legalAidRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['法律援助'];

  app.get(
    '/matters/:id/legal-aid/screening',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '法律援助筛查：是否属于援助事项、农民工免予核查经济困难、距期限≤7日可先行援助（《法律援助法》第三十一条、第四十二条、第四十四条）',
        params: idParam,
        querystring: screeningQuery,
        response: { 200: screeningSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      return screenMatter(db, req.params.id, businessToday(ctx.config), req.query.deadline);
    },
  );

  app.get(
    '/matters/:id/legal-aid',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '事项的法律援助：筛查结论与转介记录',
        params: idParam,
        response: { 200: matterLegalAidSchema, ...errorResponses },
      },
    },
    async (req) => {
      const m = await assertMatterInScope(db, req.auth!, req.params.id);
      const rows = await db
        .selectFrom('legal_aid_referral')
        .select('id')
        .where('matter_id', '=', m.id)
        .orderBy('created_at')
        .execute();
      const referrals = [];
      for (const r of rows) referrals.push(await presentReferral(ctx, r.id, req.auth!));
      const open = referrals.some((r) => !r.case.closed);
      return {
        screening: await screenMatter(db, m.id, businessToday(ctx.config)),
        referrals,
        canRefer:
          !open &&
          referrerPermission(req.auth!) !== undefined &&
          (m.status === 'registered' || m.status === 'routed'),
      };
    },
  );

  app.post(
    '/matters/:id/legal-aid',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '转介法律援助中心：按筛查结论出具法律援助转介函，开始七日审查决定期限（《法律援助法》第四十三条）',
        params: idParam,
        body: referBody,
        response: { 201: referralSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const perm = referrerPermission(req.auth!);
      if (!perm) throw errors.forbidden('您没有转介法律援助的岗位');
      await assertMatterInScope(db, req.auth!, req.params.id);
      const id = await referMatter(ctx, req.auth!, actorOf(req, perm), req.params.id, req.body);
      kickRender(ctx);
      return reply.status(201).send(await presentReferral(ctx, id, req.auth!));
    },
  );

  app.get(
    '/legal-aid',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '法律援助转介列表（本人辖区）',
        querystring: listQuery,
        response: { 200: referralListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, PERM);
      if (!scope.length) return { items: [] };
      let q = db
        .selectFrom('legal_aid_referral as r')
        .innerJoin('track_case as c', 'c.id', 'r.case_id')
        .select('r.id')
        .where('c.jurisdiction_id', 'in', scope);
      if (req.query.open) q = q.where('c.closed', '=', req.query.open !== 'true');
      const rows = await q
        .orderBy('r.urgent', 'desc')
        .orderBy('r.created_at', 'desc')
        .limit(req.query.limit)
        .execute();
      const items = [];
      for (const r of rows) items.push(await presentReferral(ctx, r.id, req.auth!));
      return { items };
    },
  );

  app.get(
    '/legal-aid/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '法律援助转介详情',
        params: idParam,
        response: { 200: referralSchema, ...errorResponses },
      },
    },
    async (req) => loadVisible(ctx, req.auth!, req.params.id),
  );

  app.post(
    '/legal-aid/:id/decision',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary:
          '审查决定：给予（农民工讨薪、工伤赔偿免予核查经济困难）、不予（须说明理由）、先行援助（距期限≤7日或须紧急保全）',
        params: idParam,
        body: decisionBody,
        response: RESULT,
      },
    },
    async (req) => {
      const r = await loadVisible(ctx, req.auth!, req.params.id);
      return fresh(ctx, req.auth!, r.id, () => decide(ctx, req.auth!, actorOf(req, PERM), r, req.body));
    },
  );

  app.post(
    '/legal-aid/:id/lawyer',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '指派法律援助律师（决定之日起三日内）',
        params: idParam,
        body: lawyerBody,
        response: RESULT,
      },
    },
    async (req) => {
      const r = await loadVisible(ctx, req.auth!, req.params.id);
      return fresh(ctx, req.auth!, r.id, () => assignLawyer(ctx, req.auth!, actorOf(req, PERM), r, req.body));
    },
  );

  app.post(
    '/legal-aid/:id/confirm',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '先行援助后补办手续，确认给予法律援助（《法律援助法》第四十四条）',
        params: idParam,
        body: confirmBody,
        response: RESULT,
      },
    },
    async (req) => {
      const r = await loadVisible(ctx, req.auth!, req.params.id);
      return fresh(ctx, req.auth!, r.id, () =>
        confirmProvisional(ctx, req.auth!, actorOf(req, PERM), r, req.body),
      );
    },
  );

  app.post(
    '/legal-aid/:id/result',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '援助结果回填：结案，结果记入事项时间线',
        params: idParam,
        body: resultBody,
        response: RESULT,
      },
    },
    async (req) => {
      const r = await loadVisible(ctx, req.auth!, req.params.id);
      return fresh(ctx, req.auth!, r.id, () => recordResult(ctx, req.auth!, actorOf(req, PERM), r, req.body));
    },
  );
};
