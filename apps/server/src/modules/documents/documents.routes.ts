import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isFreeStanding } from '@onestop/domain';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { AppError, errorResponses, errors } from '../../platform/errors';
import { fileResponse, MEDIA } from '../../platform/openapi-content';
import { contentDisposition, requireDocumentWork } from './documents.access';
import { describeTypes } from './documents.fields';
import { documentQuery, presentDocument, servicesFor } from './documents.presenter';
import {
  correctBody,
  createBody,
  documentSchema,
  idParam,
  issueBody,
  listQuery,
  typesResponse,
  updateBody,
} from './documents.schema';
import { assertDocumentVisible, assertSubjectVisible } from './documents.scope';
import type { DocumentsService } from './documents.service';
import { TEMPLATES } from './render/index';

const isTemplateType = (t: string): t is keyof typeof TEMPLATES => Object.hasOwn(TEMPLATES, t);

const tags = ['文书'];
const created = z.object({ id: z.string(), rowVersion: z.number() });

/** Staff API for documents of a subject (a matter or a case): drafts, issue, correction, files. */
export function documentsRoutes(service: DocumentsService): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.ctx.database;
    const { jobs, config } = app.ctx;

    const load = async (id: string, withFields = true) => {
      const row = await documentQuery(db).where('d.id', '=', id).executeTakeFirst();
      if (!row) throw errors.notFound('文书');
      return presentDocument(row, await servicesFor(db, [id]), { withFields });
    };
    // With the runner on, start the render right away instead of waiting for the next poll.
    const kick = () => {
      if (config.jobsEnabled) void jobs.runOnce().catch((err) => app.log.warn({ err }, 'render kick failed'));
    };

    app.get(
      '/documents/types',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '文书类型、必填字段及可选发文机关',
          response: { 200: typesResponse, ...errorResponses },
        },
      },
      async () => {
        const patterns = await db
          .selectFrom('document_number_pattern as p')
          .innerJoin('organization as o', 'o.id', 'p.issuer_org_id')
          .select(['p.type', 'p.pattern', 'o.id', 'o.name'])
          .orderBy('o.sort')
          .execute();
        return {
          items: describeTypes().map((t) => {
            const specific = patterns.filter((p) => p.type === t.type);
            const fallback = patterns.filter((p) => p.type === '*' && !specific.some((s) => s.id === p.id));
            return {
              ...t,
              freeStanding: isFreeStanding(t.type),
              issuers: [...specific, ...fallback].map((p) => ({
                id: p.id,
                name: p.name,
                pattern: p.pattern,
              })),
            };
          }),
        };
      },
    );

    app.get(
      '/documents',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '某事项（或案件）的文书列表，含送达情况',
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(documentSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        if (!req.auth) throw errors.notFound('文书');
        await assertSubjectVisible(db, req.auth, req.query.subjectType, req.query.subjectId);
        const rows = await documentQuery(db)
          .where('d.subject_type', '=', req.query.subjectType)
          .where('d.subject_id', '=', req.query.subjectId)
          .orderBy('d.created_at')
          .execute();
        const services = await servicesFor(
          db,
          rows.map((r) => r.id),
        );
        return { items: rows.map((r) => presentDocument(r, services)) };
      },
    );

    app.get(
      '/documents/:id',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '文书详情（含字段）',
          params: idParam,
          response: { 200: documentSchema, ...errorResponses },
        },
      },
      async (req) => {
        await assertDocumentVisible(db, req.auth, req.params.id);
        return load(req.params.id);
      },
    );

    app.post(
      '/documents',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary:
            '起草可单独出具的文书（如收件回执；校验必填字段，后台生成带“草稿”水印的预览）。记载法律行为的文书只能在办理步骤中出具（409 DOCUMENT_NOT_FREE_STANDING）',
          body: createBody,
          response: { 201: documentSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const perm = requireDocumentWork(req);
        const b = req.body;
        if (req.auth) await assertSubjectVisible(db, req.auth, b.subjectType, b.subjectId);
        // Act documents only through their flows (the act's form, preconditions and step).
        if (isTemplateType(b.type) && !isFreeStanding(b.type)) {
          throw new AppError(
            409,
            'DOCUMENT_NOT_FREE_STANDING',
            `《${TEMPLATES[b.type].title}》记载或作出法律行为，只能在相应的办理步骤中出具，不能单独起草`,
            { type: b.type },
          );
        }
        const { id } = await db.transaction().execute((trx) =>
          service.createDraft(trx, actorOf(req, perm), {
            subjectType: b.subjectType,
            subjectId: b.subjectId,
            type: b.type,
            fields: b.fields,
            issuerOrgId: b.issuerOrgId,
            userOrgId: req.auth?.organizationId,
          }),
        );
        kick();
        return reply.status(201).send(await load(id));
      },
    );

    app.patch(
      '/documents/:id',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '修改草稿字段（签发后返回 409 DOCUMENT_ISSUED）',
          params: idParam,
          body: updateBody,
          response: { 200: documentSchema, ...errorResponses },
        },
      },
      async (req) => {
        const perm = requireDocumentWork(req);
        await assertDocumentVisible(db, req.auth, req.params.id);
        await db
          .transaction()
          .execute((trx) =>
            service.updateDraft(trx, actorOf(req, perm), req.params.id, req.body.fields, req.body.rowVersion),
          );
        kick();
        return load(req.params.id);
      },
    );

    app.post(
      '/documents/:id/issue',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '签发：按发文机关的文号格式生成连续文号，后台生成加盖印章、带验证码的正式文书',
          params: idParam,
          body: issueBody,
          response: { 200: documentSchema, ...errorResponses },
        },
      },
      async (req) => {
        const perm = requireDocumentWork(req);
        await assertDocumentVisible(db, req.auth, req.params.id);
        await db
          .transaction()
          .execute((trx) => service.issue(trx, actorOf(req, perm), req.params.id, req.body.rowVersion));
        kick();
        return load(req.params.id);
      },
    );

    app.post(
      '/documents/:id/correct',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '更正已签发文书：生成新版本草稿，签发后原文书作废',
          params: idParam,
          body: correctBody,
          response: { 201: created, ...errorResponses },
        },
      },
      async (req, reply) => {
        const perm = requireDocumentWork(req);
        await assertDocumentVisible(db, req.auth, req.params.id);
        const r = await db
          .transaction()
          .execute((trx) => service.correct(trx, actorOf(req, perm), req.params.id, req.body));
        kick();
        return reply.status(201).send(r);
      },
    );

    app.post(
      '/documents/:id/render',
      {
        config: { auth: 'matter.read' },
        schema: {
          tags,
          summary: '重新生成失败的文书',
          params: idParam,
          body: z.strictObject({}).optional(),
          response: { 200: documentSchema, ...errorResponses },
        },
      },
      async (req) => {
        const perm = requireDocumentWork(req);
        await assertDocumentVisible(db, req.auth, req.params.id);
        await db.transaction().execute((trx) => service.retryRender(trx, actorOf(req, perm), req.params.id));
        kick();
        return load(req.params.id);
      },
    );

    for (const ext of ['pdf', 'docx'] as const) {
      app.get(
        `/documents/:id/${ext}`,
        {
          config: { auth: 'matter.read' },
          schema: {
            tags,
            summary: ext === 'pdf' ? '查看或打印文书 PDF（记录审计）' : '下载文书 Word 版（记录审计）',
            params: idParam,
            response: {
              200:
                ext === 'pdf'
                  ? fileResponse('文书 PDF', MEDIA.pdf)
                  : fileResponse('文书 Word 版', MEDIA.docx),
              ...errorResponses,
            },
          },
        },
        async (req, reply) => {
          await assertDocumentVisible(db, req.auth, req.params.id);
          const doc = await db
            .selectFrom('document')
            .selectAll()
            .where('id', '=', req.params.id)
            .executeTakeFirst();
          if (!doc) throw errors.notFound('文书');
          const key = ext === 'pdf' ? doc.pdf_key : doc.docx_key;
          const data = key ? await service.storage.get(key) : undefined;
          if (!data) {
            if (doc.state === 'failed') {
              throw new AppError(
                409,
                'DOCUMENT_RENDER_FAILED',
                `文书生成失败：${doc.render_error ?? '未知原因'}`,
              );
            }
            throw new AppError(409, 'DOCUMENT_NOT_READY', '文书正在生成，请稍后再试');
          }
          await db.transaction().execute((trx) =>
            appendAudit(trx, actorOf(req, 'matter.read'), {
              action: `document.view.${ext}`,
              entityType: 'document',
              entityId: doc.id,
              summary: `${ext === 'pdf' ? '查看' : '下载'}${doc.title}${doc.number ?? '（草稿）'}`,
            }),
          );
          const name = `${doc.title}${doc.number ? `_${doc.number}` : '_草稿'}`;
          return reply
            .header(
              'content-type',
              ext === 'pdf'
                ? 'application/pdf'
                : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            )
            .header(
              'content-disposition',
              contentDisposition(ext === 'pdf' ? 'inline' : 'attachment', name, ext),
            )
            .header('cache-control', 'private, no-store')
            .send(data);
        },
      );
    }
  };
}
