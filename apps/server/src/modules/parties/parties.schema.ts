import { IDENTITY_TYPE_LABELS } from '@onestop/domain';
import { z } from 'zod';

export const ID_TYPES = [
  'resident_id',
  'passport',
  'hmt_residence_permit',
  'foreign_permanent_residence',
] as const;
export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const EMPLOYER_STATUSES = ['normal', 'bankrupt', 'restructuring', 'closed'] as const;

export const SIZE_LABELS = { micro: '微型', small: '小型', medium: '中型', large: '大型' } as const;
export const STATUS_LABELS = {
  normal: '正常经营',
  bankrupt: '破产',
  restructuring: '重整/改制',
  closed: '停业/注销',
} as const;
export { IDENTITY_TYPE_LABELS };

const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多${max}个字`);

export const workerInput = z.strictObject({
  name: text(100, '劳动者姓名'),
  idType: z.enum(ID_TYPES, '证件类型不正确'),
  idNumber: z.string().trim().min(1, '请填写证件号码').max(30, '证件号码过长'),
  phone: z.string().trim().max(30).optional(),
  address: z.string().trim().max(300).optional(),
  ethnicity: z
    .string()
    .trim()
    .min(1)
    .max(20, '民族最多20个字')
    .optional()
    .describe('民族（文书当事人基本情况）'),
  migrantWorker: z.boolean().optional(),
  disabled: z.boolean().optional(),
  pregnantOrNursing: z.boolean().optional(),
  minor: z.boolean().optional(),
});
export type WorkerInput = z.infer<typeof workerInput>;

export const employerInput = z.strictObject({
  name: text(200, '用人单位名称'),
  creditCode: z.string().trim().max(30).optional(),
  legalRepresentative: z.string().trim().max(100).optional(),
  legalRepresentativePost: z
    .string()
    .trim()
    .min(1)
    .max(50, '法定代表人职务最多50个字')
    .optional()
    .describe('法定代表人（主要负责人）职务'),
  address: z.string().trim().max(300).optional(),
  contactName: z.string().trim().max(100).optional(),
  contactPhone: z.string().trim().max(30).optional(),
  industry: z.string().trim().max(100).optional(),
  size: z.enum(EMPLOYER_SIZES).optional(),
  status: z.enum(EMPLOYER_STATUSES).optional(),
});
export type EmployerInput = z.infer<typeof employerInput>;

export const partySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['worker', 'employer']),
    name: z.string(),
    idType: z.enum(ID_TYPES).nullable(),
    idTypeLabel: z.string().nullable(),
    idNumberMasked: z.string().nullable().describe('证件号码（脱敏）'),
    creditCode: z.string().nullable().describe('统一社会信用代码（公开信息，不脱敏）'),
    sex: z.enum(['male', 'female']).nullable(),
    birthDate: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    addressMasked: z.string().nullable(),
    migrantWorker: z.boolean(),
    disabled: z.boolean(),
    pregnantOrNursing: z.boolean(),
    minor: z.boolean(),
    legalRepresentative: z.string().nullable(),
    contactName: z.string().nullable(),
    industry: z.string().nullable(),
    size: z.enum(EMPLOYER_SIZES).nullable(),
    status: z.enum(EMPLOYER_STATUSES),
    statusLabel: z.string(),
    version: z.number(),
  })
  .meta({ id: 'Party' });

export const partyPiiSchema = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});

export const lookupQuery = z
  .strictObject({
    idType: z.enum(ID_TYPES).optional(),
    idNumber: z.string().trim().max(30).optional(),
    creditCode: z.string().trim().max(30).optional(),
  })
  .refine((q) => (q.idNumber && q.idType) || q.creditCode, {
    message: '请提供证件类型和证件号码，或统一社会信用代码',
  });

export const lookupResponse = z.object({
  found: z.boolean(),
  party: partySchema.nullable(),
  /** Derived from the ID number (GB 11643): sex and birth date, for the intake screen. */
  derived: z
    .object({
      normalized: z.string(),
      sex: z.enum(['male', 'female']).nullable(),
      birthDate: z.string().nullable(),
      minor: z.boolean(),
    })
    .nullable(),
});

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, '请输入名称').max(100),
  kind: z.enum(['worker', 'employer']).optional(),
});
