import { z } from 'zod';
import { isoDate as calendarDate } from '../../platform/schema-types';

const date = calendarDate();

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const screeningQuery = z.strictObject({
  deadline: date.optional().describe('已知的时效或法定期限届满日'),
});

export const referBody = z.strictObject({
  reason: z.string().trim().max(1000).optional().describe('补充说明（缺省为筛查结论）'),
  deadline: date.optional().describe('时效或法定期限届满日（用于判断是否先行援助）'),
  urgentMeasureNeeded: z.boolean().optional().describe('需要紧急保全或先予执行（《法律援助法》第四十四条）'),
  economicHardship: z.boolean().optional().describe('经济困难状况（非免予核查情形时由法律援助机构核查）'),
});

export const decisionBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  decision: z.enum(['grant', 'refuse', 'provisional'], '请选择决定'),
  refusalReason: z.string().trim().max(2000).optional(),
  economicHardship: z.boolean().optional(),
  lawyerName: z.string().trim().max(50).optional().describe('先行援助时同时指派'),
  lawFirm: z.string().trim().max(100).optional(),
});

export const lawyerBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  lawyerName: z.string().trim().min(1, '请填写律师姓名').max(50),
  lawFirm: z.string().trim().min(1, '请填写律师事务所').max(100),
});

export const confirmBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  economicHardship: z.boolean().optional(),
});

export const resultBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  result: z.string().trim().min(1, '请填写援助结果').max(2000),
});

export const listQuery = z.strictObject({
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const screeningSchema = z.object({
  eligible: z.boolean(),
  claimTypes: z.array(z.string()),
  claimLabels: z.array(z.string()),
  applicantPartyId: z.string().nullable(),
  applicantName: z.string().nullable(),
  migrantWorker: z.boolean(),
  meansTestExempt: z.boolean().describe('免予核查经济困难状况'),
  exemptionReason: z.string().nullable(),
  daysLeft: z.number().nullable(),
  deadlineSource: z.enum(['arbitration_limitation', 'entered']).nullable(),
  urgent: z.boolean().describe('≤7日：可先行提供法律援助'),
  reason: z.string(),
  basis: z.string(),
});

export const referralSchema = z.object({
  id: z.string(),
  matter: z.object({ id: z.string(), number: z.string() }),
  case: z.object({
    id: z.string(),
    number: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    version: z.number(),
    closed: z.boolean(),
  }),
  applicantName: z.string(),
  claimTypes: z.array(z.string()),
  meansTestExempt: z.boolean(),
  exemptionReason: z.string().nullable(),
  economicHardship: z.boolean().nullable(),
  urgent: z.boolean(),
  daysLeft: z.number().nullable(),
  urgentMeasureNeeded: z.boolean(),
  reason: z.string(),
  referralDocument: z.object({ id: z.string(), number: z.string().nullable(), state: z.string() }).nullable(),
  decision: z.string().nullable(),
  decidedOn: z.string().nullable(),
  refusalReason: z.string().nullable(),
  lawyerName: z.string().nullable(),
  lawFirm: z.string().nullable(),
  assignedOn: z.string().nullable(),
  assignedLate: z.boolean().describe('超过决定之日起三日指派'),
  result: z.string().nullable(),
  decisionDue: z.string().nullable().describe('审查决定期限（七日）'),
  actions: z.array(z.string()),
  createdAt: z.string(),
});

export const referralListSchema = z.object({ items: z.array(referralSchema) });
export const matterLegalAidSchema = z.object({
  screening: screeningSchema,
  referrals: z.array(referralSchema),
  canRefer: z.boolean(),
});
