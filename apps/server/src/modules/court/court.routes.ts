import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import {
  confirmationBody,
  delegateBody,
  dockingListSchema,
  dockingSchema,
  idParam,
  listQuery,
  stepBody,
  stepParams,
} from './court.schema';
import { delegate, dockingStep, presentDocking, requestConfirmation, StaleDocking } from './court.service';

/** Court docking (诉调对接, “人社+工会+法院”): court-delegated mediation and judicial confirmation. */
export const courtRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['诉调对接'];

  app.post(
    '/court-docking/delegations',
    {
      config: { auth: 'court.work' },
      schema: {
        tags,
        summary: '法院委派调解：登记法院委派给中心调解员的案件（可同时经一窗受理登记事项，渠道为法院委派）',
        body: delegateBody,
        response: { 201: dockingSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await delegate(ctx, req.auth!, actorOf(req, 'court.work'), req.body);
      return reply.status(201).send(await presentDocking(ctx, id, req.auth!));
    },
  );

  app.post(
    '/court-docking/confirmations',
    {
      config: { auth: 'mediation.work' },
      schema: {
        tags,
        summary: '调解协议申请司法确认：自协议生效之日起三十日内（T-M5，《民事诉讼法》第二百零五条）',
        body: confirmationBody,
        response: { 201: dockingSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await requestConfirmation(ctx, req.auth!, actorOf(req, 'mediation.work'), req.body);
      return reply.status(201).send(await presentDocking(ctx, id, req.auth!));
    },
  );

  app.get(
    '/court-docking',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '诉调对接案件（本人辖区）',
        querystring: listQuery,
        response: { 200: dockingListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'matter.read');
      if (!scope.length) return { items: [] };
      let q = db.selectFrom('court_docking').select('id').where('jurisdiction_id', 'in', scope);
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      if (req.query.open === 'true')
        q = q.where('state', 'not in', ['returned_to_court', 'confirmed', 'rejected']);
      if (req.query.open === 'false')
        q = q.where('state', 'in', ['returned_to_court', 'confirmed', 'rejected']);
      const rows = await q.orderBy('created_at', 'desc').limit(req.query.limit).execute();
      const items = [];
      for (const r of rows) items.push(await presentDocking(ctx, r.id, req.auth!));
      return { items };
    },
  );

  app.get(
    '/court-docking/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '诉调对接案件详情与可执行的操作',
        params: idParam,
        response: { 200: dockingSchema, ...errorResponses },
      },
    },
    async (req) => presentDocking(ctx, req.params.id, req.auth!),
  );

  app.post(
    '/court-docking/:id/steps/:event',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '开始调解、达成协议、退回法院、申请司法确认（30日内）、法院裁定确认有效或驳回（法院联络员记录）',
        params: stepParams,
        body: stepBody,
        response: { 200: dockingSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req) => {
      const auth = req.auth!;
      await presentDocking(ctx, req.params.id, auth);
      const perm = auth.permissions.has('court.work') ? 'court.work' : 'mediation.work';
      try {
        await dockingStep(ctx, auth, actorOf(req, perm), req.params.id, req.params.event, req.body);
      } catch (err) {
        if (err instanceof StaleDocking)
          throw errors.conflict(await presentDocking(ctx, req.params.id, auth));
        throw err;
      }
      return presentDocking(ctx, req.params.id, auth);
    },
  );
};
