import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { createApplicationFromMatter } from '../arbitration';
import { appendEvent } from '../../platform/scope';

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
 * The arbitration machine starts its acceptance clock (《劳动争议调解仲裁法》第二十九条, 5 working days) on the application's
 * receipt date; mediation never pauses it (《劳动争议调解仲裁法》第三条、第四十二条: only the applicant's written consent may, 《劳动人事争议仲裁办案规则》第六十八条、第六十九条).
 *
 * The arbitration module's createApplicationFromMatter opens the case and its application pre-filled
 * from the matter's parties, these claims (amounts, periods, facts) and the evidence list.
 */
export async function sendClaimsToArbitration(
  ctx: AppContext,
  trx: Transaction<DB>,
  _auth: AuthContext,
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
  // The mediation desk acts for the applicant here (not as an arbitration opener): no opener check.
  const created = await createApplicationFromMatter(
    trx,
    { matterId: input.matterId, claimIds: ids, reason: input.reason },
    actor,
    ctx,
  );
  const opened = { id: created.caseId, number: created.number };
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
