import type { Permission } from '@onestop/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { errorResponses, errors } from '../../platform/errors';
import {
  entryBody,
  entryListSchema,
  entrySchema,
  idParam,
  patchBody,
  publicListSchema,
  publicQuery,
  searchQuery,
} from './knowledge.schema';
import { presentEntry, presentPublic, searchEntries, topics } from './knowledge.service';

/** Who maintains the knowledge base: the window (it answers the questions) and the leaders. */
export const KB_EDIT_PERMISSIONS: readonly Permission[] = ['intake.create', 'leader.dashboard'];

function editorPermission(req: FastifyRequest): Permission | undefined {
  const perms = req.auth?.permissions;
  return KB_EDIT_PERMISSIONS.find((p) => perms?.has(p));
}

function requireEditor(req: FastifyRequest): Permission {
  const p = editorPermission(req);
  if (!p) throw errors.forbidden('您没有维护知识库的权限');
  return p;
}

/** Knowledge base (咨询知识库): staff search, editing, and the public read-only listing. */
export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['咨询知识库'];

  app.get(
    '/kb',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '检索知识库（中文模糊检索：分词为双字、同义词扩展，按命中数排序）',
        querystring: searchQuery,
        response: { 200: entryListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const drafts = req.query.includeDrafts === 'true' && editorPermission(req) !== undefined;
      const rows = await searchEntries(db, { ...req.query, publishedOnly: !drafts });
      return { items: rows.map(presentEntry), topics: await topics(db, !drafts) };
    },
  );

  app.get(
    '/public/kb',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '公开的常见问题解答（仅已发布条目，只读；门户网站复用）',
        querystring: publicQuery,
        response: { 200: publicListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const rows = await searchEntries(db, { ...req.query, publishedOnly: true });
      return { items: rows.map(presentPublic), topics: await topics(db, true) };
    },
  );

  app.get(
    '/kb/:id',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '知识库条目',
        params: idParam,
        response: { 200: entrySchema, ...errorResponses },
      },
    },
    async (req) => {
      const row = await db
        .selectFrom('kb_entry')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!row || (!row.published && !editorPermission(req))) throw errors.notFound('知识库条目');
      return presentEntry(row);
    },
  );

  app.post(
    '/kb',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '新增知识库条目（窗口受理员、领导）',
        body: entryBody,
        response: { 201: entrySchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const perm = requireEditor(req);
      const actor = actorOf(req, perm);
      const row = await db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('kb_entry')
          .values({ ...req.body, created_by: actor.id, updated_by: actor.id, updated_at: new Date() })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actor, {
          action: 'kb.create',
          entityType: 'kb_entry',
          entityId: r.id,
          summary: `新增知识库条目：${r.question}`,
          after: req.body,
        });
        return r;
      });
      return reply.status(201).send(presentEntry(row));
    },
  );

  app.patch(
    '/kb/:id',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '修改、发布或撤回知识库条目（版本不符 409 并返回最新条目）',
        params: idParam,
        body: patchBody,
        response: { 200: entrySchema, ...errorResponses },
      },
    },
    async (req) => {
      const perm = requireEditor(req);
      const actor = actorOf(req, perm);
      const { version, ...changes } = req.body;
      const before = await db
        .selectFrom('kb_entry')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!before) throw errors.notFound('知识库条目');
      const row = await db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('kb_entry')
          .set((eb) => ({
            ...changes,
            updated_by: actor.id,
            updated_at: new Date(),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', req.params.id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (!r) return undefined;
        const publishing = changes.published !== undefined && changes.published !== before.published;
        await appendAudit(trx, actor, {
          action: publishing ? (changes.published ? 'kb.publish' : 'kb.unpublish') : 'kb.update',
          entityType: 'kb_entry',
          entityId: r.id,
          summary: `${publishing ? (changes.published ? '发布' : '撤回') : '修改'}知识库条目：${r.question}`,
          before: { version: before.version },
          after: changes,
        });
        return r;
      });
      if (!row) {
        const fresh = await db
          .selectFrom('kb_entry')
          .selectAll()
          .where('id', '=', req.params.id)
          .executeTakeFirstOrThrow();
        throw errors.conflict(presentEntry(fresh));
      }
      return presentEntry(row);
    },
  );
};
