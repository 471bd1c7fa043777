import { z } from 'zod';

const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const searchQuery = z.strictObject({
  q: z.string().trim().max(100, '检索词不能超过100字').optional(),
  topic: z.string().trim().max(60).optional(),
  includeDrafts: z.enum(['true', 'false']).optional().describe('编辑人员可同时检索未发布的条目'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const publicQuery = z.strictObject({
  q: z.string().trim().max(100, '检索词不能超过100字').optional(),
  topic: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const entryBody = z.strictObject({
  topic: text(60, '主题'),
  question: text(500, '问题'),
  answer: text(5000, '解答'),
  basis: text(1000, '法律依据'),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  published: z.boolean().default(false),
});

export const patchBody = z.strictObject({
  version: z.number().int().min(1),
  topic: text(60, '主题').optional(),
  question: text(500, '问题').optional(),
  answer: text(5000, '解答').optional(),
  basis: text(1000, '法律依据').optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  published: z.boolean().optional(),
});

export const entrySchema = z.object({
  id: z.string(),
  topic: z.string(),
  question: z.string(),
  answer: z.string(),
  basis: z.string().describe('法律依据'),
  tags: z.array(z.string()),
  published: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});

export const publicEntrySchema = entrySchema.omit({ published: true, version: true });

export const entryListSchema = z.object({ items: z.array(entrySchema), topics: z.array(z.string()) });
export const publicListSchema = z.object({ items: z.array(publicEntrySchema), topics: z.array(z.string()) });
