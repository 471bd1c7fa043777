// Over 400 lines: the inspection case view and the step answers are one nested schema (the generated web types name its parts); split when another track reuses a part.
import { z } from 'zod';
import { approvalRequestBody } from './inspection.schema';
import { APPROVAL_KINDS, INSPECTION_SOURCES, RECORD_KINDS } from './inspection.tables';

/**
 * The answers of the inspection routes (OpenAPI components; the web's types are generated from them):
 * what loadInspectionDetail, listInspectionCases, the steps and the campaigns return.
 */

const nullableString = z.string().nullable();

export const LEGAL_REVIEW_CONCLUSION_KEYS = ['approved', 'revise', 'rejected'] as const;

/** The proposed penalty's hearing (《行政处罚法》第六十三条、第六十四条) and legal review (第五十八条). */
export const penaltyViewSchema = z
  .object({
    outcomeId: z.string(),
    fineFen: z.number(),
    label: nullableString,
    basis: nullableString,
    noticeDocumentId: nullableString,
    decided: z.boolean(),
    today: z.string(),
    hearingDeadline: nullableString,
    hearingWindowOpen: z.boolean(),
    hearing: z
      .object({
        requestedOn: z.string(),
        scheduled: z
          .object({
            hearingDate: z.string(),
            hearingTime: z.string(),
            place: z.string(),
            hearingOfficer: z.string(),
            noticeDocumentId: z.string(),
          })
          .nullable(),
        held: z
          .object({
            heldOn: z.string(),
            hearingOfficer: z.string(),
            transcript: z.string(),
            opinion: nullableString,
          })
          .nullable(),
      })
      .nullable(),
    earliestHearingDate: z.string(),
    legalReview: z
      .object({
        reviewer: z.string(),
        opinion: z.string(),
        reviewedOn: z.string(),
        conclusion: z.enum(LEGAL_REVIEW_CONCLUSION_KEYS),
        conclusionLabel: z.string(),
      })
      .nullable(),
    legalReviewRequired: z.boolean(),
    legalReviewMinFen: z.number(),
    legalReviewBasis: z.string(),
    actions: z.object({
      requestHearing: z.boolean(),
      scheduleHearing: z.boolean(),
      recordHearing: z.boolean(),
      legalReview: z.boolean(),
    }),
  })
  .meta({ id: 'InspectionPenalty' });

/** 报批 (立案 / 延长办案期限 / 撤销立案 / 结案) and the 负责人's decision. */
export const approvalViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(APPROVAL_KINDS),
    label: z.string(),
    state: z.enum(['pending', 'approved', 'rejected']),
    stateLabel: z.string(),
    request: approvalRequestBody.partial().describe('报批时提交的内容'),
    requestedBy: z.string(),
    requestedOn: z.string(),
    decidedBy: nullableString,
    decidedOn: nullableString,
    opinion: nullableString,
    documentId: nullableString,
    version: z.number(),
    basis: z.string(),
    canDecide: z.boolean(),
  })
  .meta({ id: 'InspectionApproval' });

const guardUnmet = z.object({
  guard: z.string(),
  message: z.string(),
  earliestDate: nullableString,
  basis: z.string(),
});

const ACTION_KEYS = [
  'requestFiling',
  'requestExtension',
  'accept',
  'refuse',
  'assignInspectors',
  'startInvestigation',
  'record',
  'request',
  'extend',
  'order',
  'check',
  'proposePenalty',
  'decidePenalty',
  'withdraw',
  'endInvestigation',
  'refer',
  'close',
] as const;

/** GET /inspection/cases/:id: the case as the work area shows it (the reporter only to a handling inspector). */
export const inspectionCaseSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    matterId: z.string(),
    matterNumber: z.string(),
    narrative: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    closed: z.boolean(),
    version: z.number(),
    source: z.enum(INSPECTION_SOURCES),
    sourceLabel: z.string(),
    receivedOn: nullableString,
    violationEndedOn: nullableString,
    filedOn: nullableString,
    decision: nullableString,
    decisionLabel: nullableString,
    decisionReason: nullableString,
    referralTo: nullableString,
    extended: z.boolean(),
    campaignId: nullableString,
    employer: z.object({ id: z.string(), name: z.string(), creditCode: nullableString }).nullable(),
    complainant: nullableString,
    reporter: z
      .discriminatedUnion('withheld', [
        z.object({ withheld: z.literal(true), anonymous: z.null(), note: z.string() }),
        z.object({
          withheld: z.literal(false),
          anonymous: z.boolean(),
          name: nullableString,
          phone: nullableString,
          idNumber: nullableString,
          address: nullableString,
          rewardRequested: z.boolean(),
        }),
      ])
      .nullable()
      .describe('举报人：仅本案承办监察员可见（《劳动保障监察条例》第九条第三款）；投诉为 null'),
    violations: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        label: z.string(),
        facts: z.string(),
        amountFen: z.number().nullable(),
        open: z.boolean(),
      }),
    ),
    inspectors: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        lead: z.boolean(),
        certificateNumber: z.string(),
        certificateValid: z.boolean(),
      }),
    ),
    records: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(RECORD_KINDS),
        title: z.string(),
        content: z.string(),
        occurredOn: nullableString,
        place: nullableString,
        interviewee: nullableString,
        inspectorIds: z.array(z.string()),
        dueDate: nullableString,
        documentId: nullableString.describe('随记录制作的询问笔录、现场检查笔录'),
        doneAt: nullableString,
        createdAt: nullableString,
      }),
    ),
    requests: z.array(
      z.object({
        id: z.string(),
        materials: z.array(z.string()),
        deadline: z.string(),
        issuedOn: z.string(),
        receivedOn: nullableString,
        note: nullableString,
        attendTime: nullableString,
        place: nullableString,
        documentId: nullableString.describe('随要求制作的询问通知书'),
      }),
    ),
    outcomes: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        summary: z.string(),
        deadline: nullableString,
        amountFen: z.number().nullable(),
        ratePercent: z.number().nullable(),
        fineFen: z.number().nullable(),
        hearingDeadline: nullableString,
        complied: z.boolean().nullable(),
        checkedOn: nullableString,
        documentId: nullableString,
        createdAt: nullableString,
      }),
    ),
    clocks: z.array(
      z.object({
        id: z.string(),
        ruleId: z.string(),
        name: z.string(),
        dueDate: nullableString,
        status: z.string(),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        title: z.string(),
        number: nullableString,
        state: z.string(),
        shortCode: nullableString,
      }),
    ),
    penalty: penaltyViewSchema.nullable().describe('拟处罚的听证与法制审核（未拟处罚为 null）'),
    approvals: z.array(approvalViewSchema),
    events: z.array(
      z.object({
        event: z.string(),
        label: z.string(),
        to: z.string(),
        allowed: z.boolean(),
        unmet: z.array(guardUnmet),
      }),
    ),
    actions: z.object(
      Object.fromEntries(ACTION_KEYS.map((k) => [k, z.boolean()])) as {
        [K in (typeof ACTION_KEYS)[number]]: z.ZodBoolean;
      },
    ),
    isHandlingInspector: z.boolean(),
  })
  .meta({ id: 'InspectionCase' });

export const inspectionListItemSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    matterNumber: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    closed: z.boolean(),
    source: z.enum(INSPECTION_SOURCES).nullable(),
    sourceLabel: z.string(),
    employerName: nullableString,
    receivedOn: nullableString,
    nextDue: nullableString,
  })
  .meta({ id: 'InspectionListItem' });

export const inspectionListSchema = z.object({ items: z.array(inspectionListItemSchema) });
export const inspectionCasesSchema = z.object({ items: z.array(inspectionCaseSchema) });

export const registeredSchema = z.object({
  matterId: z.string(),
  matterNumber: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  case: inspectionCaseSchema,
});

export const noticesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(['sms', 'phone', 'mail', 'in_person', 'none']),
      state: z.enum(['pending', 'sending', 'sent', 'logged', 'failed', 'recorded']),
      template: z.string(),
      sentAt: nullableString,
      createdAt: z.string(),
      recipient: z.string().describe('已脱敏'),
    }),
  ),
});

/** The facts a step gives back, each present only for the steps that give it. */
const stepFacts = z.object({
  id: z.string().optional().describe('新建的记录或材料要求'),
  documents: z
    .array(z.object({ id: z.string(), number: nullableString, shortCode: z.string().optional() }))
    .optional()
    .describe('本步骤签发的文书'),
  inspectorCount: z.number().optional().describe('指派后的承办监察员人数'),
  transferId: nullableString.optional(),
  outcomeId: z.string().optional(),
  dueDate: nullableString.optional(),
  hearingDeadline: nullableString.optional(),
  range: z
    .object({
      code: z.string(),
      label: z.string(),
      minFen: z.number(),
      maxFen: z.number(),
      basis: z.string(),
    })
    .optional(),
  hearing: z
    .object({
      requestedOn: z.string(),
      scheduled: z
        .object({
          hearingDate: z.string(),
          hearingTime: z.string(),
          place: z.string(),
          hearingOfficer: z.string(),
          noticeDocumentId: z.string(),
        })
        .optional(),
      held: z
        .object({
          heldOn: z.string(),
          hearingOfficer: z.string(),
          transcript: z.string(),
          opinion: z.string().optional(),
          recorder: z.string().optional(),
          attendees: z.string().optional(),
          recordedBy: z.string(),
          documentId: z.string().optional(),
        })
        .optional(),
    })
    .optional()
    .describe('听证：申请、排期、笔录'),
  legalReview: z
    .object({
      reviewer: z.string(),
      opinion: z.string(),
      reviewedOn: z.string(),
      conclusion: z.enum(LEGAL_REVIEW_CONCLUSION_KEYS).optional(),
      recordedBy: z.string(),
    })
    .optional(),
  complied: z.boolean().optional(),
  compensationId: nullableString.optional(),
  compensationFen: z.number().nullable().optional(),
  policeReferral: z.object({ met: z.boolean(), reasons: z.array(z.string()) }).optional(),
  pendingApproval: z
    .object({ approvalId: z.string(), kind: z.enum(APPROVAL_KINDS), state: z.literal('pending') })
    .optional()
    .describe('报请负责人审批：已提交、等待审批'),
  approvalId: z.string().optional(),
  state: z.enum(['pending', 'approved', 'rejected']).optional(),
});

export const stepOutcomeSchema = stepFacts
  .extend({ result: stepFacts.optional().describe('审批同意时办理的步骤的结果') })
  .meta({ id: 'InspectionStepOutcome' });
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

export const actionResultSchema = z
  .object({ result: stepOutcomeSchema.optional(), case: inspectionCaseSchema })
  .meta({ id: 'InspectionActionResult' });

export const penaltyRulesSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      per: z.string(),
      minFen: z.number(),
      maxFen: z.number(),
      basis: z.string(),
    }),
  ),
});

export const campaignListSchema = z.object({
  items: z.array(
    z
      .object({
        id: z.string(),
        name: z.string(),
        topic: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        employers: z.number().describe('检查的用人单位数'),
      })
      .meta({ id: 'InspectionCampaign' }),
  ),
});

export const campaignCreatedSchema = z.object({
  id: z.string(),
  cases: z.array(z.object({ employerId: z.string(), caseId: z.string(), caseNumber: z.string() })),
});

export const campaignDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    topic: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    employers: z.array(
      z.object({
        employerId: z.string(),
        name: z.string(),
        creditCode: nullableString,
        caseId: nullableString,
        caseNumber: nullableString,
        state: nullableString,
      }),
    ),
  })
  .meta({ id: 'InspectionCampaignDetail' });
