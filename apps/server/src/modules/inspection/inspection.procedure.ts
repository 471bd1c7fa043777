import { type InspectionSnapshot, inspectionStepVerdict, type StepVerdict } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { approvedKinds } from '../cases';
import { type ProcedureCheck, preconditionUnmet } from '../cases';
import { filingApprovalRequired } from './inspection.acceptance';
import { today } from './inspection.access';
import { latestPenalty, legalReviewThreshold, type PenaltyDetails } from './inspection.hearing';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * The facts the inspection guards read: the 立案审批 (required by the setting, approved in
 * approval_request), the proposed penalty's record and the legal-review threshold. `approverActs`:
 * the user about to take the step holds the approving post, so taking it is the approval (the case
 * page only; the step itself records the approval before the guard runs).
 */
export async function inspectionSnapshot(
  ctx: AppContext,
  exec: Exec,
  caseId: string,
  approverActs = false,
): Promise<InspectionSnapshot> {
  const c = await exec
    .selectFrom('track_case as c')
    .leftJoin('inspection_case as ic', 'ic.case_id', 'c.id')
    .select(['c.jurisdiction_id', 'ic.source'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const approved = await approvedKinds(exec, caseId, ['inspection_filing']);
  const p = await latestPenalty(exec, caseId);
  const t = await legalReviewThreshold(exec);
  const details = (p?.details ?? {}) as PenaltyDetails;
  const review = details.legalReview;
  return {
    today: today(ctx),
    hearingDeadline: p?.hearing_deadline ?? null,
    hearingRequested: details.hearing !== undefined,
    hearingDate: details.hearing?.scheduled?.hearingDate ?? null,
    hearingHeld: details.hearing?.held !== undefined,
    fineFen: Number(p?.fine_fen ?? 0),
    legalReviewMinFen: t.minFen,
    legalReviewBasis: t.basis,
    legalReview: review ? (review.conclusion === 'rejected' ? 'rejected' : 'approved') : null,
    filingApprovalRequired: await filingApprovalRequired(exec, c, c.source ?? 'ex_officio'),
    filingApproved: approverActs || approved.has('inspection_filing'),
  };
}

/** Run by every transition of an inspection case (see cases/procedure.registry): 409 PRECONDITION_UNMET. */
export const inspectionProcedureCheck: ProcedureCheck = async (ctx, trx, caseId, event) => {
  const verdict = inspectionStepVerdict(event, await inspectionSnapshot(ctx, trx, caseId));
  if (!verdict.allowed) throw preconditionUnmet(verdict.unmet);
};

/** Per offered step: allowed + the unmet preconditions, for the case page. */
export async function inspectionStepVerdicts(
  ctx: AppContext,
  exec: Exec,
  caseId: string,
  steps: readonly string[],
  approverActs = false,
): Promise<Record<string, StepVerdict>> {
  const snapshot = await inspectionSnapshot(ctx, exec, caseId, approverActs);
  return Object.fromEntries(steps.map((s) => [s, inspectionStepVerdict(s, snapshot)]));
}
