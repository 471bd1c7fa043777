import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/errors';

const tags = ['当事人门户（公开）'];

/** Public pages of the portal: places to apply, the center's sites, typical cases. */
export const portalPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/public/jurisdictions',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '可以选择的办理地点（辖区）',
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), name: z.string(), level: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      items: await db
        .selectFrom('jurisdiction')
        .select(['id', 'name', 'level'])
        .orderBy('sort')
        .orderBy('code')
        .execute(),
    }),
  );

  app.get(
    '/public/sites',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '服务网点：地址、办公时间、电话、可办业务（demo 为示例数据）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                address: z.string(),
                hours: z.string(),
                phone: z.string().nullable(),
                services: z.string(),
                demo: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      items: await db
        .selectFrom('service_site')
        .select(['id', 'name', 'address', 'hours', 'phone', 'services', 'demo'])
        .orderBy('sort')
        .execute(),
    }),
  );

  app.get(
    '/public/model-cases',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '典型案例（已脱敏，已发布）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                summary: z.string(),
                outcome: z.string(),
                publishedBy: z.string(),
                publishedAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const rows = await db
        .selectFrom('model_case')
        .selectAll()
        .where('withdrawn_at', 'is', null)
        .orderBy('published_at', 'desc')
        .limit(100)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          summary: r.summary,
          outcome: r.outcome,
          publishedBy: r.published_by_name,
          publishedAt: new Date(r.published_at).toISOString(),
        })),
      };
    },
  );
};
