import { CASE_TRACK_IDS } from '@onestop/domain';
import { z } from 'zod';

/** One explained factor of the risk score (count and the points it adds). */
const riskFactor = z.object({ code: z.string(), label: z.string(), count: z.number(), points: z.number() });
const riskLevel = z.enum(['high', 'medium', 'low']);

const employerSummary = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  status: z.string(),
});

const standard = z.object({
  state: z.enum(['never', 'passed', 'failed']),
  label: z.string(),
  lastAssessedOn: z.string().nullable(),
  lastAssessedOnText: z.string().optional(),
  reassessDue: z.string().nullable(),
  reassessDueText: z.string().optional(),
});

/** Its enterprise mediation committee (六有五统一 state) and the outreach visits to it (prevention). */
const employerPrevention = z.object({
  committee: z
    .object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      foundedOn: z.string(),
      standard,
    })
    .nullable(),
  visits: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      date: z.string().nullable(),
      dateText: z.string(),
      topics: z.array(z.string()),
      issueCount: z.number(),
    }),
  ),
});

/** The employer profile (employers.service employerProfile). */
export const employerProfileSchema = z.object({
  employer: employerSummary,
  risk: z.object({
    score: z.number(),
    level: riskLevel,
    levelLabel: z.string(),
    factors: z.array(riskFactor),
  }),
  matters: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.string(),
      requestKind: z.string(),
      receivedAt: z.string(),
      workerCount: z.number(),
    }),
  ),
  cases: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      track: z.enum(CASE_TRACK_IDS),
      state: z.string(),
      stateLabel: z.string().describe('状态（中文）'),
      closed: z.boolean(),
      source: z.string().nullable(),
    }),
  ),
  outcomes: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      kind: z.string(),
      summary: z.string(),
      fineFen: z.number().nullable(),
      amountFen: z.number().nullable(),
      complied: z.boolean().nullable(),
      createdAt: z.string(),
    }),
  ),
  penaltiesTotalFen: z.number(),
  filings: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      status: z.string(),
      flags: z.array(z.object({ code: z.string(), message: z.string(), basis: z.string() })),
      createdAt: z.string(),
    }),
  ),
  awards: z.number(),
  defaulterListings: z.array(
    z.object({
      id: z.string(),
      state: z.string(),
      stateLabel: z.string(),
      decidedOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      removedOn: z.string().nullable(),
    }),
  ),
  prevention: employerPrevention,
});

/** The risk ranking: the employer with its score and the factors that count. */
export const employerRiskListSchema = z.object({
  items: z.array(
    employerSummary.extend({
      score: z.number(),
      level: riskLevel,
      levelLabel: z.string(),
      factors: z.array(riskFactor),
    }),
  ),
});
