import { z } from 'zod';
import { calculationInput } from './calculator.service';
import { ORGANIZATION_KINDS } from './mediation.tables';
import { isoDate as calendarDate, isoDateTime } from '../../platform/schema-types';

const date = calendarDate();
const version = z.number().int().min(1).describe('页面上看到的案件版本（乐观锁）');

export const matterParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const caseParam = z.strictObject({ caseId: z.uuid('编号格式不正确') });
export const sessionParam = z.strictObject({ caseId: z.uuid(), sessionId: z.uuid('编号格式不正确') });
export const followupParam = z.strictObject({ caseId: z.uuid(), followupId: z.uuid('编号格式不正确') });

export const consentBody = z.strictObject({
  given: z.boolean().describe('劳动者是否同意调解'),
  method: z.enum(['window_signature', 'online_confirmation'], '请选择确认方式'),
  workerPartyId: z.uuid().optional().describe('表示意见的劳动者；缺省为第一名劳动者'),
  note: z.string().trim().max(500).optional(),
});

export const startBody = z.strictObject({
  consent: consentBody,
  claimIds: z.array(z.uuid()).max(30).optional().describe('进入调解的诉求；缺省为尚未进入任何程序的诉求'),
  factsUndisputed: z.boolean().default(true).describe('双方对事实无争议（“案情简单”）'),
  handling: z.enum(['center', 'organization']).optional().describe('缺省按“小额简单”标准自动确定'),
  organizationId: z.uuid().optional().describe('转交的调解组织'),
  overrideReason: z.string().trim().max(500).optional(),
});

export const proposalBody = z.strictObject({
  version,
  replyDeadline: date.optional().describe('答复期限；缺省按设置的天数'),
  mediatorName: z.string().trim().min(1).max(50).optional(),
  mediatorContact: z.string().trim().min(3, '请填写调解员联系方式').max(100).optional(),
  items: z
    .array(
      z.strictObject({
        claimId: z.uuid('诉求编号格式不正确'),
        proposedFen: z.number().int('金额须为整数（分）').min(0).max(100_000_000_000).optional(),
        reason: z.string().trim().min(2, '请填写建议理由').max(2000),
        calculation: calculationInput.optional().describe('用计算器得出建议金额（保存计算过程与依据）'),
      }),
    )
    .min(1, '请至少提出一项调解建议')
    .max(30),
});

export const repliesBody = z.strictObject({
  side: z.enum(['worker', 'employer'], '请选择答复方'),
  channel: z.enum(['window', 'phone', 'portal', 'session']).default('window'),
  replies: z
    .array(
      z.strictObject({
        claimId: z.uuid(),
        accepted: z.boolean(),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .min(1, '请至少答复一项')
    .max(30),
});

const mediator = z.strictObject({
  name: z.string().trim().min(1, '请填写调解员姓名').max(50),
  agency: z.enum(['hrss', 'union', 'court', 'justice', 'other']).describe('人社 / 工会 / 法院 / 司法 / 其他'),
});

export const sessionBody = z.strictObject({
  version,
  startsAt: isoDateTime('请填写调解时间'),
  room: z.string().trim().min(1, '请填写调解室').max(200),
  joint: z.boolean().default(false).describe('联合调解（人社 + 工会 + 法院）'),
  mediators: z.array(mediator).min(1, '请至少安排一名调解员').max(10),
  participants: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  employerConsents: z.boolean().optional().describe('用人单位同意参加调解（如尚未答复建议书）'),
});

export const recordBody = z.strictObject({
  version,
  record: z.string().trim().min(2, '请填写调解笔录').max(20_000),
});

export const agreementBody = z.strictObject({
  version,
  performanceDate: date.describe('协议约定的履行期限'),
  signed: z.literal(true, '调解协议书须经双方签名或盖章、调解员签名并加盖调解组织印章'),
  extraTerms: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
  sessionRecord: z.string().trim().max(20_000).optional().describe('当场调解的笔录'),
  instalments: z
    .array(
      z.strictObject({
        claimId: z.uuid('请选择分期履行的事项'),
        amountFen: z.number().int().min(1, '分期金额须大于零'),
        dueDate: date.describe('该期履行期限'),
      }),
    )
    .max(60)
    .default([])
    .describe('分期履行（同一事项各期金额之和须等于协议金额）；未列出的事项于履行期限一次履行'),
});

export const CLOSE_OUTCOMES = [
  'fail',
  'no_show',
  'respondent_refuses',
  'period_expired',
  'withdraw',
] as const;

export const closeBody = z.strictObject({
  version,
  outcome: z.enum(CLOSE_OUTCOMES, '请选择结果'),
  reason: z.string().trim().min(2, '请填写理由').max(2000),
  toArbitration: z.boolean().default(true).describe('未达成的诉求转入仲裁立案（撤回时不适用）'),
});

export const performanceBody = z.strictObject({
  version,
  performed: z.boolean(),
  note: z.string().trim().max(2000).optional(),
  court: z.string().trim().max(200).optional().describe('支付令的管辖法院（未履行时）'),
});

export const followupBody = z.strictObject({
  kind: z.enum(['arbitral_review', 'judicial_confirmation']),
  body: z.string().trim().min(2, '请填写受理机构').max(200),
  filedOn: date,
});

export const followupResultBody = z.strictObject({
  version: z.number().int().min(1),
  result: z.enum(['granted', 'refused']),
  resultOn: date,
  note: z.string().trim().max(2000).optional(),
});

export const referralBody = z.strictObject({
  version,
  decision: z.enum(['accepted', 'returned']),
  note: z.string().trim().max(1000).optional(),
});

export const organizationBody = z.strictObject({
  name: z.string().trim().min(2, '请填写名称').max(200),
  kind: z.enum(ORGANIZATION_KINDS, '请选择类型'),
  jurisdictionCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '辖区代码为六位数字'),
  address: z.string().trim().max(300).optional(),
  contactPerson: z.string().trim().max(50).optional(),
  phone: z.string().trim().max(50).optional(),
  active: z.boolean().default(true),
});

const replySchema = z.enum(['pending', 'accepted', 'rejected']);

/** The worker's consent to mediation on the matter (intake's consentRecord; 《劳动争议调解仲裁法》第三条). */
export const workerConsentSchema = z.object({
  given: z.boolean(),
  method: z.enum(['window_signature', 'online_confirmation']),
  methodLabel: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  recordedById: z.string(),
  recordedByName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  basis: z.string(),
});

/** The employer's consent (its reply to the proposal, or its attendance at a session). */
export const employerConsentSchema = z.object({
  given: z.boolean(),
  at: z.string(),
  recordedBy: z.string(),
  channel: z.string().describe('答复渠道，或 session（到场参加调解）'),
});

/** The mediation case as the panel shows it (mediation.presenter.ts loadMediationDetail). */
export const mediationDetailSchema = z
  .object({
    id: z.string(),
    matterId: z.string(),
    number: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    closed: z.boolean(),
    version: z.number(),
    consent: workerConsentSchema.nullable(),
    employerConsent: employerConsentSchema.nullable(),
    handledBy: z.enum(['center', 'organization']).nullable(),
    handlingReasons: z.array(z.string()),
    organization: z
      .object({ id: z.string(), name: z.string(), kindLabel: z.string(), phone: z.string().nullable() })
      .nullable(),
    referralState: z.enum(['pending', 'accepted', 'returned']).nullable(),
    mediator: z.object({ name: z.string().nullable(), contact: z.string().nullable() }).nullable(),
    replyDeadline: z.string().nullable(),
    performanceDate: z.string().nullable(),
    agreementSignedAt: z.string().nullable(),
    claims: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        label: z.string(),
        amountFen: z.number().nullable(),
        facts: z.string(),
        open: z.boolean(),
        releasedReason: z.string().nullable(),
      }),
    ),
    items: z.array(
      z.object({
        claimId: z.string(),
        claimType: z.string(),
        claimLabel: z.string(),
        claimedFen: z.number().nullable(),
        proposedFen: z.number(),
        reason: z.string(),
        formula: z.string().nullable(),
        basis: z.string().nullable(),
        workerReply: replySchema,
        employerReply: replySchema,
        outcome: z.enum(['agreed', 'refused', 'open']),
        inCase: z.boolean(),
      }),
    ),
    sessions: z.array(
      z.object({
        id: z.string(),
        startsAt: z.string(),
        room: z.string(),
        joint: z.boolean(),
        mediators: z.array(z.object({ name: z.string(), agency: z.string() })),
        participants: z.array(z.string()),
        record: z.string().nullable(),
        status: z.enum(['scheduled', 'held', 'no_show']),
      }),
    ),
    followups: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['arbitral_review', 'judicial_confirmation', 'payment_order']),
        body: z.string(),
        filedOn: z.string(),
        result: z.enum(['pending', 'granted', 'refused']),
        resultOn: z.string().nullable(),
        note: z.string().nullable(),
        version: z.number(),
        claimIds: z.array(z.string()),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        title: z.string(),
        number: z.string().nullable(),
        state: z.string(),
        shortCode: z.string().nullable(),
      }),
    ),
    clocks: z.array(
      z.object({
        id: z.string(),
        ruleId: z.string(),
        dueDate: z.string(),
        status: z.string(),
        basis: z.string(),
      }),
    ),
    arbitrationCase: z.object({ id: z.string(), number: z.string(), state: z.string() }).nullable(),
    allowedActions: z.array(z.string()).describe('本岗位可做的操作（服务端仍逐项校验）'),
  })
  .meta({ id: 'MediationCase' })
  .describe('调解案件详情');

/** The matter's mediation overview (mediation.presenter.ts loadMatterMediation). */
export const mediationOverviewSchema = z
  .object({
    consent: workerConsentSchema.nullable(),
    refusal: z
      .object({
        workerName: z.string(),
        methodLabel: z.string(),
        recordedByName: z.string(),
        at: z.string(),
        note: z.string().nullable(),
        next: z.string().describe('之后怎么办（已转入仲裁的案号，或可直接申请仲裁）'),
        basis: z.string(),
        arbitrationCase: z
          .object({ id: z.string(), number: z.string(), state: z.string(), stateLabel: z.string() })
          .nullable(),
      })
      .nullable()
      .describe('劳动者不同意调解时：谁、何时、如何表示，以及转入的仲裁案件'),
    canStart: z.boolean(),
    freeClaims: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        label: z.string(),
        amountFen: z.number().nullable(),
        track: z.string().nullable(),
      }),
    ),
    whoMediates: z.object({ center: z.boolean(), reasons: z.array(z.string()) }),
    criteria: z.object({
      maxTotalFen: z.number(),
      requireUndisputedFacts: z.boolean(),
      maxEmployers: z.number(),
    }),
    cases: z.array(mediationDetailSchema),
  })
  .meta({ id: 'MatterMediation' })
  .describe('事项的调解概况');
