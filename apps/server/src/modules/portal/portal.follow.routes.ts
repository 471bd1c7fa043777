import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { AppError, errorResponses, errorSchema, errors } from '../../platform/errors';
import { withIdempotency } from '../../platform/idempotency';
import { contentDisposition } from '../documents';
import { markOpened } from '../documents';
import { getDocumentsService } from '../documents';
import { appendEvent } from '../../platform/scope';
import { membershipOf, myMemberships } from './portal.access';
import { consentRef } from './portal.apply.service';
import { listMatters, matterDetail, ratableTracks, servedDocuments } from './portal.follow.service';
import { loadProposal, replyToProposal } from './portal.proposal';
import {
  consentBody,
  defenceBody,
  evidenceBody,
  matterParam,
  messageBody,
  okResponse,
  portalMatterDetailSchema,
  portalMatterListSchema,
  portalMessagesSchema,
  portalProposalSchema,
  proposalReplyBody,
  ratingBody,
  serviceParam,
} from './portal.schema';
import { portalActor, requireAccount, requirePortal } from './portal.session';
import { attachUploads, idempotencyKeyOf } from './portal.uploads';
import { fileResponse, MEDIA } from '../../platform/openapi-content';

const tags = ['当事人门户'];
const responses = { ...errorResponses, 422: errorSchema, 429: errorSchema };

/** Following one's own matters. Every route resolves the caller's membership first (404 otherwise). */
export const portalFollowRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const docs = getDocumentsService(ctx);

  app.get(
    '/matters',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '我的事项',
        response: { 200: portalMatterListSchema, ...responses },
      },
    },
    async (req) => ({ items: await listMatters(db, await myMemberships(db, requirePortal(req))) }),
  );

  app.get(
    '/matters/:id',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '事项进度：通俗时间线、调解和开庭时间、送达给我的文书、评价',
        params: matterParam,
        response: { 200: portalMatterDetailSchema, ...responses },
      },
    },
    async (req) => {
      const p = requirePortal(req);
      const m = await membershipOf(db, p, req.params.id);
      return matterDetail(db, m, p.kind === 'account');
    },
  );

  app.get(
    '/matters/:id/documents/:serviceId/file',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '打开送达给我的文书（电子送达：首次打开的时间即送达时间，只记录一次）',
        params: serviceParam,
        response: { 200: fileResponse('送达的文书 PDF', MEDIA.pdf), ...responses },
      },
    },
    async (req, reply) => {
      const p = requirePortal(req);
      const m = await membershipOf(db, p, req.params.id);
      const doc = (await servedDocuments(db, m)).find((d) => d.serviceId === req.params.serviceId);
      if (!doc) throw errors.notFound('文书');
      const row = await db
        .selectFrom('document')
        .select(['pdf_key'])
        .where('id', '=', doc.documentId)
        .executeTakeFirstOrThrow();
      if (!row.pdf_key) throw new AppError(409, 'DOCUMENT_NOT_READY', '文书正在生成，请稍后再试');
      const data = await docs.storage.get(row.pdf_key);
      if (!data) throw new AppError(409, 'DOCUMENT_NOT_READY', '文书正在生成，请稍后再试');
      const actor = portalActor(req, `${m.partyName}（网上）`);
      await db.transaction().execute(async (trx) => {
        await markOpened(trx, actor, doc.documentId, doc.serviceId);
        await appendAudit(trx, actor, {
          action: 'portal.document.view',
          entityType: 'document',
          entityId: doc.documentId,
          summary: `当事人网上查看${doc.title}${doc.number ?? ''}`,
        });
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          contentDisposition('inline', `${doc.title}_${doc.number ?? ''}`, 'pdf'),
        )
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  app.get(
    '/matters/:id/messages',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '与工作人员的留言（打开即标记已读）',
        params: matterParam,
        response: { 200: portalMessagesSchema, ...responses },
      },
    },
    async (req) => {
      const m = await membershipOf(db, requirePortal(req), req.params.id);
      const rows = await db
        .selectFrom('portal_message')
        .select(['id', 'direction', 'body', 'staff_name', 'created_at'])
        .where('matter_id', '=', m.matterId)
        .where('party_id', '=', m.partyId)
        .orderBy('created_at')
        .execute();
      await db
        .updateTable('portal_message')
        .set({ read_at: new Date() })
        .where('matter_id', '=', m.matterId)
        .where('party_id', '=', m.partyId)
        .where('direction', '=', 'to_party')
        .where('read_at', 'is', null)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          fromMe: r.direction === 'from_party',
          author: r.direction === 'from_party' ? '我' : '工作人员',
          body: r.body,
          at: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/matters/:id/messages',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '给工作人员留言',
        params: matterParam,
        body: messageBody,
        response: { 201: okResponse, ...responses },
      },
    },
    async (req, reply) => {
      const m = await membershipOf(db, requirePortal(req), req.params.id);
      await db
        .insertInto('portal_message')
        .values({ matter_id: m.matterId, party_id: m.partyId, direction: 'from_party', body: req.body.body })
        .execute();
      return reply.status(201).send({ ok: true });
    },
  );

  app.post(
    '/matters/:id/evidence',
    {
      config: { auth: 'public', portal: 'account' },
      schema: {
        tags,
        summary: '补充证据（先上传文件；须带 Idempotency-Key）',
        params: matterParam,
        body: evidenceBody,
        response: { 201: z.object({ count: z.number() }), ...responses },
      },
    },
    async (req, reply) => {
      const p = requireAccount(req);
      const m = await membershipOf(db, p, req.params.id);
      idempotencyKeyOf(req, true);
      return withIdempotency(
        db,
        req,
        reply,
        `portal.evidence:${p.accountId}`,
        async () => {
          const matter = await db
            .selectFrom('matter')
            .select('status')
            .where('id', '=', m.matterId)
            .executeTakeFirstOrThrow();
          if (matter.status !== 'registered' && matter.status !== 'routed') {
            throw new AppError(409, 'MATTER_CLOSED', '事项已办结，不能再提交证据');
          }
          const count = await db
            .transaction()
            .execute((trx) =>
              attachUploads(
                trx,
                portalActor(req, `${m.partyName}（网上）`),
                p.accountId,
                m.matterId,
                req.body.uploadIds,
                req.body.note ?? (m.role === 'employer' ? '用人单位网上提交' : '申请人网上补充'),
              ),
            );
          return { status: 201, body: { count } };
        },
        // After a lost response: the attaching transaction returned the count.
        async (count) => ({ status: 201, body: { count: count as number } }),
      );
    },
  );

  app.post(
    '/matters/:id/defence',
    {
      config: { auth: 'public', portal: 'account' },
      schema: {
        tags,
        summary: '用人单位网上答辩（可附证据）',
        params: matterParam,
        body: defenceBody,
        response: { 201: okResponse, ...responses },
      },
    },
    async (req, reply) => {
      const p = requireAccount(req);
      const m = await membershipOf(db, p, req.params.id);
      if (m.role !== 'employer') throw errors.forbidden('只有被申请人可以提交答辩');
      const actor = portalActor(req, `${m.partyName}（网上）`);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('portal_message')
          .values({
            matter_id: m.matterId,
            party_id: m.partyId,
            direction: 'from_party',
            body: `【答辩意见】${req.body.text}`.slice(0, 2000),
          })
          .execute();
        await attachUploads(trx, actor, p.accountId, m.matterId, req.body.uploadIds, '用人单位答辩证据');
        await appendEvent(trx, actor, m.matterId, 'portal_defence', '用人单位网上提交答辩意见', {
          text: req.body.text,
        });
        await appendAudit(trx, actor, {
          action: 'portal.defence',
          entityType: 'matter',
          entityId: m.matterId,
          summary: `${m.partyName}网上提交答辩意见`,
        });
      });
      return reply.status(201).send({ ok: true });
    },
  );

  app.post(
    '/matters/:id/consents',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '同意（或撤回）调解、电子送达',
        params: matterParam,
        body: consentBody,
        response: { 200: z.object({ ref: z.string() }), ...responses },
      },
    },
    async (req) => {
      const m = await membershipOf(db, requirePortal(req), req.params.id);
      const actor = portalActor(req, `${m.partyName}（网上）`);
      const ref = await db.transaction().execute(async (trx) => {
        const r = await consentRef(trx, req.body.kind, {
          matterId: m.matterId,
          partyId: m.partyId,
          accountId: req.portal?.accountId ?? null,
          given: req.body.given,
        });
        const what = req.body.kind === 'mediation' ? '调解' : '电子送达';
        await appendEvent(
          trx,
          actor,
          m.matterId,
          req.body.kind === 'mediation' ? 'mediation_consent' : 'service_consent',
          `${m.partyName}网上${req.body.given ? '同意' : '不同意'}${what}`,
          { ref: r },
        );
        await appendAudit(trx, actor, {
          action: `portal.consent.${req.body.kind}`,
          entityType: 'matter',
          entityId: m.matterId,
          summary: `${m.partyName}${req.body.given ? '同意' : '不同意'}${what}（${r}）`,
        });
        return r;
      });
      return { ref };
    },
  );

  app.post(
    '/matters/:id/ratings',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '满意度评价（每个程序办结后一次）',
        params: matterParam,
        body: ratingBody,
        response: { 201: okResponse, ...responses },
      },
    },
    async (req, reply) => {
      const m = await membershipOf(db, requirePortal(req), req.params.id);
      const t = (await ratableTracks(db, m)).find((x) => x.track === req.body.track);
      if (!t) throw new AppError(409, 'RATING_NOT_OPEN', '办结后才能评价');
      if (t.score !== null) throw new AppError(409, 'RATING_DONE', '您已经评价过了，谢谢');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('satisfaction_rating')
          .values({
            matter_id: m.matterId,
            case_id: t.caseId,
            track: t.track,
            party_id: m.partyId,
            score: req.body.score,
            comment: req.body.comment ?? null,
          })
          .execute();
        if (t.caseId) {
          await trx
            .updateTable('satisfaction_request')
            .set({
              state: 'answered',
              rating: req.body.score,
              comment: req.body.comment ?? null,
              answered_at: new Date(),
            })
            .where('case_id', '=', t.caseId)
            .where('party_id', '=', m.partyId)
            .where('state', '=', 'pending')
            .execute();
        }
        await appendAudit(trx, portalActor(req), {
          action: 'portal.rating',
          entityType: 'matter',
          entityId: m.matterId,
          summary: `满意度评价：${t.label} ${req.body.score}分`,
        });
      });
      return reply.status(201).send({ ok: true });
    },
  );

  app.get(
    '/matters/:id/proposal',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '送达给我的调解建议书（逐项）',
        params: matterParam,
        response: { 200: portalProposalSchema, ...responses },
      },
    },
    async (req) => loadProposal(db, await membershipOf(db, requirePortal(req), req.params.id)),
  );

  app.post(
    '/matters/:id/proposal',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags,
        summary: '逐项答复调解建议书（同意、不同意或提出可接受的金额）',
        params: matterParam,
        body: proposalReplyBody,
        response: { 200: portalProposalSchema, ...responses },
      },
    },
    async (req) =>
      replyToProposal(ctx, req, await membershipOf(db, requirePortal(req), req.params.id), req.body),
  );
};
