import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { GuardUnmet } from '@onestop/domain';
import { AppError } from '../../platform/errors';
import type { CaseTrack } from './cases.tables';

/**
 * A track's procedure check: reads the case inside the step's transaction and refuses a step whose
 * legal preconditions (the domain's procedure guards) are unmet — 409 PRECONDITION_UNMET. Every way a
 * case changes state (the track's own routes and the generic transition route) passes through it.
 */
export type ProcedureCheck = (
  ctx: AppContext,
  trx: Transaction<DB>,
  caseId: string,
  event: string,
  facts: Readonly<Record<string, unknown>>,
) => Promise<void>;

const checks = new Map<CaseTrack, ProcedureCheck>();

/** Registered by the track's plugin at start-up. */
export function registerProcedureCheck(track: CaseTrack, check: ProcedureCheck) {
  checks.set(track, check);
}

export async function checkProcedure(
  ctx: AppContext,
  trx: Transaction<DB>,
  track: CaseTrack,
  caseId: string,
  event: string,
  facts: Readonly<Record<string, unknown>>,
) {
  await checks.get(track)?.(ctx, trx, caseId, event, facts);
}

/** 409 PRECONDITION_UNMET naming the first unmet condition: {guard, message, earliestDate, basis, unmet}. */
export function preconditionUnmet(unmet: readonly GuardUnmet[]): AppError {
  const first = unmet[0]!;
  return new AppError(409, 'PRECONDITION_UNMET', `${first.message}（${first.basis}）`, {
    guard: first.guard,
    message: first.message,
    earliestDate: first.earliestDate,
    basis: first.basis,
    unmet,
  });
}
