import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth';
import { errorResponses, errors } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { campaignDetail, createCampaign } from './campaign.service';
import { campaignCreatedSchema, campaignDetailSchema, campaignListSchema } from './inspection.responses';
import { campaignBody, idParam } from './inspection.schema';

const tags = ['劳动保障监察'];

/** 专项检查 (campaigns): a list of employers, one ex-officio case each (《劳动保障监察条例》第十四条). */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  app.get(
    '/inspection/campaigns',
    {
      config: { auth: 'inspection.work' },
      schema: { tags, summary: '专项检查列表', response: { 200: campaignListSchema, ...errorResponses } },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'inspection.work');
      if (!scope.length) return { items: [] };
      const rows = await db
        .selectFrom('inspection_campaign as c')
        .select(['c.id', 'c.name', 'c.topic', 'c.starts_on', 'c.ends_on'])
        .select((eb) =>
          eb
            .selectFrom('inspection_campaign_employer as ce')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('ce.campaign_id', '=', 'c.id')
            .as('employers'),
        )
        .where('c.jurisdiction_id', 'in', scope)
        .orderBy('c.created_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          topic: r.topic,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          employers: Number(r.employers ?? 0),
        })),
      };
    },
  );

  app.post(
    '/inspection/campaigns',
    {
      config: { auth: 'inspection.work' },
      schema: {
        tags,
        summary: '发起专项检查：每家用人单位依职权立案一件',
        body: campaignBody,
        response: { 201: campaignCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await createCampaign(ctx, req.auth!, actorOf(req, 'inspection.work'), req.body);
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/inspection/campaigns/:id',
    {
      config: { auth: 'inspection.work' },
      schema: {
        tags,
        summary: '专项检查详情（各单位的案件状态）',
        params: idParam,
        response: { 200: campaignDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      const d = await campaignDetail(ctx, req.params.id, await scopeOf(db, req.auth!, 'inspection.work'));
      if (!d) throw errors.notFound('专项检查');
      return d;
    },
  );
};
