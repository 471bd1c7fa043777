import { z } from 'zod';
import { MATERIAL_KINDS } from './arbitration.review';
import { CONSENT_ACTS } from './arbitration.tables';

/**
 * The answers of the arbitration routes (OpenAPI components; the web's types are generated from them):
 * what presentCase, listCases, calendar and the steps return (arbitration.presenter.ts, arbitration.http.ts).
 */

const nullableString = z.string().nullable();

/** The written hearing (书面审理) as staff or a party sees it (arbitration.written.ts writtenHearingView). */
export const writtenSchema = z
  .object({
    caseId: z.string(),
    basis: z.string(),
    orderedBy: z.string(),
    statementDue: z.string().describe('提交陈述意见和证据的期限（YYYY-MM-DD，含当日）'),
    replyDue: z.string().describe('提交质证意见的期限（YYYY-MM-DD，含当日）'),
    statementOpen: z.boolean(),
    replyOpen: z.boolean(),
    decidable: z.boolean().describe('仲裁庭现在可以作出裁决'),
    viewer: z.enum(['worker', 'employer']).nullable().describe('门户：查看者一方；工作人员为 null'),
    blocking: z.string().nullable(),
    submissions: z.array(
      z.object({
        role: z.enum(['worker', 'employer']),
        roleLabel: z.string(),
        round: z.enum(['statement', 'reply']),
        roundLabel: z.string(),
        text: z.string(),
        evidence: z.array(z.string()),
        submittedBy: z.string(),
        submittedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'WrittenHearing' });

/** A legal precondition of a step that is not met (also the details of 409 PRECONDITION_UNMET). */
export const guardUnmetSchema = z
  .object({
    guard: z.string(),
    message: z.string(),
    earliestDate: nullableString.describe('YYYY-MM-DD；null：须先办理某事，等待不能满足'),
    basis: z.string(),
  })
  .meta({ id: 'GuardUnmet' });

export const guardedStepSchema = z
  .object({
    event: z.string(),
    label: z.string(),
    allowed: z.boolean(),
    unmet: z.array(guardUnmetSchema),
  })
  .meta({ id: 'ArbitrationGuardedStep' });

export const materialSchema = z
  .object({
    kind: z.enum(Object.keys(MATERIAL_KINDS) as [keyof typeof MATERIAL_KINDS]),
    title: z.string(),
    form: z.enum(['原件', '复印件']),
    pages: z.number(),
    copies: z.number().optional(),
  })
  .meta({ id: 'ArbitrationMaterial' });

export const checkItemSchema = z
  .object({
    code: z.enum([
      'party_standing',
      'jurisdiction',
      'dispute_scope',
      'limitation',
      'specific_claims',
      'materials',
    ]),
    label: z.string(),
    status: z.enum(['pass', 'fail', 'warning', 'redirect']),
    messages: z.array(z.string()),
    basis: z.string(),
  })
  .meta({ id: 'ArbitrationCheckItem' });

/** An award item with its finality (调解仲裁法第四十七条). */
export const awardItemSchema = z
  .object({
    text: z.string(),
    claimType: z.string(),
    amountFen: z.number().optional(),
    finality: z.enum(['final', 'non_final']),
    why: z.string(),
  })
  .meta({ id: 'ArbitrationAwardItem' });
export type AwardItem = z.infer<typeof awardItemSchema>;

export const caseDocSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    number: nullableString,
    state: z.string(),
    issuedDate: nullableString,
  })
  .meta({ id: 'ArbitrationCaseDocument' });

export const issuedDocSchema = z
  .object({ type: z.string(), id: z.string(), number: z.string() })
  .meta({ id: 'IssuedDocument' });

/** GET /arbitration/cases/:caseId: the arbitration work view (parties by name and role only). */
export const caseViewSchema = z
  .object({
    caseId: z.string(),
    number: z.string(),
    matterId: z.string(),
    matterNumber: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    closed: z.boolean(),
    version: z.number(),
    collective: z.boolean(),
    collectiveContract: z.boolean(),
    collectiveNotice: z
      .object({
        dueDate: nullableString,
        clockStatus: nullableString,
        tribunalSet: z.boolean(),
        hearingSet: z.boolean(),
        issuedDocumentId: nullableString,
        issuedNumber: nullableString,
        canIssue: z.boolean(),
      })
      .nullable()
      .describe('集体争议：一次性告知的期限与出具情况（非集体争议为 null）'),
    representedWorkers: z.array(z.object({ partyId: z.string(), name: z.string() })),
    consents: z.array(
      z.object({
        id: z.string(),
        act: z.enum(CONSENT_ACTS),
        actLabel: z.string(),
        partyIds: z.array(z.string()),
        names: z.array(z.string()),
        signedOn: z.string(),
        documentRef: z.string(),
        note: nullableString,
        by: z.string(),
        at: z.string(),
      }),
    ),
    partyNotices: z.array(
      z.object({
        id: z.string(),
        recipient: z.string(),
        channel: z.string(),
        state: z.string(),
        body: z.string(),
        template: z.string(),
        at: z.string(),
        sentAt: nullableString,
      }),
    ),
    workerCount: z.number().nullable(),
    sameDayCategory: nullableString,
    sameDayLabel: nullableString,
    receivedAt: z.string(),
    parties: z.array(
      z.object({
        partyId: z.string(),
        role: z.enum(['worker', 'employer']),
        name: z.string(),
        representative: z.boolean(),
      }),
    ),
    claims: z.array(
      z.object({
        claimId: z.string(),
        type: z.string(),
        label: z.string(),
        amountFen: z.number().nullable(),
        periodFrom: nullableString,
        periodTo: nullableString,
        facts: z.string(),
      }),
    ),
    facts: z.string(),
    evidence: z.array(z.object({ title: z.string(), source: z.string(), form: z.string().optional() })),
    witnesses: z.array(z.object({ name: z.string(), address: z.string() })),
    materials: z.array(materialSchema),
    copiesSubmitted: z.number(),
    applicantSigned: z.boolean(),
    performancePlace: nullableString,
    employerDomicile: nullableString,
    withinJurisdiction: z.boolean().nullable(),
    representatives: z.array(z.object({ name: z.string(), phone: z.string().optional() })),
    simplified: z.boolean(),
    simplifiedGrounds: z.array(z.string()),
    simplifiedOptions: z.object({
      canApply: z.boolean(),
      canConvert: z.boolean(),
      amountWithinCap: z.boolean(),
      capFen: z.number(),
      totalFen: z.number(),
    }),
    checklist: z.array(checkItemSchema),
    missingItems: z.array(z.string()),
    correctionDeadline: nullableString,
    rejectionReason: nullableString,
    competentCommission: nullableString,
    redirectExplanation: nullableString,
    outcome: nullableString,
    outcomeAmountFen: z.number().nullable(),
    tribunal: z.array(
      z.object({ userId: z.string(), role: z.string(), side: nullableString, name: z.string() }),
    ),
    hearings: z.array(
      z.object({
        id: z.string(),
        roomId: z.string(),
        room: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
        state: z.string(),
        postponedReason: nullableString,
      }),
    ),
    records: z.array(
      z.object({ id: z.string(), kind: z.string(), summary: z.string(), by: z.string(), at: z.string() }),
    ),
    awards: z.array(
      z.object({
        id: z.string(),
        items: z.array(awardItemSchema),
        minimumWageFen: z.number(),
        finalDocumentId: nullableString,
        nonFinalDocumentId: nullableString,
      }),
    ),
    documents: z.array(caseDocSchema),
    clocks: z.array(
      z.object({
        id: z.string(),
        ruleId: z.string(),
        status: z.string(),
        dueDate: z.string(),
        triggerDate: z.string(),
        extensionApprover: nullableString,
        suspendedDays: z.number(),
      }),
    ),
    availableEvents: z.array(guardedStepSchema).describe('当前可办理的步骤及其法定前提（未满足的不可办理）'),
    procedure: z.object({
      earliestHearingDate: nullableString,
      upcoming: z.array(guardedStepSchema),
    }),
  })
  .meta({ id: 'ArbitrationCase' });

export const caseSummarySchema = z
  .object({
    caseId: z.string(),
    number: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    closed: z.boolean(),
    openedAt: z.string(),
    matterId: z.string(),
    matterNumber: z.string(),
    sameDayCategory: nullableString,
    sameDayLabel: nullableString,
  })
  .meta({ id: 'ArbitrationCaseSummary' });

export const caseListSchema = z.object({ items: z.array(caseSummarySchema) });

/** The review result of the window's preliminary check (办案规则第二十九条). */
const reviewResultSchema = z.object({
  checklist: z.array(checkItemSchema),
  missingItems: z.array(z.string()),
  complete: z.boolean(),
  conditionsMet: z.boolean(),
  withinJurisdiction: z.boolean(),
});

/**
 * The answer of every step on a case: the fresh case view, the documents the step issued, and the
 * step's own facts (each present only for the steps that give it).
 */
export const stepResultSchema = z
  .object({
    case: caseViewSchema,
    documents: z.array(issuedDocSchema),
    complete: z.boolean().optional().describe('收件初审：材料是否齐全'),
    missingItems: z.array(z.string()).optional().describe('收件初审：一次性列明的全部补正事项'),
    result: reviewResultSchema.optional(),
    evidenceDeadline: nullableString.optional(),
    explanation: z.string().optional(),
    simplified: z.boolean().optional(),
    grounds: z.array(z.string()).optional(),
    awardDueDate: nullableString.optional(),
    recomposeTribunal: z.boolean().optional(),
    notices: z.array(z.string()).optional().describe('简易处理通知：发出的当事人通知编号'),
    defencePeriod: z.string().optional(),
    arbitrators: z.array(z.string()).optional(),
    presidingId: z.string().optional(),
    hearingId: z.string().optional(),
    recordId: z.string().optional(),
    items: z.array(awardItemSchema).optional(),
    satisfactionRequests: z.array(z.string()).optional(),
    consentId: z.string().optional(),
    consents: z.array(z.string()).optional(),
    acceptedDate: z.string().optional(),
    approvalId: z.string().optional(),
    agents: z
      .array(z.object({ name: z.string(), identity: z.string().optional(), authority: z.string() }))
      .optional(),
    writtenHearing: writtenSchema.optional(),
  })
  .meta({ id: 'ArbitrationStepResult' });

export const pendingSameDaySchema = z.object({
  date: z.string(),
  pending: z.array(
    z.object({ caseId: z.string(), number: z.string(), stateLabel: z.string(), categoryLabel: z.string() }),
  ),
  closed: z.boolean(),
});

export const arbitratorsSchema = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      arbitrator: z.boolean(),
      certificateInvalid: z.boolean().describe('持仲裁员证但已过期或未生效'),
      clerk: z.boolean(),
      barred: nullableString.describe('应回避的理由（含依据）；null：无须回避'),
    }),
  ),
});

export const calendarSchema = z.object({
  rooms: z.array(z.object({ id: z.string(), name: z.string(), location: z.string() })),
  hearings: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNumber: z.string(),
      roomId: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      state: z.string(),
      arbitratorIds: z.array(z.string()),
    }),
  ),
});

export const determineSchema = z.object({
  minimumWageFen: z.number(),
  items: z.array(awardItemSchema),
});

export const approvalListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      label: z.string(),
      subjectType: z.enum(['case', 'matter']),
      subjectId: z.string(),
      subjectLabel: z.string(),
      summary: z.string(),
      state: z.enum(['pending', 'approved', 'rejected']),
      requestedByName: z.string(),
      requestedAt: z.string(),
      requestedOn: z.string(),
      decidedByName: nullableString,
      decidedAt: nullableString,
      decidedOn: nullableString,
      comment: nullableString,
      documentId: nullableString,
      version: z.number(),
    }),
  ),
});
