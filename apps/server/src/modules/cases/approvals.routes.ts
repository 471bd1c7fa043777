import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { errorResponses } from '../../platform/errors';
import { decideApproval, pendingFor } from './approvals';

const approvalSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  summary: z.string(),
  state: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  requestedOn: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedOn: z.string().nullable(),
  comment: z.string().nullable(),
  documentId: z.string().nullable(),
  version: z.number(),
});

/** The approver's 工作台: pending approvals and the approver's own decision (approvals.ts). */
export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['审批'];

  app.get(
    '/approvals/pending',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary:
          '待我审批的事项（各条线：仲裁立案、结案审批，监察立案、延长办案期限、撤销立案、结案审批；本人持有审批岗位的辖区内，不含本人报请的事项）',
        response: {
          200: z.object({
            items: z.array(approvalSchema.extend({ track: z.string().nullable() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ items: await pendingFor(db, req.auth!) }),
  );

  app.post(
    '/approvals/:id/decide',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary:
          '审批（批准或退回）：审批人本人操作，审批表的审批人和日期由此生成；监察事项批准即由审批人办理该步骤',
        params: z.object({ id: z.string().uuid('编号格式不正确') }),
        body: z.strictObject({
          approve: z.boolean(),
          comment: z
            .string()
            .trim()
            .max(500, '审批意见不超过500字')
            .optional()
            .describe('审批意见（退回时必填；批准时不填的，审批表载明该事项的默认意见，如“同意立案。”）'),
          version: z.number().int().min(1),
        }),
        response: { 200: approvalSchema, ...errorResponses },
      },
    },
    async (req) =>
      (await decideApproval(app.ctx, req.auth!, actorOf(req, 'matter.read'), req.params.id, req.body))
        .approval,
  );
};
