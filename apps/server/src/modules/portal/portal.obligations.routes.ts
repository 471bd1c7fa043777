import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessToday } from '../../platform/time';
import { AppError, errorResponses, errorSchema, errors } from '../../platform/errors';
import { withIdempotency } from '../../platform/idempotency';
import {
  declarePayment,
  declarePaymentBody,
  findObligations,
  lockObligation,
  obligationListSchema,
  obligationSchema,
  presentObligation,
  totalsOf,
} from '../obligations';
import { membershipOf } from './portal.access';
import type { Membership } from './portal.access';
import { portalActor, requireAccount, requirePortal } from './portal.session';
import { attachUploads, idempotencyKeyOf } from './portal.uploads';

const tags = ['当事人门户'];
const responses = { ...errorResponses, 422: errorSchema, 429: errorSchema };
const obligationParam = z.strictObject({
  id: z.uuid('编号格式不正确'),
  obligationId: z.uuid('编号格式不正确'),
});

/**
 * The worker's (or the represented employer's) own obligations on the portal: what is owed, by when,
 * what was paid; the worker declares a payment received with a photo of the transfer record, staff
 * confirm it. A worker sees only the obligations owed to him or her.
 */
export const portalObligationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  const mine = async (m: Membership, ids?: string[]) => {
    const { rows, payments } = await findObligations(db, {
      matterId: m.matterId,
      ...(m.role === 'worker' ? { creditorPartyIds: [m.partyId] } : { debtorPartyId: m.partyId }),
      ...(ids ? { ids } : {}),
    });
    const today = businessToday(ctx.config);
    const items = rows.map((o) =>
      presentObligation(o, payments.get(o.id) ?? [], today, { staff: false, mayWork: false }),
    );
    return { items, totals: totalsOf(items) };
  };

  app.get(
    '/matters/:id/obligations',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '我的履行情况：协议、裁决确定的应付款项、期限和已付金额',
        params: z.strictObject({ id: z.uuid('编号格式不正确') }),
        response: { 200: obligationListSchema, ...responses },
      },
    },
    async (req) => mine(await membershipOf(db, requirePortal(req), req.params.id)),
  );

  app.post(
    '/matters/:id/obligations/:obligationId/payments',
    {
      config: { auth: 'public', portal: 'account' },
      schema: {
        tags,
        summary: '申报收到付款（先上传转账记录照片；须带 Idempotency-Key），由工作人员确认',
        params: obligationParam,
        body: declarePaymentBody,
        response: { 201: obligationSchema, ...responses },
      },
    },
    async (req, reply) => {
      const p = requireAccount(req);
      const m = await membershipOf(db, p, req.params.id);
      if (m.role !== 'worker') throw new AppError(403, 'FORBIDDEN', '只有劳动者本人可以申报收到的付款');
      idempotencyKeyOf(req, true);
      const present = async () => {
        const one = (await mine(m, [req.params.obligationId])).items[0];
        if (!one) throw errors.notFound('履行义务');
        return { status: 201, body: one };
      };
      // Not his obligation (or not on this matter): 404, existence not disclosed.
      await present();
      return withIdempotency(
        db,
        req,
        reply,
        `portal.obligation-payment:${p.accountId}`,
        async () => {
          await db.transaction().execute(async (trx) => {
            const o = await lockObligation(trx, req.params.obligationId);
            const actor = portalActor(req, `${m.partyName}（网上）`);
            await attachUploads(trx, actor, p.accountId, m.matterId, [req.body.uploadId], '收款转账记录');
            const upload = await trx
              .selectFrom('portal_upload')
              .select('evidence_id')
              .where('id', '=', req.body.uploadId)
              .executeTakeFirstOrThrow();
            await declarePayment(ctx, trx, actor, o, {
              amountFen: req.body.amountFen,
              paidOn: req.body.paidOn,
              proofEvidenceId: upload.evidence_id,
              note: req.body.note,
            });
            return o.id;
          });
          return present();
        },
        async () => present(),
      );
    },
  );
};
