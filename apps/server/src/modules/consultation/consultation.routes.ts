import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { actorOf } from '../../platform/auth';
import { errorResponses } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { likeEscape } from '../parties';
import {
  consultationListSchema,
  consultationSchema,
  convertBody,
  convertResultSchema,
  idParam,
  listQuery,
  logBody,
} from './consultation.schema';
import {
  assertConsultationVisible,
  convertConsultation,
  loadConsultation,
  logConsultation,
  presentConsultation,
} from './consultation.service';
import type { ConsultationTable } from './consultation.tables';
import type { Selectable } from 'kysely';

/** Consultations (咨询): logged at any window, listed, turned into a matter in one step. */
export const consultationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['咨询'];

  app.post(
    '/consultations',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '登记一次咨询（主题、问题、解答、依据、接待人、渠道）；可单独登记或归入维权事项',
        body: logBody,
        response: { 201: consultationSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await logConsultation(ctx, req.auth!, actorOf(req, 'matter.read'), req.body);
      return reply.status(201).send((await loadConsultation(ctx, id)).view);
    },
  );

  app.get(
    '/consultations',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '咨询记录（本人可见辖区；可按关键词、事项、本人筛选）',
        querystring: listQuery,
        response: { 200: consultationListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'matter.read');
      if (!scope.length) return { items: [] };
      let q = db
        .selectFrom('consultation as c')
        .leftJoin('matter as m', 'm.id', 'c.matter_id')
        .selectAll('c')
        .select('m.number as matter_number')
        .where('c.jurisdiction_id', 'in', scope);
      if (req.query.matterId) q = q.where('c.matter_id', '=', req.query.matterId);
      if (req.query.mine === 'true') q = q.where('c.staff_user_id', '=', req.auth!.userId);
      if (req.query.q) {
        const like = `%${likeEscape(req.query.q)}%`;
        q = q.where(
          sql<boolean>`(c.topic ILIKE ${like} OR c.question ILIKE ${like} OR c.answer ILIKE ${like})`,
        );
      }
      const rows = await q.orderBy('c.created_at', 'desc').limit(req.query.limit).execute();
      return {
        items: rows.map((r) => presentConsultation(ctx, r as Selectable<ConsultationTable>, r.matter_number)),
      };
    },
  );

  app.get(
    '/consultations/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '咨询记录详情',
        params: idParam,
        response: { 200: consultationSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { row, view } = await loadConsultation(ctx, req.params.id);
      await assertConsultationVisible(db, req.auth!, row.jurisdiction_id);
      return view;
    },
  );

  app.post(
    '/consultations/:id/convert',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary: '一步把咨询转为维权事项（走窗口受理登记：当事人、诉求、分流；已转过的 409）',
        params: idParam,
        body: convertBody,
        response: { 201: convertResultSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const matterId = await convertConsultation(
        ctx,
        req.auth!,
        actorOf(req, 'intake.create'),
        req.params.id,
        req.body,
      );
      const m = await db
        .selectFrom('matter')
        .select(['id', 'number'])
        .where('id', '=', matterId)
        .executeTakeFirstOrThrow();
      return reply
        .status(201)
        .send({ consultation: (await loadConsultation(ctx, req.params.id)).view, matter: m });
    },
  );
};
