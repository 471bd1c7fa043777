import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit';
import { errorResponses } from '../../platform/errors';
import { isoDate as calendarDate } from '../../platform/schema-types';
import { type JsonValue, jsonValue } from '../../platform/openapi-content';
import { dayEnd, dayStart } from '../../platform/time';

const auditItem = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: z.string(),
    actorName: z.string(),
    actorRole: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    summary: z.string(),
    /** The entity before and after the change, as the audit record holds it (JSON of the writer's shape). */
    before: jsonValue,
    after: jsonValue,
  })
  .meta({ id: 'AuditRecord' });

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['系统管理：审计'];

  app.get(
    '/',
    {
      config: { auth: 'admin.audit' },
      schema: {
        tags,
        summary: '检索审计日志（只读、哈希链防篡改）',
        querystring: z.strictObject({
          actor: z.string().trim().max(50).optional(),
          action: z.string().trim().max(60).optional(),
          entity: z.string().trim().max(60).optional(),
          entityId: z.string().trim().max(60).optional(),
          from: calendarDate().optional(),
          to: calendarDate().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(auditItem), total: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const q = req.query;
      let base = db.selectFrom('audit_log');
      if (q.actor) base = base.where('actor_name', 'ilike', `%${q.actor.replace(/[\\%_]/g, '\\$&')}%`);
      if (q.action) base = base.where('action', 'like', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
      if (q.entity) base = base.where('entity_type', '=', q.entity);
      if (q.entityId) base = base.where('entity_id', '=', q.entityId);
      if (q.from) base = base.where('at', '>=', dayStart(app.ctx.config, q.from));
      if (q.to) base = base.where('at', '<', dayEnd(app.ctx.config, q.to));
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('seq', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        items: rows.map((r) => ({
          id: String(r.seq),
          seq: r.seq,
          at: new Date(r.at).toISOString(),
          actorName: r.actor_name,
          actorRole: r.actor_role,
          ip: r.ip,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.summary,
          // jsonb columns: the JSON the writer stored
          before: r.before as JsonValue,
          after: r.after as JsonValue,
        })),
      };
    },
  );

  app.get(
    '/verify',
    {
      config: { auth: 'admin.audit' },
      schema: {
        tags,
        summary: '校验审计日志哈希链（发现被修改或删除的记录）',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            firstBadSeq: z.number().int().nullable(),
            message: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async () => verifyAuditChain(db),
  );
};
