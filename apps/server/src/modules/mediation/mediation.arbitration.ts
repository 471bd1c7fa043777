import type { Transaction } from 'kysely';
import type { AppContext } from '../../app';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { openCaseInTrx } from '../cases/cases.service';
import { appendEvent } from '../matters/scope';

export interface ToArbitrationInput {
  matterId: string;
  claimIds: string[];
  /** The mediation case the claims leave (their link is released first: one claim, one procedure). */
  fromCaseId?: string | undefined;
  reason: string;
}

/**
 * Sends claims to arbitration intake WITHOUT retyping: the arbitration case is opened on the same
 * matter_claim rows (type, amount, period, facts as registered), so the application is pre-filled.
 * The arbitration machine starts its acceptance clock (T-A3, 5 working days) on the matter's receipt
 * date; mediation never pauses it (R-09: only the applicant's written consent may, W-04).
 *
 * The arbitration module (modules/arbitration) had no exported "application from matter" function when
 * this was written; the case is opened through the cases engine, and its application form reads the
 * claims of the case. Swap the call here once that function exists.
 */
export async function sendClaimsToArbitration(
  ctx: AppContext,
  trx: Transaction<DB>,
  auth: AuthContext,
  actor: Actor,
  input: ToArbitrationInput,
): Promise<{ id: string; number: string }> {
  const ids = [...new Set(input.claimIds)];
  if (input.fromCaseId && ids.length) {
    await trx
      .updateTable('case_claim')
      .set({ open: false, released_at: new Date(), released_reason: input.reason })
      .where('case_id', '=', input.fromCaseId)
      .where('claim_id', 'in', ids)
      .where('open', '=', true)
      .execute();
  }
  const opened = await openCaseInTrx(
    ctx,
    trx,
    auth,
    actor,
    input.matterId,
    { track: 'arbitration', claimIds: ids },
    { checkOpener: false },
  );
  await appendEvent(
    trx,
    actor,
    input.matterId,
    'mediation_to_arbitration',
    `${input.reason}：${ids.length}项诉求转入仲裁立案审查（${opened.number}），诉求及金额沿用登记内容`,
    { caseId: opened.id, claimIds: ids, fromCaseId: input.fromCaseId ?? null },
  );
  return { id: opened.id, number: opened.number };
}
