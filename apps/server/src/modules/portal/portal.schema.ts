import { z } from 'zod';
import { claimInput } from '../intake';
import { employerInput, workerInput } from '../parties';
import { isoDate as calendarDate } from '../../platform/schema-types';

export const phoneBody = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '请输入11位手机号码'),
});

export const verifyBody = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '请输入11位手机号码'),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码是6位数字'),
});

export const queryBody = z.strictObject({
  queryCode: z.string().trim().min(4, '请输入查询码').max(20, '查询码格式不正确'),
  idLast6: z
    .string()
    .trim()
    .regex(/^[0-9Xx]{6}$/, '请输入证件号码后六位'),
});

export const sessionResponse = z.object({
  kind: z.enum(['account', 'query']),
  csrfToken: z.string(),
  phoneMasked: z.string().nullable(),
  matterId: z.string().nullable(),
});

export const matterParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const serviceParam = z.strictObject({
  id: z.uuid('编号格式不正确'),
  serviceId: z.uuid('编号格式不正确'),
});

export const APPLICATION_KINDS = ['complaint', 'mediation', 'arbitration'] as const;

export const applicationBody = z.strictObject({
  kind: z.enum(APPLICATION_KINDS, '请选择申请类型'),
  jurisdictionId: z.uuid('请选择办理地点'),
  worker: workerInput.omit({ phone: true }),
  employer: employerInput,
  claims: z.array(claimInput).min(1, '至少填写一项请求').max(20),
  narrative: z.string().trim().max(5000).default(''),
  facts: z
    .strictObject({
      employmentStart: calendarDate().optional(),
      employmentEnd: calendarDate().optional(),
      knewDate: calendarDate().optional(),
    })
    .default({}),
  uploadIds: z.array(z.uuid()).max(10, '一次最多10个附件').default([]),
  mediationConsent: z.boolean().describe('是否同意先行调解（自愿）'),
  electronicServiceConsent: z.boolean().describe('是否同意电子送达（文书发到本网页，首次打开即为送达）'),
  acknowledgeDuplicate: z.boolean().optional().describe('已知有未办结的同一事项，仍要提交'),
});
export type ApplicationBody = z.infer<typeof applicationBody>;

export const applicationResponse = z.object({
  matterId: z.string(),
  number: z.string(),
  queryCode: z.string(),
  evidenceCount: z.number(),
  duplicate: z.boolean().describe('与一件未办结的事项当事人相同（已提示工作人员）'),
});

export const questionBody = z.strictObject({
  jurisdictionId: z.uuid('请选择办理地点').optional(),
  subject: z.string().trim().min(2, '请写一个简短的标题').max(100),
  body: z.string().trim().min(5, '请把问题写清楚一些').max(2000),
});

export const reportBody = z.strictObject({
  jurisdictionId: z.uuid('请选择办理地点').optional(),
  employerName: z.string().trim().min(2, '请填写单位名称').max(200),
  employerAddress: z.string().trim().max(300).optional(),
  body: z.string().trim().min(10, '请把违法情况写清楚一些（至少10个字）').max(3000),
});

export const messageBody = z.strictObject({ body: z.string().trim().min(1, '请输入内容').max(2000) });

export const evidenceBody = z.strictObject({
  uploadIds: z.array(z.uuid()).min(1, '请先选择文件').max(10),
  note: z.string().trim().max(500).optional(),
});

export const defenceBody = z.strictObject({
  text: z.string().trim().min(10, '答辩意见至少10个字').max(5000),
  uploadIds: z.array(z.uuid()).max(10).default([]),
});

export const consentBody = z.strictObject({
  kind: z.enum(['mediation', 'electronic_service']),
  given: z.boolean(),
});

export const ratingBody = z.strictObject({
  track: z.string().min(1).max(30),
  score: z.number().int().min(1, '请选择1到5分').max(5, '请选择1到5分'),
  comment: z.string().trim().max(500).optional(),
});

export const proposalReplyBody = z.strictObject({
  documentId: z.uuid(),
  items: z
    .array(
      z.strictObject({
        index: z.number().int().min(0),
        answer: z.enum(['accept', 'reject', 'counter']),
        counterAmountFen: z.number().int().min(0).optional(),
        comment: z.string().trim().max(500).optional(),
      }),
    )
    .min(1, '请逐项答复')
    .max(30),
});

export const modelCaseBody = z.strictObject({
  title: z.string().trim().min(4, '标题至少4个字').max(200),
  summary: z.string().trim().min(10, '案情至少10个字').max(5000),
  outcome: z.string().trim().min(4, '处理结果至少4个字').max(2000),
});

export const staffMessageBody = z.strictObject({
  partyId: z.uuid('请选择当事人'),
  body: z.string().trim().min(1, '请输入内容').max(2000),
});

export const okResponse = z.object({ ok: z.boolean() });

// ---- Responses of the portal's own-matter routes (portal.follow.service, portal.proposal) ----

const partyRole = z.enum(['worker', 'employer']);

/** One of my matters (the portal's list). */
export const portalMatterListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      role: partyRole,
      roleLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      receivedAt: z.string(),
    }),
  ),
});

/** A document electronically served on me (opening it is the service). */
export const servedDocumentSchema = z.object({
  documentId: z.string(),
  serviceId: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  type: z.string(),
  servedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
});

const consentState = z.object({ given: z.boolean(), at: z.string() }).nullable();

/** My matter's progress: friendly timeline, coming sessions, served documents, ratings, consents. */
export const portalMatterDetailSchema = z.object({
  id: z.string(),
  number: z.string(),
  role: partyRole,
  roleLabel: z.string(),
  myName: z.string(),
  otherSide: z.array(z.string()),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  queryCode: z.string().nullable().describe('查询码：仅劳动者本人登录账户时给出'),
  claims: z.array(z.object({ id: z.string(), label: z.string(), amountText: z.string().nullable() })),
  cases: z.array(
    z.object({
      track: z.string(),
      trackLabel: z.string(),
      number: z.string(),
      stateLabel: z.string(),
      closed: z.boolean(),
      next: z
        .object({
          steps: z.array(z.string()).describe('下一步（任一）'),
          by: z.string().nullable().describe('办理岗位'),
          dueDate: z.string().nullable().describe('最近的法定期限'),
          dueRule: z.string().nullable().describe('该期限的名称'),
        })
        .nullable()
        .describe('在办案件的下一步：由程序与进行中的期限推出；已结案为 null'),
    }),
  ),
  timeline: z.array(z.object({ id: z.number(), at: z.string(), text: z.string() })),
  upcoming: z.array(
    z.object({
      kind: z.enum(['mediation', 'hearing']),
      label: z.string(),
      at: z.string(),
      place: z.string(),
    }),
  ),
  documents: z.array(servedDocumentSchema),
  ratings: z.array(
    z.object({
      track: z.string(),
      caseId: z.string().nullable(),
      label: z.string(),
      score: z.number().nullable(),
    }),
  ),
  consents: z.object({ mediation: consentState, electronicService: consentState }),
  unreadMessages: z.number(),
});

/** My messages with the staff. */
export const portalMessagesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      fromMe: z.boolean(),
      author: z.string(),
      body: z.string(),
      at: z.string(),
    }),
  ),
});

/** The mediation proposal served on me, item by item, with my answers so far. */
export const portalProposalSchema = z.object({
  document: servedDocumentSchema,
  caseId: z.string().nullable(),
  jurisdictionId: z.string().nullable(),
  items: z.array(
    z.object({
      index: z.number(),
      claimId: z.string().nullable(),
      claim: z.string(),
      proposedFen: z.number().nullable(),
      reason: z.string(),
      myAnswer: z.string().nullable(),
    }),
  ),
});

/** The consents a matter's parties gave in the portal (staff view). */
export const portalConsentListSchema = z.object({
  items: z.array(
    z.object({
      ref: z.string(),
      kind: z.enum(['mediation', 'electronic_service']),
      given: z.boolean(),
      channel: z.string(),
      text: z.string(),
      partyId: z.string(),
      partyName: z.string(),
      at: z.string(),
    }),
  ),
});

/** Questions (window staff) or anonymous reports (inspectors) the portal received. */
export const portalSubmissionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      subject: z.string().nullable(),
      body: z.string().nullable(),
      employerName: z.string().nullable(),
      employerAddress: z.string().nullable(),
      state: z.string(),
      createdAt: z.string(),
    }),
  ),
});
