import { z } from 'zod';
import { CHANNELS, CLAIM_TRACKS, triageResultSchema } from '../matters';
import { employerInput, workerInput } from '../parties';
import { isoDate as calendarDate } from '../../platform/schema-types';

const date = calendarDate();

/** Claims are checked by the domain (validateClaims) so that each problem gets its stable code. */
export const claimInput = z.strictObject({
  type: z.string().max(60),
  amountFen: z.number().optional().describe('金额（分）'),
  periodFrom: z.string().max(10).optional(),
  periodTo: z.string().max(10).optional(),
  facts: z.string().max(5000),
});

export const intakeFacts = z.strictObject({
  employmentStart: date.optional(),
  employmentEnd: date.optional(),
  knewDate: date.optional(),
  /** Workers involved when only representatives are entered (collective dispute). */
  workerCount: z.number().int().min(1).max(100_000).optional(),
  collectiveContract: z.boolean().optional(),
  withinJurisdiction: z.boolean().optional(),
  workplace: z
    .string()
    .trim()
    .max(300)
    .optional()
    .describe('工作地点（劳动合同履行地）；与用人单位所在地一并用于管辖提示'),
  competentAuthority: z.string().max(200).optional(),
  outOfScopeTopics: z
    .array(z.enum(['occupational_safety', 'work_injury_recognition', 'suspected_crime']))
    .optional(),
  disputesPriorConclusion: z.boolean().optional(),
});

export const triageDecisionInput = z.strictObject({
  mode: z.enum(['accept', 'override']).describe('accept: 采纳建议；override: 改判（须说明理由）'),
  routes: z
    .array(z.strictObject({ claimIndex: z.number().int().min(0), track: z.enum(CLAIM_TRACKS) }))
    .max(60)
    .optional(),
  overrideReason: z.string().trim().max(1000).optional(),
  legalAidReferral: z.boolean().optional(),
});

export const consentInput = z.strictObject({
  given: z.boolean(),
  method: z.enum(['window_signature', 'online_confirmation']),
  workerIndex: z.number().int().min(0).default(0).describe('表示同意的劳动者（workers 中的序号）'),
  note: z.string().trim().max(500).optional(),
});

export const REQUEST_KINDS = ['question', 'application', 'complaint', 'report', 'petition'] as const;

export const intakeBody = z.strictObject({
  channel: z.enum(CHANNELS),
  requestKind: z.enum(REQUEST_KINDS).default('application'),
  jurisdictionId: z.uuid('请选择辖区'),
  responsibleUserId: z.uuid().optional(),
  workers: z
    .array(workerInput.extend({ representative: z.boolean().optional() }))
    .min(1, '至少登记一名劳动者')
    .max(500),
  employers: z.array(employerInput).min(1, '请登记用人单位').max(5),
  claims: z.array(claimInput).min(1, '至少登记一项诉求').max(30),
  narrative: z.string().max(10_000).default(''),
  facts: intakeFacts.default({}),
  triage: triageDecisionInput.optional(),
  consent: consentInput.optional(),
});
export type IntakeBody = z.infer<typeof intakeBody>;
export type TriageDecisionInput = z.infer<typeof triageDecisionInput>;
export type ConsentInput = z.infer<typeof consentInput>;

export const triagePreviewResponse = z.object({
  result: triageResultSchema.describe(
    '分流建议：recommendations（理由、依据）、warnings、conflicts、choice、priorityFlags',
  ),
  defaultRoutes: z.array(z.object({ claimIndex: z.number(), track: z.enum(CLAIM_TRACKS).nullable() })),
  openProceedings: z.array(
    z.object({ track: z.string(), claimTypes: z.array(z.string()), reference: z.string() }),
  ),
  duplicates: z.array(z.object({ id: z.string(), number: z.string(), status: z.string() })),
});

export const decideBody = z.strictObject({
  version: z.number().int().min(1),
  triage: triageDecisionInput,
  consent: consentInput.optional(),
  facts: intakeFacts.optional(),
});
