import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth';
import { errorResponses, errorSchema } from '../../platform/errors';
import { withIdempotency } from '../../platform/idempotency';
import { loadMatterDetail } from '../matters';
import { idParam, matterDetailSchema } from '../matters';
import { scopeOf } from '../../platform/scope';
import { decideMatterTriage } from './intake.decide';
import { decideBody, intakeBody, triagePreviewResponse } from './intake.schema';
import { createIntake, previewTriage } from './intake.service';
import { openConsentedMediation } from './intake.mediation';

/** Single-window intake (一窗受理): triage preview and the one-call registration. */
export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['窗口受理'];

  app.post(
    '/intake/triage',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary:
          '分流建议（不保存）：推荐程序及理由和法律依据、时效提示、欠薪救济途径选择、优先标识、当日受理',
        body: intakeBody,
        response: { 200: triagePreviewResponse, ...errorResponses },
      },
    },
    async (req) => previewTriage(db, ctx, req.body),
  );

  app.post(
    '/intake',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary:
          '受理登记：一次提交建立当事人（按证件号码复用）、事项、诉求、分流决定与调解同意记录（单一事务）',
        description:
          '支持 Idempotency-Key 请求头：网络重试时返回首次结果，不会重复登记。编号按年连续不断号（随维〔2026〕00123）。',
        body: intakeBody,
        response: { 201: matterDetailSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const detail = async (id: string) => {
        const scope = await scopeOf(db, req.auth!, 'intake.create');
        return { status: 201, body: await loadMatterDetail(db, ctx.cipher, id, req.auth!, scope) };
      };
      return withIdempotency(
        db,
        req,
        reply,
        'intake.create',
        async () => {
          const actor = actorOf(req, 'intake.create');
          const id = await createIntake(ctx, req.auth!, actor, req.body);
          await openConsentedMediation(ctx, req.auth!, actor, id, req.body, req.log);
          return detail(id);
        },
        // After a lost response: createIntake's transaction returned the matter id.
        (id) => detail(id as string),
      );
    },
  );

  // The triage decision on a registered matter (its OpenAPI tag stays with the matters).
  app.post(
    '/matters/:id/triage',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags: ['维权事项'],
        summary: '分流决定：采纳建议或改判（须说明理由）；同一诉求不得进入两个程序',
        params: idParam,
        body: decideBody,
        response: { 200: matterDetailSchema, ...errorResponses },
      },
    },
    async (req) => decideMatterTriage(ctx, req.auth!, actorOf(req, 'intake.create'), req.params.id, req.body),
  );
};
