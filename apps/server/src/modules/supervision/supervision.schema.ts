import { z } from 'zod';
import { employerInput } from '../parties';
import { isoDate as calendarDate } from '../../platform/schema-types';

const date = calendarDate();
const count = z.number().int().min(0).max(1_000_000);

export const layoffData = z.strictObject({
  totalEmployees: count.min(1, '职工总数至少为1'),
  layoffCount: count.min(1, '裁减人数至少为1'),
  noticeDate: date.describe('向工会或全体职工说明情况之日'),
  plannedDate: date.describe('计划实施日期'),
  unionOpinionHeard: z.boolean(),
  protectedIncluded: z.boolean().optional(),
});
export const dispatchData = z.strictObject({
  contractEmployees: count,
  dispatchedWorkers: count,
  agencyName: z.string().trim().min(1, '请填写派遣单位').max(200),
  agencyLicenceNo: z.string().trim().max(60).optional(),
  licenceValidTo: date.optional(),
  temporaryOverSixMonths: count.optional(),
});
export const specialHoursData = z.strictObject({
  system: z.enum(['comprehensive', 'flexible']),
  positions: z.string().trim().min(1, '请填写岗位').max(500),
  workerCount: count.min(1),
  approvedFrom: date,
  approvedTo: date,
});
export const placementData = z.strictObject({
  workerCount: count.min(1),
  planTitle: z.string().trim().min(1, '请填写方案名称').max(200),
  congressApproved: z.boolean(),
  wageArrearsFen: z.number().int().min(0).optional(),
  socialInsuranceArrearsFen: z.number().int().min(0).optional(),
});

const common = {
  employer: employerInput,
  jurisdictionId: z.uuid('请选择辖区'),
  note: z.string().trim().max(2000).optional(),
};

export const filingBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('layoff'), data: layoffData, ...common }),
  z.strictObject({ kind: z.literal('dispatch'), data: dispatchData, ...common }),
  z.strictObject({ kind: z.literal('special_hours'), data: specialHoursData, ...common }),
  z.strictObject({ kind: z.literal('restructuring'), data: placementData, ...common }),
  z.strictObject({ kind: z.literal('bankruptcy'), data: placementData, ...common }),
]);
export type FilingBody = z.infer<typeof filingBody>;

export const minimumWageQuery = z.strictObject({
  areaCode: z.string().regex(/^\d{6}$/, '地区代码应为6位数字'),
  on: date.optional(),
  monthlyFen: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('实发月工资（分）：给出时判断是否低于最低工资'),
});

export const minimumWageBody = z.strictObject({
  areaCode: z.string().regex(/^\d{6}$/, '地区代码应为6位数字'),
  tier: z.number().int().min(1).max(4),
  monthlyFen: z.number().int().min(1),
  hourlyFen: z.number().int().min(1),
  effectiveFrom: date,
  basis: z.string().trim().min(1, '请填写依据').max(500),
});

export const openCaseBody = z.strictObject({ version: z.number().int().min(1).optional() });

// ---- Responses (what the routes return; the serializer drops anything not listed) ----

const filingKind = z.enum(['layoff', 'dispatch', 'special_hours', 'restructuring', 'bankruptcy', 'outreach']);
const filingStatus = z.enum(['filed', 'flagged', 'approved', 'rejected', 'case_opened']);

/** One problem a check found, with its legal basis. */
export const filingFlag = z.object({ code: z.string(), message: z.string(), basis: z.string() });

/** What the checks computed (the fields present depend on the kind of filing). */
export const filingResult = z.object({
  flags: z.array(filingFlag),
  procedureRequired: z.boolean().optional().describe('经济性裁员：须履行法定程序'),
  ratioPercent: z.number().optional(),
  total: z.number().optional(),
  capPercent: z.number().optional(),
  maxAllowed: z.number().optional(),
});

export const filingCheckResponse = z.object({ result: filingResult, flags: z.array(filingFlag) });

export const filingListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: filingKind,
      kindLabel: z.string(),
      status: filingStatus,
      flagCount: z.number(),
      caseId: z.string().nullable(),
      employerName: z.string(),
      creditCode: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

/**
 * What a filing stored: the fields its kind's form has (layoff, dispatch, special hours, placement; an
 * outreach finding names its visit and issue) and the checks' result.
 */
const filingData = z
  .object({
    ...layoffData.shape,
    ...dispatchData.shape,
    ...specialHoursData.shape,
    ...placementData.shape,
    visitId: z.string(),
    issueId: z.string(),
    visitedOn: z.string(),
    result: filingResult,
  })
  .partial()
  .describe('备案所填内容（按备案种类）及校验结果 result');

export const filingDetailResponse = z.object({
  id: z.string(),
  kind: filingKind,
  kindLabel: z.string(),
  employer: z.object({ id: z.string(), name: z.string(), creditCode: z.string().nullable() }),
  data: filingData,
  flags: z.array(filingFlag),
  status: filingStatus,
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

/** The stored data of a filing (its form's fields and the checks' result). */
export type FilingData = z.infer<typeof filingDetailResponse>['data'];

export const openedCaseResponse = z.object({
  matterId: z.string(),
  matterNumber: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
});

const minimumWageRow = z.object({
  areaCode: z.string(),
  tier: z.number(),
  monthlyFen: z.number(),
  hourlyFen: z.number(),
  effectiveFrom: z.string(),
  basis: z.string(),
});

export const minimumWageResponse = minimumWageRow.extend({
  on: z.string(),
  paidFen: z.number().optional(),
  below: z.boolean().optional(),
  shortfallFen: z.number().optional(),
  basisOfRule: z.string(),
});

export const minimumWageTableResponse = z.object({ items: z.array(minimumWageRow) });
