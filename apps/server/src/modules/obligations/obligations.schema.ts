import { NEXT_STEPS, OBLIGATION_SOURCES, OBLIGATION_STATUSES } from '@onestop/domain';
import { z } from 'zod';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const version = z.number().int().min(1, '缺少版本号');
const fen = z.number().int('金额以分为单位').min(1, '金额须大于零').max(100_000_000_00, '金额过大，请核对');

export const PAYERS = ['debtor', 'general_contractor', 'wage_deposit', 'emergency_fund', 'other'] as const;

/**
 * The payment items a binding document states (仲裁调解书, 司法确认的调解协议): each becomes an obligation
 * with the due date written in the document, in instalments where agreed. Used by the modules that
 * record those documents (arbitration, court).
 */
export const documentPaymentItems = z
  .array(
    z.strictObject({
      item: z.string().trim().min(1, '请填写支付事项').max(100, '支付事项不能超过100字'),
      claimType: z.string().trim().max(50).optional().describe('请求类别（诉求目录代码），如 unpaid_wages'),
      amountFen: fen.describe('金额（分）'),
      dueDate: isoDate.describe('文书确定的履行期限'),
      instalments: z
        .array(z.strictObject({ amountFen: fen, dueDate: isoDate }))
        .max(36, '分期不能超过36期')
        .optional()
        .describe('分期履行（各期金额之和须等于该项金额）'),
    }),
  )
  .max(30, '支付事项不能超过30项');

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const paymentParam = z.strictObject({
  id: z.uuid('编号格式不正确'),
  paymentId: z.uuid('编号格式不正确'),
});
export const matterParam = z.strictObject({ matterId: z.uuid('编号格式不正确') });

export const recordPaymentBody = z.strictObject({
  version,
  amountFen: fen.describe('付款金额（分）'),
  paidOn: isoDate.describe('付款日期'),
  payer: z.enum(PAYERS, '请选择付款方').default('debtor'),
  note: z.string().trim().max(500).optional(),
});

export const decidePaymentBody = z.strictObject({
  version,
  confirm: z.boolean(),
  note: z.string().trim().min(1).max(500).optional(),
});

export const nextStepBody = z.strictObject({
  version,
  step: z.enum(NEXT_STEPS, '请选择下一步'),
  court: z.string().trim().min(2, '请填写人民法院').max(100).default('随州市曾都区人民法院'),
});

export const declarePaymentBody = z.strictObject({
  amountFen: fen.describe('收到的金额（分）'),
  paidOn: isoDate.describe('收款日期'),
  uploadId: z.uuid('请先上传转账记录照片').describe('转账记录照片（先上传）'),
  note: z.string().trim().max(500).optional(),
});

export const paymentSchema = z
  .object({
    id: z.string(),
    amountFen: z.number(),
    paidOn: z.string(),
    payer: z.enum(PAYERS),
    payerLabel: z.string(),
    declaredBy: z.enum(['staff', 'worker']),
    declaredByName: z.string(),
    hasProof: z.boolean(),
    proofEvidenceId: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(['declared', 'confirmed', 'rejected']),
    statusLabel: z.string(),
    decidedByName: z.string().nullable(),
    decisionNote: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'ObligationPayment' });

export const obligationSchema = z
  .object({
    id: z.string(),
    matterId: z.string(),
    matterNumber: z.string(),
    caseId: z.string().nullable(),
    source: z.enum(OBLIGATION_SOURCES),
    sourceLabel: z.string(),
    sourceDocumentId: z.string().nullable(),
    debtorName: z.string(),
    creditorName: z.string(),
    item: z.string(),
    instalmentNo: z.number(),
    instalmentCount: z.number(),
    amountFen: z.number(),
    paidFen: z.number(),
    unpaidFen: z.number(),
    effectiveDate: z.string().nullable(),
    servedOn: z.string().nullable(),
    dueDate: z.string().nullable(),
    daysOverdue: z.number(),
    basis: z.string(),
    status: z.enum(OBLIGATION_STATUSES),
    statusLabel: z.string(),
    nextStep: z.enum(NEXT_STEPS).nullable(),
    nextStepLabel: z.string().nullable(),
    nextStepDocumentId: z.string().nullable(),
    enforcementPackUrl: z
      .string()
      .nullable()
      .describe('强制执行申请材料（申请书、执行依据、送达及生效证明书合订的一个 PDF；工作人员可见）'),
    /** The next steps open now (overdue, none taken yet), with their basis. */
    nextSteps: z.array(z.object({ step: z.enum(NEXT_STEPS), label: z.string(), basis: z.string() })),
    payments: z.array(paymentSchema),
    /** What the caller may do (the server checks again). */
    actions: z.array(z.enum(['record_payment', 'decide_payment', 'next_step'])),
    version: z.number(),
  })
  .meta({ id: 'Obligation' });

export const obligationListSchema = z
  .object({
    items: z.array(obligationSchema),
    totals: z.object({
      amountFen: z.number(),
      paidFen: z.number(),
      unpaidFen: z.number(),
      overdue: z.number(),
    }),
  })
  .meta({ id: 'ObligationList' });

export const nextStepResultSchema = z
  .object({
    obligation: obligationSchema,
    step: z.enum(NEXT_STEPS),
    obligationIds: z.array(z.string()),
    unpaidTotalFen: z.number(),
    document: z.object({ id: z.string(), number: z.string() }).nullable(),
  })
  .meta({ id: 'ObligationNextStepResult' });

export const sweepResultSchema = z.object({ flagged: z.number() });

export const employerQuery = z.strictObject({ name: z.string().trim().min(2, '请输入单位名称').max(100) });
