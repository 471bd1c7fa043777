import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errorResponses, errors } from '../../platform/errors';
import { fileResponse, MEDIA } from '../../platform/openapi-content';
import { contentDisposition, requireDocumentWork } from './documents.access';
import { markOpened, METHOD_LABELS, recordService, recordServiceResult } from './documents.delivery';
import { buildModel } from './documents.fields';
import { documentQuery, presentDocument, servicesFor } from './documents.presenter';
import { documentSchema, idParam, serviceBody, serviceParam, serviceResultBody } from './documents.schema';
import { assertMatterInScope } from '../../platform/scope';
import { assertDocumentVisible } from './documents.scope';
import { documentErrors } from './documents.service';
import { renderPdf } from './render/index';

const tags = ['文书送达'];

/** Service (送达) of issued documents: records per recipient and method, and the printable 送达回证. */
export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { config } = app.ctx;

  const load = async (id: string) => {
    const row = await documentQuery(db).where('d.id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('文书');
    return presentDocument(row, await servicesFor(db, [id]), { withFields: true });
  };

  app.get(
    '/documents/:id/recipients',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '受送达人：文书所属事项的当事人，及其在档的电子送达同意（编号取自当事人记录，不再手填）',
        params: idParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                partyId: z.string(),
                name: z.string(),
                role: z.enum(['worker', 'employer']),
                roleLabel: z.string(),
                electronicConsentRef: z
                  .string()
                  .nullable()
                  .describe('当事人同意电子送达的确认编号；未同意或已撤回时为空'),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const doc = await db
        .selectFrom('document')
        .select(['subject_type', 'subject_id'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!doc) throw errors.notFound('文书');
      const matterId =
        doc.subject_type === 'matter'
          ? doc.subject_id
          : doc.subject_type === 'case'
            ? (
                await db
                  .selectFrom('track_case')
                  .select('matter_id')
                  .where('id', '=', doc.subject_id)
                  .executeTakeFirst()
              )?.matter_id
            : undefined;
      if (!matterId) return { items: [] };
      await assertMatterInScope(db, req.auth!, matterId);
      const rows = await db
        .selectFrom('matter_party as mp')
        .innerJoin('party as p', 'p.id', 'mp.party_id')
        .leftJoin('portal_consent as c', (j) =>
          j
            .onRef('c.party_id', '=', 'mp.party_id')
            .onRef('c.matter_id', '=', 'mp.matter_id')
            .on('c.kind', '=', 'electronic_service')
            .on('c.given', '=', true),
        )
        .select(['p.id', 'p.name', 'mp.role', 'c.ref'])
        .where('mp.matter_id', '=', matterId)
        .orderBy('mp.role', 'desc')
        .orderBy('mp.sort')
        .execute();
      return {
        items: rows.map((r) => ({
          partyId: r.id,
          name: r.name,
          role: r.role,
          roleLabel: r.role === 'worker' ? '劳动者' : '用人单位',
          electronicConsentRef: r.ref ?? null,
        })),
      };
    },
  );

  app.post(
    '/documents/:id/service',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '登记送达（直接送达、电子送达须有同意书、邮寄送达须有单号、公告送达满三十日视为送达）',
        params: idParam,
        body: serviceBody,
        response: { 201: documentSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const perm = requireDocumentWork(req);
      await assertDocumentVisible(db, req.auth, req.params.id);
      await db
        .transaction()
        .execute((trx) => recordService(trx, actorOf(req, perm), req.params.id, req.body));
      return reply.status(201).send(await load(req.params.id));
    },
  );

  app.post(
    '/documents/:id/service/:serviceId/result',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '登记送达结果：签收、拒收（留置送达，须有见证人）或邮件退回',
        params: serviceParam,
        body: serviceResultBody,
        response: { 200: documentSchema, ...errorResponses },
      },
    },
    async (req) => {
      const perm = requireDocumentWork(req);
      await assertDocumentVisible(db, req.auth, req.params.id);
      await db
        .transaction()
        .execute((trx) =>
          recordServiceResult(trx, actorOf(req, perm), req.params.id, req.params.serviceId, req.body),
        );
      return load(req.params.id);
    },
  );

  app.post(
    '/documents/:id/service/:serviceId/opened',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '电子送达：记录受送达人首次打开文书的时间（即送达时间，重复调用不改变）',
        description: '供当事人门户调用；门户上线前由工作人员代为登记。',
        params: serviceParam,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ firstOpenedAt: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      await assertDocumentVisible(db, req.auth, req.params.id);
      const at = await db
        .transaction()
        .execute((trx) => markOpened(trx, actorOf(req, 'matter.read'), req.params.id, req.params.serviceId));
      return { firstOpenedAt: new Date(at).toISOString() };
    },
  );

  app.get(
    '/documents/:id/proof-of-service.pdf',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '打印送达回证（供受送达人签名；拒收时由送达人、见证人签名）',
        params: idParam,
        querystring: z.strictObject({ serviceId: z.string().uuid('送达记录编号格式不正确').optional() }),
        response: { 200: fileResponse('送达回证 PDF', MEDIA.pdf), ...errorResponses },
      },
    },
    async (req, reply) => {
      await assertDocumentVisible(db, req.auth, req.params.id);
      const doc = await documentQuery(db).where('d.id', '=', req.params.id).executeTakeFirst();
      if (!doc) throw errors.notFound('文书');
      if (doc.number === null) throw documentErrors.draft();
      let q = db
        .selectFrom('document_service as v')
        .leftJoin('app_user as u', 'u.id', 'v.created_by')
        .selectAll('v')
        .select('u.display_name as server_name')
        .where('v.document_id', '=', doc.id);
      q = req.query.serviceId
        ? q.where('v.id', '=', req.query.serviceId)
        : q.where('v.method', '=', 'in_person');
      const service = await q.orderBy('v.created_at', 'desc').executeTakeFirst();
      if (!service) {
        throw new AppError(409, 'SERVICE_REQUIRED', '请先登记直接送达（受送达人、送达地点），再打印送达回证');
      }
      const f = doc.fields as Record<string, unknown>;
      const cause = [f.caseCause, f.matter, f.matters].find((v) => typeof v === 'string' && v.trim());
      const model = buildModel({
        type: 'proof_of_service',
        fields: {
          caseCause: (cause as string | undefined) ?? '劳动人事争议',
          addresseeName: service.recipient,
          documentsServed: [`${doc.title}（${doc.number}）`],
          servicePlace: service.place ?? '（由送达人填写）',
          serviceMethod: METHOD_LABELS[service.method],
          server: service.server_name ?? '',
        },
        issuer: { name: doc.issuer_name },
        number: doc.number,
        issuedDate: businessToday(config),
        draft: false,
      });
      // A one-page form (~150 ms): rendered on request, not stored; the signed paper is the record.
      const pdf = await renderPdf(model);
      await db.transaction().execute((trx) =>
        appendAudit(trx, actorOf(req, 'matter.read'), {
          action: 'document.proof_of_service.print',
          entityType: 'document',
          entityId: doc.id,
          summary: `打印送达回证：${doc.title} ${doc.number}`,
          after: { serviceId: service.id },
        }),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', `送达回证_${doc.number}`, 'pdf'))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
