import { ARBITRATION_SUSPENSION_GROUNDS } from '@onestop/domain';
import { z } from 'zod';
import { documentPaymentItems } from '../obligations';
import { MATERIAL_KINDS, SIMPLIFIED_EXCLUSIONS, SIMPLIFIED_GROUNDS } from './arbitration.review';
import { CONSENT_ACTS } from './arbitration.tables';
import { isoDate as calendarDate, isoDateTime } from '../../platform/schema-types';

const text = (max: number, label: string) =>
  z.string(`${label}应为文字`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const isoDate = calendarDate();
const dateTime = isoDateTime('时间格式不正确（ISO 8601，含时区）');
const uuid = z.string().uuid('编号格式不正确');

export const caseParam = z.object({ caseId: uuid });
export const hearingParam = z.object({ hearingId: uuid });
export const version = z.number().int().positive().optional();

const material = z.strictObject({
  kind: z.enum(Object.keys(MATERIAL_KINDS) as [keyof typeof MATERIAL_KINDS], '材料类别不正确'),
  title: text(100, '材料名称'),
  form: z.enum(['原件', '复印件'], '请选择原件或复印件'),
  pages: z.number().int('页数应为整数').min(1, '页数至少为1').max(2000),
  copies: z.number().int().min(1).max(100).optional(),
});

export const detailsShape = {
  facts: z.string().trim().max(5000, '事实和理由不能超过5000字').optional(),
  evidence: z
    .array(
      z.strictObject({
        title: text(100, '证据名称'),
        source: z.string().trim().max(100),
        form: z.string().trim().max(20).optional(),
      }),
    )
    .max(200)
    .optional(),
  witnesses: z
    .array(z.strictObject({ name: text(50, '证人姓名'), address: text(200, '证人住址') }))
    .max(50)
    .optional(),
  materials: z.array(material).max(100).optional(),
  copiesSubmitted: z.number().int().min(0).max(100).optional(),
  applicantSigned: z.boolean().optional(),
  performancePlace: z.string().trim().max(200).optional(),
  employerDomicile: z.string().trim().max(200).optional(),
  withinJurisdiction: z.boolean().optional(),
  representatives: z
    .array(z.strictObject({ name: text(50, '代表人姓名'), phone: z.string().trim().max(20).optional() }))
    .max(5, '集体争议代表人应为三至五名（《劳动人事争议仲裁办案规则》第六十三条）')
    .optional(),
};

export const createBody = z.strictObject({
  matterId: uuid,
  claimIds: z.array(uuid).min(1, '请至少选择一项仲裁请求'),
  reason: z.string().trim().max(500).optional(),
  ...detailsShape,
});
export const reviewBody = z.strictObject({
  ...detailsShape,
  acceptIfComplete: z
    .boolean()
    .optional()
    .describe(
      '材料齐全时在同一事务中受理并出具受理通知书（欠薪、工伤、重大集体争议当日受理；须有受理权限，否则整体不生效）',
    ),
});

export const acceptBody = z.strictObject({ evidenceDeadline: isoDate.optional(), version });
export const rejectBody = z.strictObject({
  reasonCode: z.enum(
    ['out_of_scope', 'no_clear_claim', 'no_standing'],
    '请选择不予受理的理由类别（办案规则第三十条）',
  ),
  reasons: text(2000, '不予受理理由'),
  version,
});
export const redirectBody = z.strictObject({
  competentCommission: text(100, '有管辖权的仲裁委员会'),
  explanation: z.string().trim().max(2000).optional(),
  version,
});
export const simplifiedBody = z.strictObject({
  apply: z.boolean('请说明是决定简易处理（true）还是转为普通程序（false）'),
  reason: text(500, '理由'),
  grounds: z
    .array(z.enum(Object.keys(SIMPLIFIED_GROUNDS) as [keyof typeof SIMPLIFIED_GROUNDS], '简易处理情形不正确'))
    .max(3)
    .optional(),
  exclusions: z
    .array(
      z.enum(Object.keys(SIMPLIFIED_EXCLUSIONS) as [keyof typeof SIMPLIFIED_EXCLUSIONS], '排除情形不正确'),
    )
    .max(4)
    .optional(),
  version,
});
export const dayQuery = z.object({ date: isoDate.optional() });
export const dayBody = z.strictObject({ date: isoDate.optional() });

export const tribunalBody = z.strictObject({
  arbitratorIds: z.array(uuid).min(1, '请选择仲裁员').max(3, '仲裁庭至多三名仲裁员'),
  presidingId: uuid.optional(),
  clerkId: uuid.optional(),
  sides: z
    .record(z.string(), z.enum(['labour_administration', 'trade_union', 'enterprise'], '三方代表身份不正确'))
    .optional()
    .describe('集体合同争议：仲裁员用户编号 → 三方身份（劳动行政部门、工会、企业方面）'),
});

export const consentBody = z.strictObject({
  act: z.enum(CONSENT_ACTS, '请选择需经同意的代表人行为'),
  partyIds: z.array(uuid).min(1, '请选择作出书面同意的被代表劳动者').max(1000),
  signedOn: isoDate,
  documentRef: text(200, '书面同意书（附件）编号或名称'),
  note: z.string().trim().max(500).optional(),
  version,
});
export const claimsChangeBody = z.strictObject({
  action: z.enum(['change_claims', 'abandon_claims'], '请选择变更或放弃仲裁请求'),
  abandonClaimIds: z.array(uuid).max(60).optional(),
  changes: z
    .array(z.strictObject({ claimId: uuid, amountFen: z.number().int().min(0, '金额不能为负') }))
    .max(60)
    .optional(),
  reason: text(500, '理由'),
  version,
});
export const versionBody = z.strictObject({ version });
export const simplifiedNoticeBody = z.strictObject({
  channel: z.enum(['sms', 'phone'], '请选择送达方式（短信或电话）'),
  defenceDays: z.number().int().min(0, '答辩期不能为负').max(10, '答辩期不超过十日').optional(),
  respondentConsentRef: z.string().trim().max(200).optional(),
  version,
});
export const hearingBody = z.strictObject({ roomId: uuid, startsAt: dateTime, endsAt: dateTime });
export const postponeBody = z.strictObject({
  reason: text(500, '延期理由'),
  requestedOn: isoDate.optional(),
  requestedBy: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('提出延期开庭申请的当事人（写入延期开庭通知书）'),
  startsAt: dateTime,
  endsAt: dateTime,
});
export const calendarQuery = z.object({
  from: isoDate,
  days: z.coerce.number().int().min(1).max(31).default(7),
});

export const recordBody = z.strictObject({
  kind: z
    .enum(
      [
        'evidence',
        'hearing_record',
        'mediation_attempt',
        'note',
        'default',
        'defence_waiver',
        'evidence_waiver',
      ],
      '记录类别不正确',
    )
    .describe('defence_waiver：被申请人书面放弃答辩期；evidence_waiver：当事人书面放弃举证期限'),
  summary: text(2000, '记录内容'),
});
export const stepBody = z.strictObject({
  step: z.enum([
    'withdraw',
    'applicant_no_show',
    'receive_defence',
    'hold_hearing',
    'order_advance_execution',
  ]),
  summary: text(2000, '说明'),
  withdrawalApplicationFiled: z.boolean().optional(),
  hearingNoticeServed: z.boolean().optional(),
  rightsClear: z.boolean().optional(),
  seriousHardship: z.boolean().optional(),
  // hold_hearing: the 庭审笔录 (issue #13)
  attendees: z.array(text(200, '到庭人员')).max(30).optional().describe('开庭：到庭人员（写入庭审笔录）'),
  statements: z
    .array(z.strictObject({ speaker: text(50, '陈述人'), text: text(4000, '陈述内容') }))
    .max(300)
    .optional()
    .describe('开庭：庭审记录（陈述人与陈述内容）'),
  // order_advance_execution: the 先予执行裁决书 (issue #13)
  applicationDate: isoDate.optional().describe('先予执行：申请日期'),
  items: z
    .array(
      z.strictObject({
        text: text(500, '先予执行内容'),
        amountFen: z.number().int().min(1, '金额须大于零').max(100_000_000_000, '金额过大'),
      }),
    )
    .max(20)
    .optional()
    .describe('先予执行：逐项内容与金额（分）'),
  performDays: z.number().int().min(1, '履行期限至少一日').max(30, '履行期限不超过三十日').optional(),
});

// issue #13: the arbitration steps that issue their own documents.
export const partialAwardBody = z.strictObject({
  facts: text(4000, '已查明的事实'),
  reasons: text(4000, '裁决理由'),
  remaining: text(1000, '继续审理的请求'),
  partOfFactsClear: z.boolean(),
  items: z
    .array(
      z.strictObject({
        text: text(500, '裁决内容'),
        claimType: z.string().trim().min(1).max(60),
        amountFen: z.number().int().min(0, '金额不能为负').max(100_000_000_000, '金额过大').optional(),
      }),
    )
    .min(1, '请至少填写一项先行裁决事项')
    .max(30),
});
export const recusalBody = z.strictObject({
  targetUserId: uuid,
  requesterName: text(100, '申请回避人'),
  requestedOn: isoDate,
  ground: text(500, '回避申请理由'),
  decision: z.enum(['granted', 'refused'], '请选择准许回避或驳回申请'),
  reasons: text(1000, '决定理由'),
});
export const awardCorrectionBody = z.strictObject({
  awardDocumentId: uuid,
  errorKind: z.enum(['文字错误', '计算错误', '遗漏事项'], '请选择补正事由'),
  corrections: z
    .array(
      z.strictObject({
        location: text(200, '位置'),
        original: text(1000, '原文'),
        corrected: text(1000, '补正为'),
      }),
    )
    .min(1, '请至少填写一处补正')
    .max(30),
});
export const approvalRequestBody = z.strictObject({
  opinion: text(1000, '承办人意见'),
  outcome: z.string().trim().min(1).max(100).optional().describe('结案审批：结案方式'),
  amountFen: z.number().int().min(0).max(100_000_000_000).optional(),
});
export const suspendBody = z.strictObject({
  ground: z.enum(
    Object.keys(ARBITRATION_SUSPENSION_GROUNDS) as [keyof typeof ARBITRATION_SUSPENSION_GROUNDS],
    '请选择中止事由',
  ),
  detail: z.string().trim().max(500).optional(),
});
export const resumeBody = z.strictObject({ reason: text(500, '恢复理由') });
export const extendBody = z.strictObject({
  approver: text(50, '批准人'),
  reason: text(500, '延期理由'),
  days: z.number().int().min(1, '延长天数至少为1').max(15, '延长期限不得超过十五日'),
});
export const mediationBody = z.strictObject({
  agreedTerms: z.array(text(500, '调解协议条款')).min(1, '请填写调解协议内容'),
  bothPartiesSigned: z.boolean(),
  payments: documentPaymentItems
    .optional()
    .describe('调解书确定的支付事项（金额、履行期限、分期）：每一项成为一项履行义务（issue #21）'),
});
export const awardBody = z.strictObject({
  facts: text(5000, '查明事实'),
  reasons: text(5000, '裁决理由'),
  mediationAttempted: z.boolean(),
  items: z
    .array(
      z.strictObject({
        text: text(500, '裁决内容'),
        claimType: text(50, '请求类别'),
        amountFen: z.number().int().min(0).optional(),
      }),
    )
    .min(1, '请至少填写一项裁决事项'),
});
export const determineBody = z.strictObject({ items: awardBody.shape.items });
export const closeBody = z.strictObject({
  outcome: text(100, '结案方式'),
  amountFen: z.number().int().min(0).optional(),
});

/** A party's agents with the authority the power of attorney grants (调解仲裁法第二十四条). */
export const agentsBody = z.strictObject({
  partyId: uuid,
  powerOfAttorneyFiled: z.boolean().describe('已提交委托人签名或盖章、载明委托事项和权限的授权委托书'),
  agents: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, '请填写代理人姓名').max(50),
        identity: z.string().trim().max(100).optional().describe('如：湖北某某律师事务所律师；申请人之妻'),
        authority: z.enum(['special', 'general'], '请选择代理权限（特别授权或一般授权）'),
      }),
    )
    .max(5, '代理人不超过5名'),
});
