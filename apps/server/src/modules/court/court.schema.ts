import { z } from 'zod';
import { intakeBody } from '../intake';
import { documentPaymentItems } from '../obligations';
import { isoDate as calendarDate } from '../../platform/schema-types';

const date = calendarDate();
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const delegateBody = z.strictObject({
  jurisdictionId: z.uuid().optional().describe('缺省为事项或本人岗位所在辖区'),
  courtOrgId: z.uuid().optional().describe('委派法院；缺省为本人所在法院'),
  courtCaseNo: z.string().trim().max(100).optional().describe('法院案号'),
  applicantName: z.string().trim().max(100).optional(),
  respondentName: z.string().trim().max(200).optional(),
  summary: text(5000, '纠纷概要'),
  matterId: z.uuid().optional().describe('已登记的维权事项'),
  intake: intakeBody
    .omit({ channel: true, requestKind: true })
    .optional()
    .describe('同时经一窗受理登记为维权事项（渠道：法院委派）'),
});

export const confirmationBody = z.strictObject({
  matterId: z.uuid('请选择维权事项'),
  courtOrgId: z.uuid('请选择受理司法确认的人民法院'),
  agreementTerms: text(5000, '调解协议内容'),
  agreementEffectiveOn: date.describe('调解协议生效日期'),
  applicantName: z.string().trim().max(100).optional(),
  respondentName: z.string().trim().max(200).optional(),
});

export const DOCKING_EVENTS = [
  'start_mediation',
  'agree',
  'return_to_court',
  'apply_confirmation',
  'confirm',
  'reject',
] as const;
export const stepParams = z.strictObject({
  id: z.uuid('编号格式不正确'),
  event: z.enum(DOCKING_EVENTS, '操作不正确'),
});

export const stepBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  agreementTerms: z.string().trim().max(5000).optional(),
  agreementEffectiveOn: date.optional(),
  returnedReason: z.string().trim().max(2000).optional(),
  appliedOn: date.optional(),
  rulingNo: z.string().trim().max(100).optional().describe('法院裁定书文号'),
  resultOn: date.optional(),
  note: z.string().trim().max(2000).optional().describe('法院处理结果说明'),
  payments: documentPaymentItems
    .optional()
    .describe('司法确认（confirm）时：经确认的调解协议中的支付事项，每一项成为一项履行义务（issue #21）'),
});

export const listQuery = z.strictObject({
  kind: z.enum(['delegated', 'confirmation']).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const dockingSchema = z.object({
  id: z.string(),
  kind: z.enum(['delegated', 'confirmation']),
  kindLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  closed: z.boolean(),
  matter: z.object({ id: z.string(), number: z.string() }).nullable(),
  court: z.object({ id: z.string(), name: z.string() }),
  courtCaseNo: z.string().nullable(),
  applicantName: z.string(),
  respondentName: z.string(),
  summary: z.string(),
  mediatorName: z.string().nullable(),
  agreementTerms: z.string().nullable(),
  agreementEffectiveOn: z.string().nullable(),
  confirmationDue: z.string().nullable().describe('申请司法确认的截止日（三十日）'),
  returnedReason: z.string().nullable(),
  confAppliedOn: z.string().nullable(),
  courtRulingNo: z.string().nullable(),
  courtResultOn: z.string().nullable(),
  courtResultNote: z.string().nullable(),
  events: z.array(
    z.object({
      at: z.string(),
      event: z.string(),
      label: z.string(),
      toState: z.string(),
      actorName: z.string(),
      note: z.string().nullable(),
    }),
  ),
  actions: z.array(z.object({ event: z.string(), label: z.string() })),
  version: z.number(),
  createdAt: z.string(),
});

export const dockingListSchema = z.object({ items: z.array(dockingSchema) });
