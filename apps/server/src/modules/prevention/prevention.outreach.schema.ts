import { CLAIM_TYPES } from '@onestop/domain';
import { z } from 'zod';
import { isoDate } from '../../platform/schema-types';
import { workerInput } from '../parties';

const date = isoDate();
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不能超过${max}字`).optional();

export const VISIT_KINDS = ['enterprise_visit', 'law_session'] as const;
export const VISIT_KIND_LABELS = { enterprise_visit: '走访企业', law_session: '普法宣传' } as const;
export const VISIT_STATUS_LABELS = { planned: '计划', done: '已完成', cancelled: '已取消' } as const;
export const ISSUE_STATE_LABELS = {
  open: '待处理',
  matter: '已转维权事项',
  supervision: '已转劳动关系监管',
} as const;
export const REFERRAL_PURPOSES = ['handling', 'arbitral_review', 'judicial_confirmation'] as const;
export const REFERRAL_PURPOSE_LABELS = {
  handling: '转中心调处',
  arbitral_review: '申请仲裁审查',
  judicial_confirmation: '申请司法确认',
} as const;

const topics = z
  .array(text(50, '主题'))
  .max(20, '主题不能超过20项')
  .describe('走访或宣传的主题（如“劳动合同签订”“工资支付”）');
const staff = z
  .array(z.uuid('工作人员编号格式不正确'))
  .max(10, '参加人员不能超过10人')
  .describe('参加的工作人员（账号编号）；第一位为带队人，缺省为本人');

export const visitBody = z.strictObject({
  kind: z.enum(VISIT_KINDS, '请选择类型'),
  jurisdictionId: z.uuid('请选择辖区'),
  employerName: optionalText(200, '用人单位名称'),
  creditCode: z.string().trim().toUpperCase().optional().describe('用人单位统一社会信用代码（走访企业必填）'),
  address: text(200, '地点'),
  plannedOn: date.describe('计划日期'),
  topics: topics.default([]),
  staffIds: staff.default([]),
});

export const issueInput = z.strictObject({
  description: text(1000, '发现的问题'),
  claimType: z.enum(CLAIM_TYPES, '请选择问题类别').optional(),
  workerCount: z.number().int('人数须为整数').min(1, '涉及人数至少为1').max(100_000).optional(),
});

export const recordBody = z.strictObject({
  version: z.number().int().min(1),
  doneOn: date.describe('实际走访或宣传日期'),
  topics: topics.min(1, '请填写至少一项主题'),
  staffIds: staff.optional(),
  attendanceCount: z.number().int('人数须为整数').min(0, '人数不能为负数').max(100_000, '人数过大'),
  attendees: z
    .array(z.strictObject({ name: text(50, '参加人员姓名'), position: optionalText(50, '职务') }))
    .max(500, '名单不能超过500人')
    .default([]),
  summary: optionalText(2000, '情况记录'),
  issues: z.array(issueInput).max(30, '发现的问题不能超过30项').default([]),
});

export const cancelBody = z.strictObject({
  version: z.number().int().min(1),
  reason: text(500, '取消原因'),
});

export const visitListQuery = z.strictObject({
  status: z.enum(['planned', 'done', 'cancelled']).optional(),
  kind: z.enum(VISIT_KINDS).optional(),
  from: date.optional().describe('计划或完成日期不早于'),
  to: date.optional().describe('计划或完成日期不晚于'),
});

export const issueMatterBody = z.strictObject({
  version: z.number().int().min(1),
  worker: workerInput.describe('反映问题的劳动者（维权事项须有劳动者）'),
  claimType: z.enum(CLAIM_TYPES, '请选择诉求类别').optional().describe('缺省为问题登记时的类别'),
  amountFen: z.number().int().min(0).max(100_000_000_00).optional().describe('金额（分）'),
  facts: optionalText(2000, '事实与理由').describe('缺省为问题描述'),
});

export const issueSupervisionBody = z.strictObject({
  version: z.number().int().min(1),
  note: optionalText(2000, '说明'),
});

export const referralBody = z.strictObject({
  version: z.number().int().min(1),
  purpose: z.enum(REFERRAL_PURPOSES, '请选择转送事由'),
  worker: workerInput
    .omit({ name: true })
    .describe('申请人（劳动者）的证件与联系方式；姓名取台账登记的申请人'),
  employerCreditCode: z.string().trim().toUpperCase().optional().describe('被申请人统一社会信用代码'),
  amountFen: z.number().int().min(0).max(100_000_000_00).optional().describe('请求金额（分）'),
  agreementEffectiveOn: date.optional().describe('调解协议生效日期（申请仲裁审查或司法确认时必填）'),
  note: optionalText(1000, '转送说明'),
});

const issueSchema = z
  .object({
    id: z.string(),
    seq: z.number(),
    description: z.string(),
    claimType: z.string().nullable(),
    claimTypeLabel: z.string().nullable(),
    workerCount: z.number().nullable(),
    state: z.enum(['open', 'matter', 'supervision']),
    stateLabel: z.string(),
    matter: z.object({ id: z.string(), number: z.string() }).nullable(),
    supervisionFilingId: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'PreventionVisitIssue' });

export const visitSchema = z
  .object({
    id: z.string(),
    kind: z.enum(VISIT_KINDS),
    kindLabel: z.string(),
    status: z.enum(['planned', 'done', 'cancelled']),
    statusLabel: z.string(),
    jurisdiction: z.object({ id: z.string(), name: z.string() }),
    employer: z.object({ id: z.string(), name: z.string(), creditCode: z.string().nullable() }).nullable(),
    address: z.string(),
    plannedOn: z.string(),
    plannedOnText: z.string().describe('中文日期'),
    doneOn: z.string().nullable(),
    doneOnText: z.string().nullable(),
    topics: z.array(z.string()),
    staff: z.array(z.object({ id: z.string(), name: z.string() })),
    attendanceCount: z.number().nullable(),
    attendees: z.array(z.object({ name: z.string(), position: z.string().nullable() })),
    summary: z.string().nullable(),
    cancelReason: z.string().nullable(),
    photos: z.array(
      z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
    ),
    issues: z.array(issueSchema),
    version: z.number(),
  })
  .meta({ id: 'PreventionVisit' });

export const visitListSchema = z.object({
  items: z.array(
    visitSchema
      .omit({ attendees: true, photos: true })
      .extend({ photoCount: z.number() })
      .meta({ id: 'PreventionVisitListItem' }),
  ),
});

export const staffListSchema = z.object({
  items: z.array(
    z
      .object({ id: z.string(), name: z.string(), organizationName: z.string() })
      .meta({ id: 'PreventionOutreachStaff' }),
  ),
});

export const photoListSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  ),
});

export const issueResultSchema = z.object({
  issue: issueSchema,
  visitId: z.string(),
  matter: z.object({ id: z.string(), number: z.string() }).nullable(),
  supervisionFilingId: z.string().nullable(),
});
