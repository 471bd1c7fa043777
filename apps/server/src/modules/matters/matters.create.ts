import { formatNumber } from '@onestop/domain';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { nextSequence } from '../../platform/sequences';
import { readSetting } from '../../platform/settings';
import type { MatterTable } from './matters.tables';

/** What a channel (window intake, the portal, an inspection complaint or report) decides about a new matter. */
export type NewMatter = Omit<Insertable<MatterTable>, 'number' | 'year' | 'seq' | 'updated_at'>;

/**
 * The one creation path of a matter (维权事项): the number from the configured pattern
 * (setting intake.matter_number_pattern) and the year's sequence, then the row. Window intake, the
 * portal and labor inspection all call this inside their own transaction; parties, claims, events
 * and audit stay with the caller, which knows the channel's story.
 */
export async function createMatterRow(
  trx: Transaction<DB>,
  year: number,
  row: NewMatter,
): Promise<{ id: string; number: string; year: number; seq: number }> {
  const pattern = await readSetting(trx, 'intake.matter_number_pattern');
  const seq = await nextSequence(trx, 'matter', year);
  const number = formatNumber(pattern, year, seq);
  const { id } = await trx
    .insertInto('matter')
    .values({ ...row, number, year, seq, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, number, year, seq };
}

/**
 * The claims held by an open case (case_claim.open), with the case (tc) and the claim (mc): the one
 * definition of "in an open procedure" (《劳动保障监察条例》第二十一条第二款; 《劳动人事争议仲裁办案规则》第三十条).
 * `claimsNotInOpenProcedure` is its complement within one matter; inspection asks it across matters
 * (the same worker and employer). The caller adds its own filters and select.
 */
export function claimsInOpenProcedure(exec: Kysely<DB> | Transaction<DB>) {
  return exec
    .selectFrom('case_claim as cc')
    .innerJoin('track_case as tc', 'tc.id', 'cc.case_id')
    .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
    .where('cc.open', '=', true);
}

/**
 * The claims of a matter not in an open procedure (pending or routed, no open case holds them):
 * one claim, one open procedure (《劳动保障监察条例》第二十一条第二款; 《劳动人事争议仲裁办案规则》第三十条).
 * The caller adds its own select and order.
 */
export function claimsNotInOpenProcedure(exec: Kysely<DB> | Transaction<DB>, matterId: string) {
  return exec
    .selectFrom('matter_claim as mc')
    .where('mc.matter_id', '=', matterId)
    .where('mc.status', 'in', ['pending', 'routed'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_claim as cc')
            .select('cc.claim_id')
            .whereRef('cc.claim_id', '=', 'mc.id')
            .where('cc.open', '=', true),
        ),
      ),
    );
}
