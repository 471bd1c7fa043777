import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf, type AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import { presentTransfers, TRANSFER_SELECT } from './transfers.presenter';
import {
  createTransferBody,
  decideBody,
  idParam,
  listQuery,
  returnBody,
  transferListSchema,
  transferSchema,
} from './transfers.schema';
import { createTransfer, decideTransfer, StaleTransfer } from './transfers.service';

async function loadOne(ctx: AppContext, id: string, auth: AuthContext) {
  const row = await TRANSFER_SELECT(ctx.database.db).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('转办');
  const [t] = await presentTransfers(ctx, [row], auth);
  return t!;
}

/** Transfers (转办) between functions and partner agencies, with the transfer slip. */
export const transfersRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['转办'];

  const decide = async (auth: AuthContext, work: () => Promise<void>, id: string) => {
    try {
      await work();
    } catch (err) {
      if (err instanceof StaleTransfer) throw errors.conflict(await loadOne(ctx, id, auth));
      throw err;
    }
    return loadOne(ctx, id, auth);
  };

  app.post(
    '/matters/:id/transfers',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '转办：把事项（及案件的诉求）转交其他职能或合作单位（工会、法院、司法、信访），生成转办单草稿',
        params: idParam,
        body: createTransferBody,
        response: { 201: transferSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await createTransfer(ctx, req.auth!, actorOf(req, 'matter.read'), req.params.id, req.body);
      return reply.status(201).send(await loadOne(ctx, id, req.auth!));
    },
  );

  app.get(
    '/matters/:id/transfers',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '事项的转办记录',
        params: idParam,
        response: { 200: transferListSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      const rows = await TRANSFER_SELECT(db)
        .where('t.matter_id', '=', req.params.id)
        .orderBy('t.created_at')
        .execute();
      return { items: await presentTransfers(ctx, rows, req.auth!) };
    },
  );

  app.get(
    '/transfers',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '转办收件箱（转给本单位的）或发件箱（本单位转出的）',
        querystring: listQuery,
        response: { 200: transferListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { box, state } = req.query;
      let q = TRANSFER_SELECT(db).where(
        box === 'inbox' ? 't.to_org_id' : 't.from_org_id',
        '=',
        req.auth!.organizationId,
      );
      if (state) q = q.where('t.state', '=', state);
      const rows = await q
        .orderBy((eb) => eb.case().when('t.state', '=', 'pending').then(0).else(1).end())
        .orderBy('t.created_at', 'desc')
        .limit(200)
        .execute();
      return { items: await presentTransfers(ctx, rows, req.auth!) };
    },
  );

  app.get(
    '/transfers/overdue',
    {
      config: { auth: 'leader.dashboard' },
      schema: {
        tags,
        summary: '超过一个工作日未接收的转办（领导督办）',
        response: { 200: transferListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'leader.dashboard');
      if (!scope.length) return { items: [] };
      // Pre-filter in SQL (at least one calendar day old); the working-day rule decides below.
      const cutoff = new Date(Date.now() - 24 * 3600_000);
      const rows = await TRANSFER_SELECT(db)
        .where('t.state', '=', 'pending')
        .where('t.created_at', '<', cutoff)
        .where('m.jurisdiction_id', 'in', scope)
        .orderBy('t.created_at')
        .limit(500)
        .execute();
      const today = businessToday(ctx.config);
      const items = (await presentTransfers(ctx, rows, req.auth!)).filter(
        (t) => t.acceptBy !== null && today > t.acceptBy,
      );
      return { items };
    },
  );

  app.get(
    '/transfers/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '转办详情',
        params: idParam,
        response: { 200: transferSchema, ...errorResponses },
      },
    },
    async (req) => {
      const t = await loadOne(ctx, req.params.id, req.auth!);
      const auth = req.auth!;
      if (t.toOrg.id !== auth.organizationId && t.fromOrg.id !== auth.organizationId) {
        await assertMatterInScope(db, auth, t.matterId);
      }
      return t;
    },
  );

  app.post(
    '/transfers/:id/accept',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '接收转办（承办单位）：事项改由本单位负责，指定程序的案件随即开立',
        params: idParam,
        body: decideBody,
        response: { 200: transferSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req) =>
      decide(
        req.auth!,
        () => decideTransfer(ctx, req.auth!, actorOf(req, 'matter.read'), req.params.id, 'accept', req.body),
        req.params.id,
      ),
  );

  app.post(
    '/transfers/:id/return',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '退回转办（承办单位），须说明理由（缺少理由 422）',
        params: idParam,
        body: returnBody,
        response: { 200: transferSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req) =>
      decide(
        req.auth!,
        () => decideTransfer(ctx, req.auth!, actorOf(req, 'matter.read'), req.params.id, 'return', req.body),
        req.params.id,
      ),
  );
};
