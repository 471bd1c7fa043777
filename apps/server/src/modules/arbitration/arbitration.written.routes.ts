import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessToday } from '../../platform/time';
import { errorResponses } from '../../platform/errors';
import { assertCaseVisible } from '../cases';
import { act, caseStep } from './arbitration.http';
import { writtenSchema } from './arbitration.responses';
import { caseParam } from './arbitration.schema';
import { orderWrittenHearing, writtenHearingView } from './arbitration.written';

const orderBody = z.strictObject({
  bothPartiesAgreed: z.boolean().describe('双方当事人同意书面审理'),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().optional(),
});

export const submitBody = z.strictObject({
  round: z.enum(['statement', 'reply']),
  text: z.string().trim().min(10, '请写明您的意见（至少10个字）').max(20_000),
  evidenceIds: z.array(z.uuid()).max(20).default([]).describe('本案已提交的证据'),
  uploadIds: z
    .array(z.uuid())
    .max(10)
    .default([])
    .describe('随本次意见新上传的文件（先上传 /api/portal/uploads；须手机号登录），提交时作为本案证据'),
});

/** 书面审理 of a simplified case (issue #20), staff side; the parties submit on the portal (rooms.written.routes.ts). */
export const writtenHearingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const { db } = ctx.database;

  app.post(
    '/arbitration/cases/:caseId/written-hearing',
    caseStep(
      '书面审理：简易处理的案件经双方同意不开庭，设定在线提交陈述意见、证据和质证意见的期限',
      orderBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, async (trx, auth, actor) => ({
        writtenHearing: await orderWrittenHearing(ctx, trx, auth, actor, req.params.caseId, req.body),
      })),
  );

  app.get(
    '/arbitration/cases/:caseId/written-hearing',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags: ['仲裁'],
        summary: '书面审理的期限、双方提交情况，以及能否作出裁决',
        params: caseParam,
        response: { 200: writtenSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertCaseVisible(db, req.auth!, req.params.caseId);
      return writtenHearingView(db, req.params.caseId, businessToday(ctx.config), null);
    },
  );
};
