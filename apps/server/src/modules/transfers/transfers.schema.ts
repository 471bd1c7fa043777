import { z } from 'zod';
import { CASE_TRACKS } from '../cases';

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const createTransferBody = z.strictObject({
  toOrgId: z.uuid('请选择承办单位'),
  toTrack: z
    .enum(CASE_TRACKS, '承办程序不正确')
    .optional()
    .describe('接收后开立该程序的案件；缺省只转交事项'),
  caseId: z.uuid().optional().describe('从哪个案件转出（其诉求在接收时移交）'),
  claimIds: z.array(z.uuid()).max(30).optional().describe('移交的诉求；缺省为未在办理中的全部诉求'),
  reason: z.string().trim().min(1, '请填写转办理由').max(2000),
});

export const decideBody = z.strictObject({ version: z.number().int().min(1).optional() });

export const returnBody = z.strictObject({
  reason: z.string().trim().max(2000).optional().describe('退回理由（必填，缺少时 422）'),
  version: z.number().int().min(1).optional(),
});

export const listQuery = z.strictObject({
  box: z.enum(['inbox', 'outbox'], '应为 inbox 或 outbox').default('inbox'),
  state: z.enum(['pending', 'accepted', 'returned']).optional(),
});

const ref = z.object({ id: z.string(), name: z.string() });

export const transferSchema = z
  .object({
    id: z.string(),
    matterId: z.string(),
    matterNumber: z.string(),
    matterTitle: z.string().nullable(),
    caseId: z.string().nullable(),
    caseNumber: z.string().nullable(),
    fromOrg: ref,
    fromUser: ref,
    toOrg: ref,
    toTrack: z.enum(CASE_TRACKS).nullable(),
    toTrackLabel: z.string().nullable(),
    claimIds: z.array(z.string()),
    reason: z.string(),
    state: z.enum(['pending', 'accepted', 'returned']),
    stateLabel: z.string(),
    slipDocumentId: z.string().nullable(),
    openedCaseId: z.string().nullable(),
    openedCaseNumber: z.string().nullable(),
    createdAt: z.string(),
    acceptBy: z.string().nullable().describe('应接收的最后工作日（一个工作日内）'),
    overdue: z.boolean(),
    decidedAt: z.string().nullable(),
    decidedBy: ref.nullable(),
    returnReason: z.string().nullable(),
    version: z.number(),
    canDecide: z.boolean().describe('当前用户可接收或退回'),
  })
  .meta({ id: 'Transfer' });

export const transferListSchema = z.object({ items: z.array(transferSchema) });
