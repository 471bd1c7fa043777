import { z } from 'zod';
import type { FieldKind } from './render/templates/template';
import { DOCUMENT_STATES, SERVICE_METHODS, SERVICE_STATES, SUBJECT_TYPES } from './documents.tables';
import { isoDate as calendarDate, isoDateTime } from '../../platform/schema-types';
import { multipartBody } from '../../platform/openapi-content';

const uuid = (message = '编号格式不正确') => z.string().uuid(message);
const isoDate = calendarDate();
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字符`);

export const idParam = z.strictObject({ id: uuid() });
export const serviceParam = z.strictObject({ id: uuid(), serviceId: uuid() });
export const rowVersion = z.number().int().min(1).describe('乐观锁版本号：须与读取时一致，否则返回 409');
/**
 * A template field's value, by the kinds of field the templates take (render/templates/template.ts
 * FieldKind): text, choice, date and datetime as strings, amount and days as numbers, texts as a list of
 * strings, items as a list of records; besides the required fields, a template may take a flag
 * (boolean), a record (e.g. previousNotice { number, date }) or a list of records (signatureImages).
 */
const fieldScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fieldRecord = z.record(z.string(), z.union([fieldScalar, z.array(fieldScalar)]));
export const documentFieldValue = z
  .union([fieldScalar, z.array(z.union([fieldScalar, fieldRecord])), fieldRecord])
  .meta({
    id: 'DocumentFieldValue',
    description:
      '模板字段的值：文字、选项、日期为字符串，金额、天数为数字，文字列表为字符串数组，明细为对象数组（对象的值为字符串、数字、布尔、null 或其数组）',
  });
export const documentFields = z.record(z.string(), documentFieldValue);
export type DocumentFields = z.infer<typeof documentFields>;
const fields = documentFields.describe('模板字段（见 GET /api/documents/types）');

export const listQuery = z.strictObject({
  subjectType: z.enum(SUBJECT_TYPES, '对象类型不正确'),
  subjectId: uuid('对象编号格式不正确'),
});

export const createBody = z.strictObject({
  subjectType: z.enum(SUBJECT_TYPES, '对象类型不正确'),
  subjectId: uuid('对象编号格式不正确'),
  type: z.string().min(1, '请选择文书类型').max(60),
  issuerOrgId: uuid('发文机关编号格式不正确').optional(),
  fields,
});

export const updateBody = z.strictObject({ fields, rowVersion });
export const issueBody = z.strictObject({ rowVersion: rowVersion.optional() });
export const correctBody = z.strictObject({
  reason: text(500, '更正理由'),
  fields: fields.optional().describe('更正后的字段；省略时沿用原文书字段'),
});

export const serviceBody = z.strictObject({
  recipient: text(100, '受送达人'),
  recipientRole: z.string().trim().max(50).optional(),
  method: z.enum(SERVICE_METHODS, '送达方式不正确'),
  place: z.string().trim().max(200).optional(),
  partyId: z
    .string()
    .uuid('受送达人编号格式不正确')
    .optional()
    .describe('受送达人为本事项当事人时其编号；电子送达以该当事人在档的同意为准（不手填同意编号）'),
  trackingNo: z.string().trim().max(60).optional().describe('邮寄送达：邮件单号'),
  noticeDate: isoDate.optional().describe('公告送达：公告发布日期（经过三十日视为送达）'),
  note: z.string().trim().max(500).optional(),
});

export const serviceResultBody = z.strictObject({
  outcome: z.enum(['served', 'refused', 'returned'], '送达结果不正确'),
  servedAt: isoDateTime('送达时间格式不正确').optional(),
  signer: z.string().trim().max(100).optional(),
  refusalReason: z.string().trim().max(500).optional(),
  witnesses: z.string().trim().max(200).optional(),
  note: z.string().trim().max(500).optional(),
  rowVersion,
});

const serviceSchema = z.object({
  id: z.string(),
  recipient: z.string(),
  recipientRole: z.string().nullable(),
  method: z.enum(SERVICE_METHODS),
  methodLabel: z.string(),
  place: z.string().nullable(),
  consentRef: z.string().nullable(),
  trackingNo: z.string().nullable(),
  noticeDate: z.string().nullable(),
  servedAt: z.string().nullable(),
  firstOpenedAt: z.string().nullable(),
  signer: z.string().nullable(),
  refusalReason: z.string().nullable(),
  witnesses: z.string().nullable(),
  note: z.string().nullable(),
  state: z.enum(SERVICE_STATES),
  stateLabel: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  rowVersion: z.number(),
});

export const documentSchema = z
  .object({
    id: z.string(),
    subjectType: z.enum(SUBJECT_TYPES),
    subjectId: z.string(),
    type: z.string(),
    title: z.string(),
    version: z.number().describe('第几版（更正文书为原版本 + 1）'),
    supersedesId: z.string().nullable(),
    supersededById: z.string().nullable(),
    correctionReason: z.string().nullable(),
    state: z.enum(DOCUMENT_STATES),
    stateLabel: z.string(),
    issuer: z.object({ id: z.string(), name: z.string() }),
    number: z.string().nullable().describe('文号，签发时生成'),
    issuedDate: z.string().nullable(),
    issuedAt: z.string().nullable(),
    issuedBy: z.string().nullable(),
    sha256: z.string().nullable().describe('签发版 PDF 的 SHA-256'),
    shortCode: z.string().nullable().describe('验证码 XXXX-XXXX'),
    hasPdf: z.boolean(),
    hasDocx: z.boolean(),
    renderError: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string().nullable(),
    rowVersion: z.number(),
    serviceSummary: z.enum(['none', 'pending', 'partial', 'served', 'returned']),
    services: z.array(serviceSchema),
    fields: documentFields.optional(),
  })
  .meta({ id: 'Document' });

/** The kinds of template field (render/templates/template.ts FieldKind), one input control each. */
const FIELD_KINDS = [
  'text',
  'date',
  'datetime',
  'amount',
  'days',
  'choice',
  'texts',
  'items',
] as const satisfies readonly FieldKind[];

const fieldSpecSchema: z.ZodType = z
  .lazy(() =>
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(FIELD_KINDS),
      choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
      item: z.array(fieldSpecSchema).optional(),
    }),
  )
  .meta({ id: 'DocumentFieldSpec' }); // recursive: a named component, so the OpenAPI $ref resolves

export const typesResponse = z.object({
  items: z.array(
    z.object({
      type: z.string(),
      title: z.string(),
      required: z.array(fieldSpecSchema),
      /** May be drafted on its own (POST /documents); other types only through their flows */
      freeStanding: z.boolean(),
      issuers: z.array(z.object({ id: z.string(), name: z.string(), pattern: z.string() })),
    }),
  ),
});

export const verifyResponse = z
  .object({
    found: z.boolean(),
    issued: z.boolean(),
    shortCode: z.string().optional(),
    type: z.string().optional(),
    title: z.string().optional(),
    issuerName: z.string().optional(),
    issuedDate: z.string().nullable().optional(),
    number: z.string().nullable().optional(),
    sha256: z.string().nullable().optional(),
    version: z.number().optional(),
    caseNumber: z.string().nullable().optional().describe('案号（文书所属案件）'),
    amounts: z
      .array(z.object({ label: z.string(), amount: z.string() }))
      .optional()
      .describe('文书载明的金额（核对纸质文书上的数字是否被改动）'),
    corrects: z
      .object({ number: z.string().nullable(), issuedDate: z.string().nullable() })
      .nullable()
      .optional()
      .describe('本文书为更正文书时，被更正的文书'),
    superseded: z.boolean().optional(),
    supersededBy: z
      .object({ number: z.string().nullable(), issuedDate: z.string().nullable() })
      .nullable()
      .optional(),
    message: z.string(),
  })
  .meta({ id: 'DocumentVerification' });

export const verifyFileResponse = verifyResponse.extend({ fileSha256: z.string() });

export const patternSchema = z.object({
  id: z.string(),
  issuerOrgId: z.string(),
  issuerName: z.string(),
  type: z.string(),
  typeTitle: z.string(),
  pattern: z.string(),
  basis: z.string(),
  version: z.number(),
});

export const patternBody = z.strictObject({
  issuerOrgId: uuid('请选择发文机关'),
  type: z.string().min(1).max(60).describe("文书类型，或 '*' 表示该机关的默认格式"),
  pattern: text(100, '文号格式'),
  basis: text(500, '依据'),
});

export const patternUpdateBody = z.strictObject({
  pattern: text(100, '文号格式'),
  basis: text(500, '依据'),
  version: rowVersion,
});

/** A multipart upload of one part named "file" (consumes + body, to spread into a schema); the handler reads it with req.file(). */
export const multipartFile = (description: string) =>
  multipartBody(`multipart/form-data，字段 file：${description}`, {
    file: { kind: 'file', description, required: true },
  });
