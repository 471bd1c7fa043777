import { WAGE_GROUP_KINDS, WAGE_PAYER_CODES } from '@onestop/domain';
import { z } from 'zod';
import { isoDate } from '../../platform/schema-types';

const kinds = Object.keys(WAGE_GROUP_KINDS) as [
  keyof typeof WAGE_GROUP_KINDS,
  ...(keyof typeof WAGE_GROUP_KINDS)[],
];
const payers = WAGE_PAYER_CODES as [
  (typeof WAGE_PAYER_CODES)[number],
  ...(typeof WAGE_PAYER_CODES)[number][],
];

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const lineParam = z.strictObject({ id: z.uuid('编号格式不正确'), lineId: z.uuid('编号格式不正确') });

export const createBody = z.strictObject({
  matterId: z.uuid('请选择维权事项'),
  kind: z.enum(kinds, '请选择台账类型（工程项目、施工现场或用人单位）'),
  name: z.string().trim().min(1, '请填写项目或现场名称').max(200, '名称最多200个字'),
  generalContractor: z.string().trim().min(1).max(200, '总承包单位名称最多200个字').optional(),
});

export const importBody = z.strictObject({
  file: z
    .string()
    .min(1, '请选择要导入的 Excel 文件')
    .max(8_000_000, '文件过大（不超过6MB）')
    .regex(/^[A-Za-z0-9+/=\s]+$/, '文件内容格式不正确')
    .describe('导入模板填写的 .xlsx 文件，Base64 编码'),
  goodRowsOnly: z
    .boolean()
    .optional()
    .describe('有错误的行时：false（缺省）什么都不导入；true 只导入无误的行'),
});

export const paymentBody = z.strictObject({
  amountFen: z.number().int('金额以分为单位').positive('支付金额应大于零').describe('支付金额（分）'),
  paidOn: isoDate(),
  payer: z.enum(payers, '请选择支付方'),
  payerName: z.string().trim().min(1).max(200).optional().describe('支付单位名称（总包代发时为总承包单位）'),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1).describe('台账行的版本（并发修改检查）'),
});

const payment = z.object({
  id: z.string(),
  amountFen: z.number(),
  paidOn: z.string(),
  payer: z.enum(payers),
  payerLabel: z.string(),
  payerName: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
});

const position = {
  claimedFen: z.number(),
  confirmedFen: z.number().nullable(),
  paidFen: z.number(),
  owedFen: z.number(),
  outstandingFen: z.number(),
  position: z.enum(['unpaid', 'partly_paid', 'paid']),
  positionLabel: z.string(),
};

export const totalsSchema = z.object({
  workers: z.number(),
  claimedFen: z.number(),
  owedFen: z.number(),
  paidFen: z.number(),
  outstandingFen: z.number(),
  paidInFull: z.number(),
});

export const wageGroupSchema = z
  .object({
    id: z.string(),
    matterId: z.string(),
    matterNumber: z.string(),
    collective: z.boolean(),
    kind: z.enum(kinds),
    kindLabel: z.string(),
    name: z.string(),
    employerName: z.string().nullable(),
    generalContractor: z.string().nullable(),
    version: z.number(),
    totals: totalsSchema,
    lines: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        idNumberMasked: z.string(),
        phoneMasked: z.string().nullable(),
        periodFrom: z.string(),
        periodTo: z.string(),
        confirmedBy: z.enum(['employer', 'investigation']).nullable(),
        confirmedByLabel: z.string().nullable(),
        sourceRow: z.number().nullable(),
        version: z.number(),
        ...position,
        payments: z.array(payment),
      }),
    ),
  })
  .meta({ id: 'WageGroup' });

export const rowProblemSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });

export const importResultSchema = z
  .object({
    imported: z.number(),
    skipped: z.array(rowProblemSchema),
    group: wageGroupSchema,
  })
  .meta({ id: 'WageImportResult' });

export const wageGroupListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kindLabel: z.string(),
        matterId: z.string(),
        matterNumber: z.string(),
        totals: totalsSchema,
      }),
    ),
  })
  .meta({ id: 'WageGroupList' });

export const piiSchema = z.object({
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});

/** What a worker sees on the portal: the group's totals and the worker's own lines. */
export const workerLedgerSchema = z
  .object({
    groupName: z.string(),
    kindLabel: z.string(),
    totals: totalsSchema,
    lines: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        periodFrom: z.string(),
        periodTo: z.string(),
        confirmedByLabel: z.string().nullable(),
        ...position,
        payments: z.array(payment.omit({ note: true, recordedBy: true })),
      }),
    ),
  })
  .meta({ id: 'WorkerWageLedger' });
