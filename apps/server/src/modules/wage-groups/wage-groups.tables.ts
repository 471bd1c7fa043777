import type { Generated } from 'kysely';
import type { ConfirmedBy, WageGroupKind, WagePayer } from '@onestop/domain';
import type { Timestamp } from '../../db/column-types';

/** A group wage arrears matter (migration 0062): one per matter. */
export interface WageGroupTable {
  id: Generated<string>;
  matter_id: string;
  kind: WageGroupKind;
  name: string;
  general_contractor: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** One worker and period of the ledger; amounts in fen. */
export interface WageLineTable {
  id: Generated<string>;
  group_id: string;
  party_id: string;
  period_from: string;
  period_to: string;
  claimed_fen: number;
  confirmed_fen: number | null;
  confirmed_by: ConfirmedBy | null;
  paid_fen: Generated<number>;
  source_row: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface WagePaymentTable {
  id: Generated<string>;
  line_id: string;
  amount_fen: number;
  paid_on: string;
  payer: WagePayer;
  payer_name: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: Generated<Date>;
}

export interface WageGroupsTables {
  wage_group: WageGroupTable;
  wage_line: WageLineTable;
  wage_payment: WagePaymentTable;
}
