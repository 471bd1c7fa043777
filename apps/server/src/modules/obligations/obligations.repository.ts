import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { ObligationRow, PaymentRow } from './obligations.service';

type Exec = Kysely<DB> | Transaction<DB>;

export interface ObligationFilter {
  matterId?: string;
  ids?: readonly string[];
  debtorPartyId?: string;
  /** Matters by the worker's party ids (the portal). */
  creditorPartyIds?: readonly string[];
  jurisdictions?: readonly string[];
  unpaidOnly?: boolean;
}

/** Obligations with their matter number and payments, ordered by matter, due date and instalment. */
export async function findObligations(
  exec: Exec,
  f: ObligationFilter,
): Promise<{ rows: (ObligationRow & { matter_number: string })[]; payments: Map<string, PaymentRow[]> }> {
  let q = exec
    .selectFrom('obligation as o')
    .innerJoin('matter as m', 'm.id', 'o.matter_id')
    .selectAll('o')
    .select('m.number as matter_number');
  if (f.matterId) q = q.where('o.matter_id', '=', f.matterId);
  if (f.ids) q = q.where('o.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.debtorPartyId) q = q.where('o.debtor_party_id', '=', f.debtorPartyId);
  if (f.creditorPartyIds) {
    q = q.where(
      'o.creditor_party_id',
      'in',
      f.creditorPartyIds.length ? f.creditorPartyIds : ['00000000-0000-0000-0000-000000000000'],
    );
  }
  if (f.jurisdictions) {
    q = q.where(
      'o.jurisdiction_id',
      'in',
      f.jurisdictions.length ? f.jurisdictions : ['00000000-0000-0000-0000-000000000000'],
    );
  }
  if (f.unpaidOnly) q = q.where('o.status', '<>', 'paid');
  const rows = await q
    .orderBy('m.number')
    .orderBy('o.due_date')
    .orderBy('o.item')
    .orderBy('o.instalment_no')
    .execute();
  const payments = new Map<string, PaymentRow[]>();
  if (rows.length) {
    const ps = await exec
      .selectFrom('obligation_payment')
      .selectAll()
      .where(
        'obligation_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('created_at')
      .execute();
    for (const p of ps) payments.set(p.obligation_id, [...(payments.get(p.obligation_id) ?? []), p]);
  }
  return { rows, payments };
}
