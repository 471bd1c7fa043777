import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/errors';
import { alertSchema } from './matters.schema';
import { scopeOf } from '../../platform/scope';

/** Early-warning list for the leaders (预警). */
export const alertsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  app.get(
    '/alerts',
    {
      config: { auth: 'leader.dashboard' },
      schema: {
        tags: ['预警'],
        summary: '预警列表：同一单位多件未结事项、集体争议、春节前欠薪',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(alertSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'leader.dashboard');
      if (scope.length === 0) return { items: [] };
      const rows = await db
        .selectFrom('alert as a')
        .innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id')
        .leftJoin('matter as m', 'm.id', 'a.matter_id')
        .leftJoin('party as p', 'p.id', 'a.employer_party_id')
        .selectAll('a')
        .select(['j.name as jurisdiction_name', 'm.number as matter_number', 'p.name as employer_name'])
        .where('a.jurisdiction_id', 'in', scope)
        .orderBy('a.updated_at', 'desc')
        .limit(req.query.limit)
        .execute();
      return {
        items: rows.map((a) => ({
          id: a.id,
          kind: a.kind,
          summary: a.summary,
          basis: a.basis,
          count: a.count,
          matter: a.matter_id && a.matter_number ? { id: a.matter_id, number: a.matter_number } : null,
          employerName: a.employer_name,
          jurisdictionName: a.jurisdiction_name,
          createdAt: new Date(a.created_at).toISOString(),
          updatedAt: new Date(a.updated_at).toISOString(),
        })),
      };
    },
  );
};
