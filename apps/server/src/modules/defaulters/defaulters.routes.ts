import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEFAULTER_GROUNDS,
  DEFAULTER_GROUND_CODES,
  DEFAULTER_PERIODS,
  DEFAULTER_RULE,
  ORDER_PRECONDITION,
} from '@onestop/domain';
import { actorOf, type AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema } from '../../platform/errors';
import {
  decisionBody,
  groundsSchema,
  idParam,
  listingListSchema,
  listingSchema,
  listQuery,
  proposalBody,
  publicationBody,
  publicListSchema,
  removalApplicationBody,
  removalDecisionBody,
  statementBody,
} from './defaulters.schema';
import {
  decide,
  decideRemoval,
  EXPIRY_JOB,
  expireListings,
  listListings,
  loadVisible,
  presentListing,
  propose,
  publicList,
  publish,
  recordStatement,
  requestRemoval,
} from './defaulters.service';

const tags = ['失信联合惩戒名单'];
const PERM = 'inspection.work' as const;
const R = { ...errorResponses, 422: errorSchema };

/**
 * The defaulter list procedure (拖欠农民工工资失信联合惩戒对象名单, issue #21 point 4): proposal from an
 * inspection case → notice (告知书, statement period) → statement → decision by the 负责人 → publication
 * on the portal's public list → early removal on application. Every step a document and a clock.
 */
export const defaultersRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const today = () => businessToday(ctx.config);
  const show = async (auth: AuthContext, id: string) =>
    presentListing(db, auth, await loadVisible(db, auth, id));

  // Hourly: listings whose three-year term has ended leave the list, each with its notice (期满移出).
  ctx.jobs.every(EXPIRY_JOB, 3600_000, async () => {
    await expireListings(ctx, today());
  });

  app.post(
    '/admin/defaulters/expire',
    {
      config: { auth: 'admin.jobs' },
      schema: {
        tags,
        summary: '立即将列入期限届满的名单移出（出具期满移出通知书；平时由后台每小时执行）',
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ removed: z.number() }), ...R },
      },
    },
    async () => ({ removed: await expireListings(ctx, today()) }),
  );

  app.get(
    '/defaulters/rules',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '列入事由、前提条件和期间（法律规定作为数据）',
        response: { 200: groundsSchema, ...R },
      },
    },
    async () => ({
      grounds: DEFAULTER_GROUND_CODES.map((code) => ({ code, ...DEFAULTER_GROUNDS[code] })),
      precondition: ORDER_PRECONDITION,
      periods: {
        statementWorkingDays: DEFAULTER_PERIODS.statement.workingDays,
        termYears: DEFAULTER_PERIODS.termYears.years,
        removalMonths: DEFAULTER_PERIODS.earlyRemoval.monthsAfterCorrection,
        basis: [
          DEFAULTER_PERIODS.statement.basis,
          DEFAULTER_PERIODS.termYears.basis,
          DEFAULTER_PERIODS.earlyRemoval.basis,
        ],
        checks: (['statement', 'termYears', 'earlyRemoval', 'expiry'] as const).map((k) => ({
          basis: DEFAULTER_PERIODS[k].basis,
          confidence: DEFAULTER_PERIODS[k].confidence,
          check: DEFAULTER_PERIODS[k].check,
        })),
      },
    }),
  );

  app.get(
    '/public/defaulters',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '公开的拖欠农民工工资失信联合惩戒对象名单',
        response: { 200: publicListSchema, ...R },
      },
    },
    async () => ({
      basis: `《保障农民工工资支付条例》第四十八条；${DEFAULTER_RULE}`,
      items: await publicList(db, today()),
    }),
  );

  app.get(
    '/defaulters',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '失信名单程序列表（本人辖区）',
        querystring: listQuery,
        response: { 200: listingListSchema, ...R },
      },
    },
    async (req) => ({ items: await listListings(db, req.auth!, req.query.state, req.query.caseId) }),
  );

  app.get(
    '/defaulters/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '失信名单程序：各步骤的文书和期限',
        params: idParam,
        response: { 200: listingSchema, ...R },
      },
    },
    async (req) => show(req.auth!, req.params.id),
  );

  app.post(
    '/inspection/cases/:id/defaulter-proposals',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '由监察案件提出拟列入失信名单，签发告知书并开始陈述申辩期限',
        params: idParam,
        body: proposalBody,
        response: { 201: listingSchema, ...R },
      },
    },
    async (req, reply) => {
      const id = await db
        .transaction()
        .execute((trx) => propose(trx, ctx, req.auth!, actorOf(req, PERM), req.params.id, req.body, today()));
      reply.status(201);
      return show(req.auth!, id);
    },
  );

  app.post(
    '/defaulters/:id/statement',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '记录用人单位的陈述、申辩（陈述申辩记录）',
        params: idParam,
        body: statementBody,
        response: { 200: listingSchema, ...R },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) =>
          recordStatement(trx, ctx, req.auth!, actorOf(req, PERM), req.params.id, req.body, today()),
        );
      return show(req.auth!, req.params.id);
    },
  );

  app.post(
    '/defaulters/:id/decision',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '负责人作出列入（或不予列入）决定，签发列入决定书',
        params: idParam,
        body: decisionBody,
        response: { 200: listingSchema, ...R },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) => decide(trx, ctx, req.auth!, actorOf(req), req.params.id, req.body, today()));
      return show(req.auth!, req.params.id);
    },
  );

  app.post(
    '/defaulters/:id/publication',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '在门户公开名单（签发公告，开始三年列入期限）',
        params: idParam,
        body: publicationBody,
        response: { 200: listingSchema, ...R },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) => publish(trx, ctx, req.auth!, actorOf(req, PERM), req.params.id, req.body, today()));
      return show(req.auth!, req.params.id);
    },
  );

  app.post(
    '/defaulters/:id/removal-application',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '受理提前移出申请（足额支付满六个月并作出守信承诺）',
        params: idParam,
        body: removalApplicationBody,
        response: { 200: listingSchema, ...R },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) =>
          requestRemoval(trx, ctx, req.auth!, actorOf(req, PERM), req.params.id, req.body, today()),
        );
      return show(req.auth!, req.params.id);
    },
  );

  app.post(
    '/defaulters/:id/removal',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '负责人作出提前移出决定',
        params: idParam,
        body: removalDecisionBody,
        response: { 200: listingSchema, ...R },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) => decideRemoval(trx, ctx, req.auth!, actorOf(req), req.params.id, req.body, today()));
      return show(req.auth!, req.params.id);
    },
  );
};
