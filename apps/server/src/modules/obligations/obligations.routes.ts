import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, type AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import type { AppContext } from '../../platform/context';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { withIdempotency } from '../../platform/idempotency';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import { contentDisposition } from '../documents';
import { sweepOverdue, takeNextStep } from './obligations.followup';
import { enforcementPack } from './obligations.pack';
import { presentObligation, totalsOf } from './obligations.presenter';
import { findObligations, type ObligationFilter } from './obligations.repository';
import {
  decidePaymentBody,
  idParam,
  matterParam,
  nextStepBody,
  nextStepResultSchema,
  obligationListSchema,
  obligationSchema,
  paymentParam,
  recordPaymentBody,
  sweepResultSchema,
} from './obligations.schema';
import { assertMayWork, decidePayment, lockObligation, recordPayment } from './obligations.service';
import { fileResponse, MEDIA } from '../../platform/openapi-content';

const tags = ['履行跟踪'];
const responses = { ...errorResponses, 422: errorSchema };

function mayWork(auth: AuthContext) {
  try {
    assertMayWork(auth);
    return true;
  } catch {
    return false;
  }
}

/** Obligations listed and presented for a staff member (jurisdiction already applied by the caller). */
export async function presentedList(ctx: AppContext, auth: AuthContext, filter: ObligationFilter) {
  const { rows, payments } = await findObligations(ctx.database.db, filter);
  const today = businessToday(ctx.config);
  const items = rows.map((o) =>
    presentObligation(o, payments.get(o.id) ?? [], today, { staff: true, mayWork: mayWork(auth) }),
  );
  return { items, totals: totalsOf(items) };
}

/** Paid, not just won (issue #21): obligations of a matter, payments, overdue follow-up. */
export const obligationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  /** One obligation, 404 outside the caller's jurisdiction (existence not disclosed). */
  const visible = async (auth: AuthContext, id: string) => {
    const o = await db
      .selectFrom('obligation')
      .select(['id', 'matter_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!o) throw errors.notFound('履行义务');
    try {
      await assertMatterInScope(db, auth, o.matter_id);
    } catch {
      throw errors.notFound('履行义务');
    }
    return o;
  };
  const one = async (auth: AuthContext, id: string) => {
    const { items } = await presentedList(ctx, auth, { ids: [id] });
    return items[0]!;
  };

  app.get(
    '/matters/:matterId/obligations',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '事项的履行义务（协议、裁决、调解书、责令改正确定的每一项及分期）与付款记录',
        params: matterParam,
        response: { 200: obligationListSchema, ...responses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.matterId);
      return presentedList(ctx, req.auth!, { matterId: req.params.matterId });
    },
  );

  app.get(
    '/employers/:id/obligations',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '用人单位作为义务人的履行义务（本辖区）',
        params: idParam,
        response: { 200: obligationListSchema, ...responses },
      },
    },
    async (req) =>
      presentedList(ctx, req.auth!, {
        debtorPartyId: req.params.id,
        jurisdictions: await scopeOf(db, req.auth!, 'matter.read'),
      }),
  );

  app.get(
    '/obligations/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '一项履行义务',
        params: idParam,
        response: { 200: obligationSchema, ...responses },
      },
    },
    async (req) => {
      await visible(req.auth!, req.params.id);
      return one(req.auth!, req.params.id);
    },
  );

  app.post(
    '/obligations/:id/payments',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '工作人员登记付款（可部分履行；支持 Idempotency-Key）',
        params: idParam,
        body: recordPaymentBody,
        response: { 201: obligationSchema, ...responses },
      },
    },
    async (req, reply) => {
      const auth = req.auth!;
      assertMayWork(auth);
      await visible(auth, req.params.id);
      return withIdempotency(
        db,
        req,
        reply,
        'obligation.payment',
        async () => {
          await db.transaction().execute(async (trx) => {
            const o = await lockObligation(trx, req.params.id);
            await recordPayment(ctx, trx, actorOf(req, 'matter.read'), o, req.body);
            return req.params.id;
          });
          return { status: 201, body: await one(auth, req.params.id) };
        },
        async () => ({ status: 201, body: await one(auth, req.params.id) }),
      );
    },
  );

  app.post(
    '/obligations/:id/payments/:paymentId/decision',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '确认或不予确认劳动者申报的付款（不予确认须写明理由；支持 Idempotency-Key，重试不重复处理）',
        params: paymentParam,
        body: decidePaymentBody,
        response: { 200: obligationSchema, ...responses },
      },
    },
    async (req, reply) => {
      const auth = req.auth!;
      assertMayWork(auth);
      await visible(auth, req.params.id);
      return withIdempotency(
        db,
        req,
        reply,
        'obligation.payment-decision',
        async () => {
          await db.transaction().execute(async (trx) => {
            const o = await lockObligation(trx, req.params.id);
            await decidePayment(ctx, trx, actorOf(req, 'matter.read'), o, req.params.paymentId, req.body);
            return req.params.paymentId;
          });
          return { status: 200, body: await one(auth, req.params.id) };
        },
        async () => ({ status: 200, body: await one(auth, req.params.id) }),
      );
    },
  );

  app.post(
    '/obligations/:id/next-step',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '逾期未履行的下一步（一步办理）：申请支付令告知书（调解仲裁法第十六条）或强制执行申请书（第五十一条），列明未履行事项和金额',
        params: idParam,
        body: nextStepBody,
        response: { 201: nextStepResultSchema, ...responses },
      },
    },
    async (req, reply) => {
      const auth = req.auth!;
      assertMayWork(auth);
      await visible(auth, req.params.id);
      return withIdempotency(
        db,
        req,
        reply,
        'obligation.next-step',
        async () => {
          const r = await db.transaction().execute(async (trx) => {
            const o = await lockObligation(trx, req.params.id);
            return takeNextStep(ctx, trx, auth, actorOf(req, 'matter.read'), o, req.body);
          });
          return { status: 201, body: { ...r, obligation: await one(auth, req.params.id) } };
        },
        async (r) => ({
          status: 201,
          body: {
            ...(r as Awaited<ReturnType<typeof takeNextStep>>),
            obligation: await one(auth, req.params.id),
          },
        }),
      );
    },
  );

  app.get(
    '/obligations/:id/enforcement-pack.pdf',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '强制执行申请材料（一个 PDF）：强制执行申请书（未履行事项和金额）、执行依据（裁决书或调解书）、送达及生效证明书',
        params: idParam,
        response: { 200: fileResponse('强制执行申请材料 PDF', MEDIA.pdf), ...responses },
      },
    },
    async (req, reply) => {
      await visible(req.auth!, req.params.id);
      const { pdf, name } = await enforcementPack(ctx, actorOf(req, 'matter.read'), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', name, 'pdf'))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/admin/obligations/sweep',
    {
      config: { auth: 'admin.jobs' },
      schema: {
        tags,
        summary: '立即检查逾期未履行的义务（平时由后台每小时执行）',
        body: z.strictObject({}).optional(),
        response: { 200: sweepResultSchema, ...responses },
      },
    },
    async () => ({ flagged: await sweepOverdue(ctx) }),
  );
};
