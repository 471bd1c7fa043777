import { CERTIFICATE_TYPES, ROLE_CODES } from '@onestop/domain';
import { z } from 'zod';
import { isoDate as calendarDate } from '../../platform/schema-types';

const isoDate = calendarDate();
export const idParam = z.strictObject({ id: z.string().uuid('编号格式不正确') });
const version = z.number().int().min(1).describe('乐观锁版本号：须与读取时一致，否则返回 409');

export const roleGrantInput = z.strictObject({
  role: z.enum(ROLE_CODES, '岗位不存在'),
  jurisdictionIds: z.array(z.string().uuid('辖区编号格式不正确')).min(1, '每个岗位至少选择一个辖区').max(20),
});

export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3, '登录名至少 3 个字符')
    .max(32, '登录名最多 32 个字符')
    .regex(/^[A-Za-z0-9_.-]+$/, '登录名只能包含字母、数字、下划线、点和连字符'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名过长'),
  organizationId: z.string().uuid('请选择所属机构'),
  password: z.string().min(1, '请设置初始密码').max(128),
  phone: z
    .string()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确')
    .optional(),
  roles: z.array(roleGrantInput).max(11).default([]),
});

export const updateUserBody = z.strictObject({
  version,
  displayName: z.string().trim().min(1).max(50).optional(),
  organizationId: z.string().uuid().optional(),
  active: z.boolean().optional(),
  phone: z
    .string()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确')
    .nullable()
    .optional(),
  roles: z.array(roleGrantInput).max(11).optional(),
});

export const resetPasswordBody = z.strictObject({ password: z.string().min(1).max(128) });

const ref = z.object({ id: z.string().uuid(), name: z.string() });

export const userSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    organization: ref,
    phoneMasked: z.string().nullable().describe('脱敏后的电话'),
    roles: z.array(
      z.object({
        role: z.enum(ROLE_CODES),
        label: z.string(),
        active: z.boolean(),
        jurisdictions: z.array(ref),
      }),
    ),
    active: z.boolean(),
    lockedUntil: z.string().nullable(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const userListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  organizationId: z.string().uuid().optional(),
  role: z.enum(ROLE_CODES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const certificateTypes = Object.keys(CERTIFICATE_TYPES) as [keyof typeof CERTIFICATE_TYPES];

export const createCertificateBody = z
  .strictObject({
    type: z.enum(certificateTypes, '证件类型不存在'),
    number: z.string().trim().min(1, '请填写证件编号').max(50),
    issuer: z.string().trim().min(1, '请填写发证机关').max(100),
    validFrom: isoDate,
    validTo: isoDate,
  })
  .refine((c) => c.validTo >= c.validFrom, { message: '有效期止不能早于有效期起', path: ['validTo'] });

export const certificateSchema = z
  .object({
    id: z.string().uuid(),
    type: z.string(),
    typeLabel: z.string(),
    licensesRole: z.string(),
    number: z.string(),
    issuer: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    revoked: z.boolean(),
    status: z.enum(['valid', 'expired', 'revoked', 'not_yet_valid']),
  })
  .meta({ id: 'Certificate' });

export const AGENCIES = [
  'hrss',
  'arbitration',
  'inspection',
  'union',
  'court',
  'justice',
  'petition',
] as const;
export const AGENCY_LABELS: Record<(typeof AGENCIES)[number], string> = {
  hrss: '人力资源和社会保障',
  arbitration: '劳动人事争议仲裁',
  inspection: '劳动保障监察',
  union: '工会',
  court: '人民法院',
  justice: '司法行政（法律援助）',
  petition: '信访',
};

export const organizationSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    shortName: z.string(),
    agency: z.enum(AGENCIES),
    agencyLabel: z.string(),
    partnerRole: z.enum(['lead', 'partner']).describe('1+X：lead 牵头（人社），partner 协同'),
    parentId: z.string().uuid().nullable(),
    jurisdictionId: z.string().uuid(),
    jurisdictionName: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Organization' });

export const createOrganizationBody = z.strictObject({
  name: z.string().trim().min(2, '机构名称至少 2 个字').max(100),
  shortName: z.string().trim().min(1).max(30),
  agency: z.enum(AGENCIES, '机构类别不正确'),
  partnerRole: z.enum(['lead', 'partner']),
  parentId: z.string().uuid().nullable().optional(),
  jurisdictionId: z.string().uuid('请选择辖区'),
  address: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
});

export const updateOrganizationBody = z.strictObject({
  version,
  name: z.string().trim().min(2).max(100).optional(),
  shortName: z.string().trim().min(1).max(30).optional(),
  agency: z.enum(AGENCIES).optional(),
  partnerRole: z.enum(['lead', 'partner']).optional(),
  parentId: z.string().uuid().nullable().optional(),
  jurisdictionId: z.string().uuid().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
});

export const jurisdictionSchema = z
  .object({
    id: z.string().uuid(),
    code: z.string(),
    name: z.string(),
    parentId: z.string().uuid().nullable(),
    level: z.enum(['city', 'county']),
    version: z.number().int(),
  })
  .meta({ id: 'Jurisdiction' });

export const createJurisdictionBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '辖区代码应为 6 位行政区划代码'),
  name: z.string().trim().min(2, '辖区名称至少 2 个字').max(50, '辖区名称不超过 50 个字'),
  parentId: z
    .string()
    .uuid('请选择上级辖区')
    .nullable()
    .optional()
    .describe('上级（市级）辖区；不填为市级辖区，每个部署只有一个'),
});

export const updateJurisdictionBody = z.strictObject({ version, name: z.string().trim().min(2).max(50) });

export const roleSchema = z.object({
  code: z.enum(ROLE_CODES),
  label: z.string(),
  permissions: z.array(z.string()),
  requiresCertificate: z.string().nullable(),
});
