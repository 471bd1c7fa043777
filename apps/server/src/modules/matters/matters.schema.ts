import { z } from 'zod';
import { CLAIM_TRACK_LABELS, TRIAGE_WARNING_CODES } from '@onestop/domain';
import { partySchema } from '../parties';
import { CHANNELS, CLAIM_TRACKS, MATTER_STATUSES } from './matters.tables';
import { isoDate as calendarDate } from '../../platform/schema-types';
import { jsonValue } from '../../platform/openapi-content';

export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  window: '窗口来访',
  online: '网上申请',
  hotline_12333: '12333热线',
  mail: '信函邮寄',
  petition_transfer: '信访转入',
  inspection_transfer: '监察转入',
  court_delegated: '法院委派',
  union_transfer: '工会转入',
  other_transfer: '其他部门转入',
};

export const STATUS_LABELS: Record<(typeof MATTER_STATUSES)[number], string> = {
  registered: '已登记待分流',
  routed: '已分流',
  closed: '已办结',
  merged: '已合并',
};

/** Routing labels (分流去向), from the domain's track registry. */
export const TRACK_LABELS: Readonly<Record<(typeof CLAIM_TRACKS)[number], string>> = CLAIM_TRACK_LABELS;

export const ALLOWED_ACTIONS = [
  'edit',
  'triage',
  'uploadEvidence',
  'merge',
  'viewPii',
  'downloadEvidence',
] as const;

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

const matterRef = z.object({ id: z.string(), number: z.string(), status: z.enum(MATTER_STATUSES) });

export const claimSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  amountFen: z.number().nullable(),
  amountText: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  facts: z.string(),
  track: z.enum(CLAIM_TRACKS).nullable(),
  trackLabel: z.string().nullable(),
  trackCaseId: z.string().nullable(),
  status: z.string(),
  basis: z.string().nullable(),
});

export const evidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  description: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

/** The triage result as stored on the matter (the domain's TriageResult, packages/domain/src/triage). */
export const triageResultSchema = z
  .object({
    opensCase: z.boolean().describe('是否立案（先咨询后立案：仅申请、投诉、举报、信访立案）'),
    recommendations: z.array(
      z.object({
        track: z.string(),
        reason: z.string(),
        basis: z.string(),
        ruleId: z.string(),
        claimTypes: z.array(z.string()),
        referTo: z.string().optional(),
        urgent: z.boolean().optional(),
      }),
    ),
    warnings: z.array(
      z.object({
        code: z.enum(TRIAGE_WARNING_CODES),
        message: z.string(),
        basis: z.string(),
        claimType: z.string().optional(),
        dueDate: z.string().optional(),
        daysLeft: z.number().optional(),
        places: z.string().optional().describe('管辖提示：劳动合同履行地与用人单位所在地'),
        area: z.string().optional().describe('管辖提示：本中心管辖的地区'),
        conclusive: z.boolean().optional().describe('管辖提示：劳动合同履行地已知，结论确定'),
        competentBodies: z.array(z.string()).optional().describe('管辖提示：有管辖权的仲裁委员会'),
      }),
    ),
    conflicts: z.array(
      z.object({
        claimType: z.string(),
        existingTrack: z.string(),
        reference: z.string().optional(),
        message: z.string(),
        basis: z.string(),
      }),
    ),
    choice: z
      .object({
        claimTypes: z.array(z.string()),
        message: z.string(),
        basis: z.string(),
        options: z.array(z.object({ track: z.string(), explanation: z.string() })),
      })
      .nullable(),
    priorityFlags: z.array(z.string()),
    collective: z.boolean(),
    sameDayAcceptance: z.boolean(),
    firedRules: z.array(z.string()),
  })
  .meta({ id: 'TriageResult' });

/** The clerk's decision as stored on the matter (intake's resolveDecision). */
export const triageDecisionSchema = z
  .object({
    mode: z.enum(['accept', 'override']),
    routes: z.array(
      z.object({ claimIndex: z.number(), claimType: z.string(), track: z.enum(CLAIM_TRACKS).nullable() }),
    ),
    overrideReason: z.string().nullable(),
    legalAidReferral: z.boolean().optional(),
    recommendedRoutes: z
      .array(z.object({ claimIndex: z.number(), track: z.enum(CLAIM_TRACKS).nullable() }))
      .optional(),
  })
  .meta({ id: 'TriageDecision' });

/** The worker's consent to mediation (《劳动争议调解仲裁法》第三条: mediation is voluntary). */
export const mediationConsentSchema = z
  .object({
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
  })
  .meta({ id: 'MediationConsent' });

export const eventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  kind: z.string(),
  summary: z.string(),
  payload: jsonValue,
});

export const matterDetailSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    channel: z.enum(CHANNELS),
    channelLabel: z.string(),
    requestKind: z.string(),
    status: z.enum(MATTER_STATUSES),
    statusLabel: z.string(),
    narrative: z.string(),
    jurisdiction: z.object({ id: z.string(), name: z.string() }),
    responsible: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdBy: z.string().nullable(),
    receivedAt: z.string(),
    workerCount: z.number(),
    collective: z.boolean(),
    priorityFlags: z.array(z.string()),
    employmentStart: z.string().nullable(),
    employmentEnd: z.string().nullable(),
    knewDate: z.string().nullable(),
    workers: z.array(partySchema.extend({ representative: z.boolean() })),
    employers: z.array(partySchema),
    claims: z.array(claimSchema),
    totalAmountFen: z.number(),
    evidence: z.array(evidenceSchema),
    triage: z.object({
      result: triageResultSchema.nullable().describe('分流建议（理由与法律依据）'),
      decision: triageDecisionSchema.nullable().describe('窗口人员的决定：采纳或改判及理由'),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      mediationConsent: mediationConsentSchema
        .nullable()
        .describe('劳动者同意调解的记录：何人、何时、何种方式'),
    }),
    duplicateOf: matterRef.nullable(),
    duplicates: z.array(matterRef).describe('同一劳动者与用人单位的其他未结事项'),
    mergedInto: matterRef.nullable(),
    timeline: z.array(eventSchema),
    allowedActions: z.array(z.enum(ALLOWED_ACTIONS)),
    version: z.number(),
  })
  .meta({ id: 'MatterDetail' });

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(MATTER_STATUSES).optional(),
  priority: z.string().trim().max(40).optional(),
  jurisdictionId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const listItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(MATTER_STATUSES),
  statusLabel: z.string(),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  receivedAt: z.string(),
  jurisdictionName: z.string(),
  workers: z.string(),
  employers: z.string(),
  workerCount: z.number(),
  collective: z.boolean(),
  priorityFlags: z.array(z.string()),
});

export const listResponse = z.object({
  items: z.array(listItemSchema),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
  searchedBy: z.enum(['none', 'number', 'identity', 'name']),
});

export const patchBody = z.strictObject({
  version: z.number().int().min(1),
  narrative: z.string().max(10_000).optional(),
  responsibleUserId: z.uuid().nullable().optional(),
  jurisdictionId: z.uuid().optional(),
  employmentStart: calendarDate().nullable().optional(),
  employmentEnd: calendarDate().nullable().optional(),
  knewDate: calendarDate().nullable().optional(),
});

export const mergeBody = z.strictObject({
  version: z.number().int().min(1).describe('保留事项的版本号'),
  otherId: z.uuid(),
  otherVersion: z.number().int().min(1).describe('被合并事项的版本号'),
  reason: z.string().trim().min(2, '请填写合并理由').max(500),
});

export const alertSchema = z.object({
  id: z.string(),
  kind: z.enum(['employer_open_matters', 'collective', 'spring_festival_wages', 'sms_not_delivered']),
  summary: z.string(),
  basis: z.string(),
  count: z.number(),
  matter: z.object({ id: z.string(), number: z.string() }).nullable(),
  employerName: z.string().nullable(),
  jurisdictionName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
