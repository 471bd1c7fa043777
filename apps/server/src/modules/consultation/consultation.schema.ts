import { z } from 'zod';
import { intakeBody } from '../intake';
import { CONSULTATION_CHANNELS } from './consultation.tables';

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const CONSULTATION_CHANNEL_LABELS: Record<(typeof CONSULTATION_CHANNELS)[number], string> = {
  window: '窗口来访',
  phone: '电话',
  online: '网上',
  hotline_12333: '12333热线',
  petition_window: '信访维权咨询窗口',
};

export const logBody = z.strictObject({
  jurisdictionId: z.uuid('请选择辖区'),
  channel: z.enum(CONSULTATION_CHANNELS, '咨询渠道不正确'),
  topic: z.string().trim().min(1, '请填写咨询主题').max(60),
  question: z.string().trim().min(1, '请填写咨询问题').max(2000),
  answer: z.string().trim().min(1, '请填写解答内容').max(5000),
  legalBasis: z.string().trim().max(1000).default(''),
  kbEntryId: z.uuid().optional().describe('引用的知识库条目'),
  matterId: z.uuid().optional().describe('所属维权事项（可不填：单独的咨询）'),
  visitorName: z.string().trim().max(100).optional(),
  visitorPhone: z.string().trim().max(30).optional(),
});

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  matterId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The intake form without the place (the consultation's) plus the consultation's version. */
export const convertBody = intakeBody.omit({ jurisdictionId: true }).extend({
  version: z.number().int().min(1),
  jurisdictionId: z.uuid().optional().describe('缺省为咨询登记的辖区'),
});

export const consultationSchema = z.object({
  id: z.string(),
  matterId: z.string().nullable(),
  matterNumber: z.string().nullable(),
  jurisdictionId: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  topic: z.string(),
  question: z.string(),
  answer: z.string(),
  legalBasis: z.string(),
  kbEntryId: z.string().nullable(),
  visitorName: z.string().nullable(),
  visitorPhone: z.string().nullable().describe('已脱敏'),
  staffName: z.string(),
  state: z.enum(['answered', 'converted']),
  convertedMatterId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export const consultationListSchema = z.object({ items: z.array(consultationSchema) });
export const convertResultSchema = z.object({
  consultation: consultationSchema,
  matter: z.object({ id: z.string(), number: z.string() }),
});
