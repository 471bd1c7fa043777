import { z } from 'zod';
import { intakeBody } from '../intake';
import { PETITION_OUTCOMES } from '../documents';
import { PETITION_CATEGORIES, PETITION_FORMS } from './petitions.tables';
import { isoDate as calendarDate } from '../../platform/schema-types';

const date = calendarDate();
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const FORM_LABELS = { letter: '来信', visit: '来访', call: '来电', online: '网上信访' } as const;
export const CATEGORY_LABELS = {
  suggestion: '建议意见类',
  accusation: '检举控告类',
  claim: '申诉求决类',
} as const;
export const TARGET_LABELS = { inspection: '劳动保障监察', arbitration: '劳动人事争议仲裁' } as const;

export const registerBody = z
  .strictObject({
    matterId: z.uuid().optional().describe('已登记的维权事项；与 intake 二选一'),
    intake: intakeBody
      .omit({ channel: true, requestKind: true })
      .optional()
      .describe('新登记：当事人、诉求（经一窗受理登记为维权事项）'),
    form: z.enum(PETITION_FORMS, '信访形式不正确'),
    petitionerName: z.string().trim().max(100).optional().describe('缺省为第一名劳动者'),
    petitionerPhone: z.string().trim().max(30).optional(),
    petitionerAddress: z.string().trim().max(300).optional(),
    request: text(2000, '信访请求'),
    facts: text(5000, '事实'),
    reasons: z.string().trim().max(5000).default(''),
    disputedConclusion: z.enum(['inspection', 'arbitration']).optional().describe('不服的监察或仲裁处理结论'),
    conclusionRef: z.string().trim().max(100).optional().describe('处理结论文号，如裁决书案号'),
  })
  .refine((b) => Boolean(b.matterId) !== Boolean(b.intake), {
    message: '请选择已登记的事项或填写新登记内容（二选一）',
  });

export const classifyBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  category: z.enum(PETITION_CATEGORIES, '信访事项类别不正确'),
});

export const negotiationBody = z.strictObject({
  occurredOn: date,
  content: text(5000, '协商调处情况'),
  employerAttendee: z.string().trim().max(100).optional(),
  result: z.enum(['continuing', 'agreed', 'failed'], '协商结果不正确'),
});

export const resolveBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  occurredOn: date,
  terms: text(5000, '和解协议内容'),
  agreementSigned: z.literal(true, '和解、调解协议须经双方签字'),
});

export const transferBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  target: z.enum(['inspection', 'arbitration'], '请选择转办去向'),
  reason: text(2000, '转办理由'),
});

export const explainBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  conclusionType: z.enum(['inspection', 'arbitration']).optional().describe('缺省为登记时的不服结论'),
  conclusionRef: z.string().trim().max(100).optional(),
  explanation: text(5000, '释明内容'),
  court: text(100, '引导的人民法院'),
});

export const acceptBody = z.strictObject({ version: z.number().int().min(1).optional() });

export const decideBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  facts: text(5000, '查明事实'),
  opinion: text(5000, '处理意见'),
  outcome: z.enum(Object.keys(PETITION_OUTCOMES) as [keyof typeof PETITION_OUTCOMES], '处理结果类别不正确'),
  legalBasis: text(1000, '依据'),
});

export const STEP_EVENTS = [
  'classify_as_suggestion',
  'reply',
  'forward_accusation',
  'extend',
  'request_review',
  'issue_review',
  'request_re_review',
  'issue_re_review',
  'close',
  'report_upward',
] as const;

export const stepParams = z.strictObject({
  id: z.uuid('编号格式不正确'),
  event: z.enum(STEP_EVENTS, '操作不正确'),
});

export const stepBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  reason: z.string().trim().max(2000).optional(),
  replyReceivedOn: date.optional().describe('信访人收到书面答复（复查意见）之日：复查、复核、办结时必填'),
  extensionReason: z.string().trim().max(1000).optional(),
  receivingOrgan: z.string().trim().max(200).optional(),
  majorOrUrgent: z.boolean().optional(),
  facts: z.string().trim().max(4000).optional().describe('复查、复核：查明的事实（写入复查/复核意见书）'),
  opinion: z.string().trim().max(4000).optional().describe('复查、复核：意见'),
  legalBasis: z.string().trim().max(1000).optional().describe('复查、复核：依据（法律法规条款）'),
});

export const listQuery = z.strictObject({
  state: z.string().max(40).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const docRef = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  state: z.string(),
});

export const petitionSchema = z.object({
  id: z.string(),
  matter: z.object({ id: z.string(), number: z.string() }),
  case: z.object({
    id: z.string(),
    number: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    closed: z.boolean(),
    version: z.number(),
  }),
  form: z.string(),
  formLabel: z.string(),
  petitionerName: z.string(),
  petitionerPhone: z.string().nullable().describe('已脱敏'),
  request: z.string(),
  facts: z.string(),
  reasons: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  disputedConclusion: z.enum(['inspection', 'arbitration']).nullable(),
  conclusionRef: z.string().nullable(),
  transfer: z
    .object({
      id: z.string(),
      state: z.string(),
      toOrgName: z.string(),
      toTrack: z.string().nullable(),
      openedCaseNumber: z.string().nullable(),
      slipDocumentId: z.string().nullable(),
      stage: z
        .enum(['sent', 'received', 'answered', 'returned'])
        .describe('转办单：待接收、已接收、已办结答复、已退回'),
      stageLabel: z.string(),
      sentAt: z.string(),
      decidedAt: z.string().nullable().describe('接收或退回的时间'),
      returnReason: z.string().nullable(),
      openedCaseStateLabel: z.string().nullable().describe('承办机构所开案件的状态'),
    })
    .nullable(),
  records: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['negotiation', 'settlement', 'explanation']).describe('协商调处、和解协议、释法明理'),
      occurredOn: z.string(),
      content: z.string(),
      result: z.string().nullable(),
      documentId: z.string().nullable(),
      actorName: z.string(),
      createdAt: z.string(),
    }),
  ),
  documents: z.array(docRef),
  clocks: z.array(
    z.object({ ruleId: z.string(), name: z.string(), dueDate: z.string(), status: z.string() }),
  ),
  events: z.array(
    z.object({
      at: z.string(),
      event: z.string(),
      label: z.string(),
      toState: z.string(),
      actorName: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  actions: z.array(z.string()).describe('当前用户可执行的操作'),
  createdAt: z.string(),
});

export const petitionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      matterId: z.string(),
      matterNumber: z.string(),
      caseNumber: z.string(),
      state: z.string(),
      stateLabel: z.string(),
      petitionerName: z.string(),
      request: z.string(),
      formLabel: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const petitionResultSchema = z.object({
  petition: petitionSchema,
  document: docRef.nullable().optional(),
});
