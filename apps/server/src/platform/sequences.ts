import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Next value of a gap-free yearly sequence (matter numbers, case numbers, document numbers).
 * Runs inside the caller's transaction: the row lock taken by the upsert serialises concurrent
 * callers, and a rolled-back transaction gives its number back, so numbers have no gaps.
 * Take numbers first in a unit of work (platform/unit-of-work.ts): before business rows, and the
 * audit entries come last anyway; a deadlock between two number scopes re-runs the transaction.
 */
export async function nextSequence(trx: Transaction<DB>, scope: string, year: number): Promise<number> {
  const r = await sql<{ last_value: number }>`
    INSERT INTO number_sequence (scope, year, last_value) VALUES (${scope}, ${year}, 1)
    ON CONFLICT (scope, year) DO UPDATE SET last_value = number_sequence.last_value + 1
    RETURNING last_value`.execute(trx);
  return r.rows[0]!.last_value;
}
