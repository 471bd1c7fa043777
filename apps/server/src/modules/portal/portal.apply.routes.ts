import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { errorResponses, errorSchema } from '../../platform/errors';
import { withIdempotency } from '../../platform/idempotency';
import type { FileStore } from '../../platform/storage';
import { createOnlineApplication } from './portal.apply.service';
import { checkLimit, countAttempt } from './portal.limits';
import { applicationBody, applicationResponse, questionBody, reportBody } from './portal.schema';
import { portalActor, requireAccount } from './portal.session';
import { idempotencyKeyOf, receiveUpload } from './portal.uploads';
import { multipartBody } from '../../platform/openapi-content';

const tags = ['当事人门户'];
const responses = { ...errorResponses, 413: errorSchema, 422: errorSchema, 429: errorSchema };
const uploadSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
});

/** Online submissions: files from the phone, applications, questions, anonymous reports. */
export function portalApplyRoutes(storage: FileStore): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = app.ctx;
    const { db } = ctx.database;

    app.post(
      '/uploads',
      {
        config: { auth: 'public', portal: 'account' },
        schema: {
          tags,
          summary: '上传一张照片或一个 PDF（multipart，字段 file；须带 Idempotency-Key，重试返回同一结果）',
          description: '按文件内容识别类型（JPEG、PNG、PDF），每件不超过 10 MB。',
          ...multipartBody('multipart/form-data：字段 file（一张照片或一个 PDF）', {
            file: {
              kind: 'file',
              description: '一张照片或一个 PDF（JPEG、PNG、PDF，不超过 10 MB）',
              required: true,
            },
          }),
          response: { 201: uploadSchema, 200: uploadSchema, ...responses },
        },
      },
      async (req, reply) => {
        const p = requireAccount(req);
        const r = await receiveUpload(db, storage, req, p.accountId);
        if (r.replay) reply.header('idempotent-replay', 'true');
        return reply.status(r.replay ? 200 : 201).send(r.upload);
      },
    );

    app.post(
      '/applications',
      {
        config: { auth: 'public', portal: 'account' },
        schema: {
          tags,
          summary: '网上申请：投诉、调解申请、仲裁申请（与窗口相同的字段和校验；须带 Idempotency-Key）',
          description:
            '同一劳动者与同一用人单位已有未办结事项时返回 409 DUPLICATE_OPEN_MATTER；确认后带 acknowledgeDuplicate 重新提交。',
          body: applicationBody,
          response: { 201: applicationResponse, ...responses },
        },
      },
      async (req, reply) => {
        const p = requireAccount(req);
        idempotencyKeyOf(req, true);
        type Created = Awaited<ReturnType<typeof createOnlineApplication>>;
        return withIdempotency(
          db,
          req,
          reply,
          `portal.application:${p.accountId}`,
          async () => {
            await checkLimit(db, 'submit.account', p.accountId, '提交次数过多，请一小时后再试');
            const body = await createOnlineApplication(
              ctx,
              p.accountId,
              portalActor(req, `${req.body.worker.name}（网上）`),
              req.body,
            );
            await countAttempt(db, 'submit.account', p.accountId);
            return { status: 201, body };
          },
          // After a lost response: the application's transaction returned the response body.
          async (result) => ({ status: 201, body: result as Created }),
        );
      },
    );

    app.post(
      '/questions',
      {
        config: { auth: 'public', portal: 'account' },
        schema: {
          tags,
          summary: '网上咨询留言（工作人员在“我的留言”中回复）',
          body: questionBody,
          response: { 201: z.object({ id: z.string() }), ...responses },
        },
      },
      async (req, reply) => {
        const p = requireAccount(req);
        await checkLimit(db, 'submit.account', p.accountId, '提交次数过多，请一小时后再试');
        const row = await db.transaction().execute(async (trx) => {
          const r = await trx
            .insertInto('portal_submission')
            .values({
              account_id: p.accountId,
              kind: 'question',
              jurisdiction_id: req.body.jurisdictionId ?? null,
              subject: req.body.subject,
              body: req.body.body,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await appendAudit(trx, portalActor(req), {
            action: 'portal.question.create',
            entityType: 'portal_submission',
            entityId: r.id,
            summary: `网上咨询：${req.body.subject}`,
          });
          return r;
        });
        await countAttempt(db, 'submit.account', p.accountId);
        return reply.status(201).send({ id: row.id });
      },
    );

    app.post(
      '/reports',
      {
        config: { auth: 'public' },
        schema: {
          tags,
          summary: '匿名举报（不需要登录，不保存举报人信息，不会答复；同一网络地址限频）',
          body: reportBody,
          response: { 202: z.object({ received: z.boolean(), receivedAt: z.string() }), ...responses },
        },
      },
      async (req, reply) => {
        await checkLimit(db, 'submit.ip', req.ip, '提交次数过多，请一小时后再试');
        const row = await db.transaction().execute(async (trx) => {
          const r = await trx
            .insertInto('portal_submission')
            .values({
              account_id: null,
              kind: 'report',
              jurisdiction_id: req.body.jurisdictionId ?? null,
              employer_name: req.body.employerName,
              employer_address: req.body.employerAddress ?? null,
              body: req.body.body,
            })
            .returning(['id', 'created_at'])
            .executeTakeFirstOrThrow();
          // 《劳动保障监察条例》第九条第三款；《信访工作条例》第三十条第三款: the reporter stays anonymous; not even the network address goes into the audit record.
          await appendAudit(
            trx,
            { id: null, name: '匿名举报人', role: 'portal', ip: null },
            {
              action: 'portal.report.create',
              entityType: 'portal_submission',
              entityId: r.id,
              summary: `匿名举报：${req.body.employerName}`,
            },
          );
          return r;
        });
        await countAttempt(db, 'submit.ip', req.ip);
        return reply.status(202).send({ received: true, receivedAt: new Date(row.created_at).toISOString() });
      },
    );

    app.get(
      '/questions',
      {
        config: { auth: 'public', portal: 'account' },
        schema: {
          tags,
          summary: '我的咨询留言及回复',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  subject: z.string(),
                  body: z.string(),
                  createdAt: z.string(),
                  replies: z.array(z.object({ body: z.string(), at: z.string() })),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const p = requireAccount(req);
        const subs = await db
          .selectFrom('portal_submission')
          .select(['id', 'subject', 'body', 'created_at'])
          .where('account_id', '=', p.accountId)
          .where('kind', '=', 'question')
          .orderBy('created_at', 'desc')
          .limit(50)
          .execute();
        const replies = subs.length
          ? await db
              .selectFrom('portal_message')
              .select(['submission_id', 'body', 'created_at'])
              .where(
                'submission_id',
                'in',
                subs.map((s) => s.id),
              )
              .where('direction', '=', 'to_party')
              .orderBy('created_at')
              .execute()
          : [];
        return {
          items: subs.map((s) => ({
            id: s.id,
            subject: s.subject ?? '',
            body: s.body ?? '',
            createdAt: new Date(s.created_at).toISOString(),
            replies: replies
              .filter((r) => r.submission_id === s.id)
              .map((r) => ({ body: r.body, at: new Date(r.created_at).toISOString() })),
          })),
        };
      },
    );
  };
}
