import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { assertCaseVisible } from '../cases';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import {
  acceptApplication,
  redirectApplication,
  rejectApplication,
  serveRespondent,
} from './arbitration.acceptance';
import { collectiveRoutes } from './arbitration.collective.routes';
import { closeDay, pendingSameDay, samePendingError } from './arbitration.dayclose';
import { hearingRoutes } from './arbitration.hearing.routes';
import { documentStepRoutes } from './arbitration.documents.routes';
import { act, caseStep } from './arbitration.http';
import { listCases, presentCase } from './arbitration.presenter';
import { seedRooms } from './arbitration.runtime';
import { arbitrationProcedureCheck } from './arbitration.procedure';
import { registerProcedureCheck } from '../cases';
import { writtenHearingRoutes } from './arbitration.written.routes';
import {
  acceptBody,
  caseParam,
  createBody,
  dayBody,
  dayQuery,
  redirectBody,
  rejectBody,
  simplifiedBody,
  reviewBody,
} from './arbitration.schema';
import {
  caseListSchema,
  caseViewSchema,
  pendingSameDaySchema as pendingSchema,
  stepResultSchema,
} from './arbitration.responses';
import { createAtWindow, reviewAndIssue, updateDetails } from './arbitration.service';
import { decideSimplified } from './arbitration.simplified';

const tags = ['仲裁'];

/** Arbitration (仲裁): application and preliminary review, acceptance, day close; hearings in hearingRoutes. */
export const arbitrationModule: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  registerProcedureCheck('arbitration', arbitrationProcedureCheck);
  await seedRooms(db);

  app.get(
    '/arbitration/cases',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '仲裁案件列表（本人辖区；可按事项筛选）',
        querystring: z.object({
          matterId: z.string().uuid().optional(),
          open: z.coerce.boolean().optional(),
        }),
        response: { 200: caseListSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (req.query.matterId) await assertMatterInScope(db, req.auth!, req.query.matterId);
      const scope = await scopeOf(db, req.auth!, 'matter.read');
      return { items: await listCases(db, scope, req.query) };
    },
  );

  app.get(
    '/arbitration/cases/:caseId',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '仲裁案件：申请书、初审清单、补正、仲裁庭、开庭、记录、裁决、文书与期限',
        params: caseParam,
        response: { 200: caseViewSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertCaseVisible(db, req.auth!, req.params.caseId);
      return presentCase(ctx, req.params.caseId, req.auth!);
    },
  );

  app.post(
    '/arbitration/applications',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '窗口收取仲裁申请并初审：材料齐全当场出具收件回执；不全则出具一次性列明全部补正事项及期限的补正通知书（办案规则第二十九条）',
        body: createBody,
        response: { 201: stepResultSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const auth = req.auth!;
      await assertMatterInScope(db, auth, req.body.matterId);
      const r = await createAtWindow(ctx, auth, actorOf(req, 'intake.create'), req.body);
      const view = await presentCase(ctx, r.caseId, auth);
      return reply.status(201).send({
        case: view,
        documents: r.documents,
        complete: r.complete,
        missingItems: r.result.missingItems,
      });
    },
  );

  app.post(
    '/arbitration/cases/:caseId/review',
    caseStep(
      '补充申请材料并重新初审（补正：收件日以补正之日起算，受理期限重新计算，办案规则第四十六条）；可选材料齐全即当场受理',
      reviewBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, async (trx, auth, actor) => {
        const { acceptIfComplete, ...details } = req.body;
        await updateDetails(trx, req.params.caseId, details);
        const r = await reviewAndIssue(ctx, trx, auth, actor, req.params.caseId);
        const base = { complete: r.complete, missingItems: r.result.missingItems };
        if (!acceptIfComplete || !r.complete) return { ...base, documents: r.documents };
        // 收件 and 受理 at once (same-day categories at the window): one transaction, so the receipt is
        // never left without the acceptance the clerk asked for, nor the acceptance without its receipt.
        const a = await acceptApplication(ctx, trx, auth, actor, req.params.caseId, {});
        return { ...a, ...base, documents: [...r.documents, ...(a.documents ?? [])] };
      }),
  );

  app.post(
    '/arbitration/cases/:caseId/accept',
    caseStep('受理并出具受理通知书（欠薪、工伤、重大集体争议当日出具并送达）', acceptBody),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        acceptApplication(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.post(
    '/arbitration/cases/:caseId/reject',
    caseStep('不予受理：出具不予受理通知书，写明理由类别并告知可向人民法院起诉', rejectBody),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        rejectApplication(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.post(
    '/arbitration/cases/:caseId/redirect',
    caseStep(
      '不属本委管辖：书面告知向有管辖权的仲裁委员会申请（不是不予受理，办案规则第三十一条）',
      redirectBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        redirectApplication(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.post(
    '/arbitration/cases/:caseId/simplified',
    caseStep(
      '简易处理：符合第五十六条任一情形且无第五十七条排除情形的，决定简易处理（可独任仲裁）；apply=false 在审理期限届满前转为普通程序，期限仍自受理之日起计算（第六十一条）',
      simplifiedBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        decideSimplified(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.post(
    '/arbitration/cases/:caseId/serve-respondent',
    caseStep('向被申请人送达应诉通知书及申请书副本（受理后五日内；答辩期十日开始）', acceptBody),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        serveRespondent(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.get(
    '/arbitration/day-close',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '日结检查：当日应出具受理通知书而尚未处理的案件',
        querystring: dayQuery,
        response: { 200: pendingSchema, ...errorResponses },
      },
    },
    async (req) => {
      const date = req.query.date ?? businessToday(ctx.config);
      const pending = await pendingSameDay(db, req.auth!, date);
      const scope = await scopeOf(db, req.auth!, 'matter.read');
      const closed = scope.length
        ? (await db
            .selectFrom('arbitration_day_close')
            .select('day')
            .where('day', '=', date)
            .where('jurisdiction_id', 'in', scope)
            .executeTakeFirst()) !== undefined
        : false;
      return { date, pending, closed };
    },
  );

  app.post(
    '/arbitration/day-close',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '仲裁窗口日结：仍有当日受理案件未处理时拒绝（409 SAME_DAY_PENDING）并提醒领导',
        body: dayBody,
        response: { 200: pendingSchema, ...errorResponses },
      },
    },
    async (req) => {
      const auth = req.auth!;
      if (
        !['intake.create', 'arbitration.work', 'arbitration.clerk'].some((p) =>
          auth.permissions.has(p as never),
        )
      ) {
        throw errors.forbidden('只有窗口受理员、仲裁员或书记员可以日结');
      }
      const date = req.body.date ?? businessToday(ctx.config);
      const r = await closeDay(db, auth, actorOf(req, 'matter.read'), date);
      if (r.refused) throw samePendingError(r.pending);
      return { date, pending: [], closed: true };
    },
  );

  await app.register(hearingRoutes);
  await app.register(collectiveRoutes);
  await app.register(documentStepRoutes);
  await app.register(writtenHearingRoutes);
};
