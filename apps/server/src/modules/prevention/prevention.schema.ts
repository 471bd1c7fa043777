import {
  CLAIM_TYPES,
  MEDIATION_ORG_KINDS,
  MEDIATION_ORG_STATUSES,
  ORG_MEMBER_POSITIONS,
} from '@onestop/domain';
import { z } from 'zod';
import { isoDate } from '../../platform/schema-types';

const date = isoDate();
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不能超过${max}字`).optional();

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const memberBody = z.strictObject({
  name: text(50, '成员姓名'),
  position: z.enum(ORG_MEMBER_POSITIONS, '请选择成员职务'),
  username: z
    .string()
    .trim()
    .max(32)
    .optional()
    .describe('登录名：该成员持有“调解组织调解员”岗位的账号，可登记本组织案件台账'),
});

export const registerBody = z.strictObject({
  name: z.string().trim().min(2, '名称至少2个字').max(200, '名称不能超过200字'),
  kind: z.enum(MEDIATION_ORG_KINDS, '请选择调解组织类型'),
  jurisdictionId: z.uuid('请选择所属辖区'),
  foundedOn: date.describe('成立日期'),
  address: text(200, '地址'),
  contactPerson: optionalText(50, '联系人'),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .describe('企业调委会所在用人单位的统一社会信用代码（企业劳动争议调解委员会必填）'),
  members: z.array(memberBody).max(50, '成员不能超过50人').default([]),
});

export const updateBody = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(MEDIATION_ORG_STATUSES, '请选择状态').optional(),
  address: optionalText(200, '地址'),
  contactPerson: optionalText(50, '联系人'),
});

export const listQuery = z.strictObject({
  kind: z.enum(MEDIATION_ORG_KINDS).optional(),
  jurisdictionId: z.uuid().optional(),
  shortfall: z
    .enum(['true', 'false'])
    .optional()
    .describe('true：只列未达标（最近一次评估未通过或从未评估）的调解组织'),
});

export const assessmentBody = z.strictObject({
  assessedOn: date.describe('评估日期'),
  items: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(30),
        passed: z.boolean(),
        note: optionalText(500, '说明'),
      }),
    )
    .min(1, '请逐项填写评估结果')
    .max(40),
  note: optionalText(2000, '评估意见'),
});

export const checklistUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  label: text(50, '项目名称'),
  guidance: optionalText(500, '评估要点'),
  basis: text(500, '依据'),
  active: z.boolean(),
});

export const caseBody = z.strictObject({
  applicantName: text(100, '申请人'),
  respondentName: text(200, '被申请人'),
  claimType: z.enum(CLAIM_TYPES, '请选择争议事项'),
  summary: text(2000, '纠纷概要'),
  receivedOn: date.describe('收到调解申请之日'),
});

export const caseResultBody = z.strictObject({
  version: z.number().int().min(1),
  result: z.enum(['agreement', 'no_agreement', 'withdrawn'], '请选择调解结果'),
  closedOn: date.describe('结案日期'),
  amountFen: z
    .number()
    .int('金额以分计，须为整数')
    .min(0, '金额不能为负数')
    .max(100_000_000_00, '金额过大')
    .default(0)
    .describe('调解协议约定的金额（分）'),
});

const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string(),
  positionLabel: z.string(),
  username: z.string().nullable(),
});

const itemResultSchema = z.object({
  code: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  label: z.string(),
  passed: z.boolean(),
  note: z.string().nullable(),
  evidence: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  ),
});

export const assessmentSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  assessedOn: z.string(),
  assessedOnText: z.string().describe('中文日期'),
  assessorName: z.string(),
  passed: z.boolean(),
  resultLabel: z.string(),
  failedCount: z.number(),
  failedItems: z.array(z.string()),
  reassessRule: z.object({ id: z.string(), name: z.string(), basis: z.string() }),
  reassessDue: z.string().describe('复评到期日（期限引擎）'),
  reassessDueText: z.string(),
  clockId: z.string().nullable(),
  clockStatus: z.string().nullable().describe('复评期限状态'),
  clockStatusLabel: z.string().nullable(),
  note: z.string().nullable(),
  items: z.array(itemResultSchema),
});

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  statisticsRow: z.string().describe('在调解统计表中计入的调解组织类型'),
  jurisdiction: z.object({ id: z.string(), name: z.string() }),
  foundedOn: z.string(),
  foundedOnText: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  creditCode: z.string().nullable(),
  employer: z.object({ id: z.string(), name: z.string() }).nullable(),
  members: z.array(memberSchema),
  standard: z.object({
    state: z.enum(['never', 'passed', 'failed']),
    label: z.string(),
    lastAssessedOn: z.string().nullable(),
    reassessDue: z.string().nullable(),
    reassessDueText: z.string().nullable(),
  }),
  version: z.number(),
});

export const organizationDetailSchema = organizationSchema.extend({
  assessments: z.array(assessmentSchema),
  events: z.array(
    z.object({ at: z.string(), atText: z.string(), actorName: z.string(), summary: z.string() }),
  ),
});

export const organizationListSchema = z.object({ items: z.array(organizationSchema) });

export const checklistSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      group: z.string(),
      groupLabel: z.string(),
      label: z.string(),
      guidance: z.string(),
      basis: z.string(),
      sort: z.number(),
      active: z.boolean(),
      version: z.number(),
    }),
  ),
});

export const orgCaseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  number: z.string(),
  applicantName: z.string(),
  respondentName: z.string(),
  claimType: z.string(),
  claimTypeLabel: z.string(),
  summary: z.string(),
  receivedOn: z.string(),
  receivedOnText: z.string(),
  result: z.string(),
  resultLabel: z.string(),
  closedOn: z.string().nullable(),
  closedOnText: z.string().nullable(),
  amountFen: z.number(),
  amountText: z.string(),
  referral: z
    .object({
      purpose: z.enum(['handling', 'arbitral_review', 'judicial_confirmation']),
      purposeLabel: z.string(),
      matter: z.object({ id: z.string(), number: z.string() }),
    })
    .nullable()
    .describe('已转送中心：事由与中心的维权事项'),
  version: z.number(),
});

export const orgCaseListSchema = z.object({ items: z.array(orgCaseSchema) });

export const myOrganizationsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kindLabel: z.string() })),
});

export const evidenceListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      itemCode: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
    }),
  ),
});
