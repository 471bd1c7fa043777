import type { Generated } from 'kysely';
import type { NextStep, ObligationSource, ObligationStatus } from '@onestop/domain';
import type { Timestamp } from '../../db/column-types';

export interface ObligationTable {
  id: Generated<string>;
  matter_id: string;
  case_id: string | null;
  jurisdiction_id: string;
  organization_id: string | null;
  responsible_user_id: string | null;
  source: ObligationSource;
  source_document_id: string | null;
  source_label: string;
  debtor_party_id: string | null;
  debtor_name: string;
  creditor_party_id: string | null;
  creditor_name: string;
  item: string;
  claim_type: string | null;
  amount_fen: number;
  paid_fen: Generated<number>;
  instalment_no: Generated<number>;
  instalment_count: Generated<number>;
  effective_date: string | null;
  served_on: string | null;
  due_date: string | null;
  basis: string;
  status: ObligationStatus;
  overdue_since: string | null;
  alerted_at: Timestamp | null;
  paid_at: Timestamp | null;
  next_step: NextStep | null;
  next_step_document_id: string | null;
  /** The 送达及生效证明书 issued with a 强制执行申请书 (migration 0083). */
  next_step_certificate_id: string | null;
  next_step_ref: string | null;
  next_step_at: Timestamp | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type PaymentPayer = 'debtor' | 'general_contractor' | 'wage_deposit' | 'emergency_fund' | 'other';

export interface ObligationPaymentTable {
  id: Generated<string>;
  obligation_id: string;
  amount_fen: number;
  paid_on: string;
  payer: PaymentPayer;
  declared_by: 'staff' | 'worker';
  declared_by_user_id: string | null;
  declared_by_name: string;
  proof_evidence_id: string | null;
  note: string | null;
  status: 'declared' | 'confirmed' | 'rejected';
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface ObligationsTables {
  obligation: ObligationTable;
  obligation_payment: ObligationPaymentTable;
}
