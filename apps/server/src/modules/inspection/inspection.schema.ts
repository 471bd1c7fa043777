import { z } from 'zod';
import { claimInput } from '../intake';
import { CHANNELS } from '../matters';
import { employerInput, workerInput } from '../parties';
import { ACCEPTANCE_DECISIONS, APPROVAL_KINDS, RECORD_KINDS } from './inspection.tables';
import { isoDate as calendarDate } from '../../platform/schema-types';

const date = calendarDate();
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多${max}个字`);

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const outcomeParam = z.strictObject({
  id: z.uuid('编号格式不正确'),
  outcomeId: z.uuid('编号格式不正确'),
});

export const reporterInput = z.strictObject({
  anonymous: z.boolean().describe('匿名举报：不登记举报人身份'),
  name: z.string().trim().max(100).optional(),
  phone: z.string().trim().max(30).optional(),
  idNumber: z.string().trim().max(30).optional(),
  address: z.string().trim().max(300).optional(),
  rewardRequested: z.boolean().optional(),
});

export const registerBody = z.strictObject({
  source: z.enum(['complaint', 'report'], '应为投诉或举报'),
  channel: z.enum(CHANNELS).default('window'),
  jurisdictionId: z.uuid('请选择辖区'),
  complainant: workerInput.optional().describe('投诉人（投诉必填：本人权益，实名）'),
  reporter: reporterInput.optional().describe('举报人（举报必填；可匿名；身份仅承办监察员可见）'),
  employer: employerInput,
  violations: z.array(claimInput).min(1, '至少登记一项违法事项').max(20),
  violationEndedOn: date.optional().describe('违法行为发生（或连续、继续状态终了）之日：判断二年时效'),
  narrative: z.string().max(10_000).default(''),
  workerCount: z.number().int().min(1).max(100_000).optional(),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const acceptanceBody = z.strictObject({
  decision: z.enum(ACCEPTANCE_DECISIONS, '受理决定不正确'),
  version: z.number().int().min(1).optional(),
  reason: z.string().trim().max(2000).optional(),
  referTo: z.string().trim().max(300).optional().describe('告知前往的机构或程序（管辖、争议程序）'),
  toOrgId: z.uuid().optional().describe('非监察事项：转办的承办单位'),
});

export const inspectorsBody = z.strictObject({
  userIds: z.array(z.uuid()).min(1, '请选择监察员').max(10),
  leadUserId: z.uuid().optional(),
});

export const recordBody = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间格式应为HH:mm')
    .optional()
    .describe('笔录开始时间（询问、现场检查）'),
  endTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '结束时间格式应为HH:mm')
    .optional()
    .describe('笔录结束时间'),
  recorderId: z.uuid().optional().describe('记录人（本案承办监察员；默认第二名监察员）'),
  title: text(200, '标题'),
  content: z.string().max(20_000).default(''),
  occurredOn: date.optional(),
  place: z.string().trim().max(300).optional(),
  interviewee: z.string().trim().max(100).optional(),
  inspectorIds: z.array(z.uuid()).max(10).default([]),
  dueDate: date.optional(),
});

export const requestBody = z.strictObject({
  materials: z.array(text(200, '材料名称')).min(1, '请列明要求提供的材料').max(30),
  deadline: date.describe('接受询问、提供材料的日期'),
  attendTime: text(40, '接受询问时间').optional().describe('询问通知书：时间（默认“上午9时”）'),
  place: text(200, '接受询问地点').optional().describe('询问通知书：地点（默认本机关）'),
  note: z.string().trim().max(2000).optional(),
});

/** The approver is the user taking the step (负责人), never a typed name (issue #13). */
export const extendBody = z.strictObject({
  reason: text(2000, '延长理由'),
  version: z.number().int().min(1).optional(),
});

export const orderBody = z.strictObject({
  violations: text(2000, '违法事实'),
  legalBasis: text(500, '法律依据'),
  corrections: z.array(text(500, '改正事项')).min(1, '请列明改正事项').max(20),
  deadline: date,
  wagesOwedFen: z.number().int().min(0).optional().describe('责令支付的工资（分）'),
  workerCount: z.number().int().min(1).max(100_000).optional(),
  monthsOwed: z.number().int().min(0).max(600).optional(),
  version: z.number().int().min(1).optional(),
});

export const checkBody = z.strictObject({
  complied: z.boolean(),
  note: z.string().trim().max(2000).optional(),
  compensationRatePercent: z
    .number()
    .int()
    .optional()
    .describe('未按期支付：加付赔偿金比例 50–100（《劳动保障监察条例》第二十六条）'),
  compensationDeadline: date.optional(),
});

export const penaltyBody = z.strictObject({
  ruleCode: text(60, '处罚条款'),
  workerCount: z.number().int().min(1).max(100_000).optional(),
  fineFen: z.number().int().min(0),
  facts: text(2000, '违法事实'),
  version: z.number().int().min(1).optional(),
});

export const decidePenaltyBody = z.strictObject({
  evidence: z
    .array(z.string().trim().min(1).max(500))
    .max(50)
    .optional()
    .describe('证据（另加本案询问、检查笔录）'),
  version: z.number().int().min(1).optional(),
});

export const closeOutBody = z.strictObject({
  reason: text(2000, '理由'),
  evidenceOfCorrection: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1).optional(),
});

export const referralBody = z.strictObject({
  kind: z.enum(['dispute', 'police', 'transfer']),
  toOrgId: z.uuid('请选择承办单位').optional(),
  receivingAuthority: z.string().trim().max(200).optional().describe('受移送机关（如公安机关）'),
  toTrack: z.enum(['mediation', 'arbitration']).optional(),
  claimIds: z.array(z.uuid()).max(30).optional(),
  reason: text(2000, '移送理由'),
  version: z.number().int().min(1).optional(),
});

export const closeBody = z.strictObject({
  resultText: text(2000, '处理结果'),
  channel: z.enum(['sms', 'phone', 'mail', 'in_person']).default('sms'),
  facts: text(5000, '查明的事实')
    .optional()
    .describe('结案审批表“查明的事实”（不填则取处罚、责令改正或撤销立案所载事实）'),
  opinion: text(2000, '承办人意见').optional().describe('结案审批表“承办人意见”（不填则按结案情形生成）'),
  version: z.number().int().min(1).optional(),
});

export const listQuery = z.strictObject({
  state: z.string().max(40).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const campaignBody = z.strictObject({
  name: text(200, '专项检查名称'),
  topic: text(2000, '检查内容'),
  jurisdictionId: z.uuid('请选择辖区'),
  startsOn: date,
  endsOn: date,
  employers: z.array(employerInput).min(1, '请列明检查的用人单位').max(500),
});

export const hearingRequestBody = z.strictObject({
  requestedOn: date.optional().describe('当事人提出听证申请的日期（默认今天）'),
  version: z.number().int().min(1).optional(),
});

export const hearingScheduleBody = z.strictObject({
  hearingDate: date,
  hearingTime: text(40, '听证时间'),
  place: text(200, '听证地点'),
  hearingOfficer: text(60, '听证主持人'),
});

export const hearingRecordBody = z.strictObject({
  transcript: text(20000, '听证笔录'),
  hearingOfficer: text(60, '听证主持人'),
  heldOn: date,
  opinion: text(2000, '听证主持人意见').optional().describe('听证结束后主持人对拟处罚的意见（听证结果）'),
  recorder: text(60, '记录人').optional().describe('听证笔录记录人（默认当前用户）'),
  attendees: text(300, '当事人及其代理人').optional().describe('出席听证的当事人及其代理人'),
});

export const LEGAL_REVIEW_CONCLUSIONS = {
  approved: '同意',
  revise: '建议修改后作出决定',
  rejected: '不同意作出处罚决定',
} as const;

export const legalReviewBody = z.strictObject({
  reviewer: text(60, '法制审核人员'),
  opinion: text(5000, '审核意见'),
  reviewedOn: date,
  conclusion: z
    .enum(
      Object.keys(LEGAL_REVIEW_CONCLUSIONS) as ['approved', 'revise', 'rejected'],
      '审核结论应为同意、建议修改或不同意',
    )
    .default('approved')
    .describe('审核结论：approved 同意 / revise 建议修改后作出决定 / rejected 不同意'),
});

/** 报批 (issue #13): an inspector asks the 负责人 to approve 立案 / 延长办案期限 / 撤销立案 / 结案. */
export const approvalRequestBody = z.strictObject({
  kind: z.enum(APPROVAL_KINDS, '报批事项应为立案、延长办案期限、撤销立案或结案'),
  reason: text(2000, '报批理由').optional().describe('延长理由 / 撤销理由'),
  revocation: z
    .enum(['withdrawal', 'investigation_end'])
    .default('withdrawal')
    .describe('撤销立案类别：违法行为轻微且已改正 / 违法事实不能成立（终结调查）'),
  evidenceOfCorrection: z.string().trim().max(2000).optional(),
  resultText: text(2000, '处理结果').optional().describe('结案：处理结果'),
  channel: z.enum(['sms', 'phone', 'mail', 'in_person']).default('sms'),
  facts: text(5000, '查明的事实').optional(),
  opinion: text(2000, '承办人意见').optional(),
});

export const approvalParam = z.strictObject({
  id: z.uuid('编号格式不正确'),
  approvalId: z.uuid('编号格式不正确'),
});

export const approvalDecisionBody = z.strictObject({
  approve: z.boolean(),
  opinion: text(2000, '审批意见').optional().describe('审批意见（不同意时必填）'),
  version: z.number().int().min(1).optional(),
});
