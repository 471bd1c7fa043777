import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types';

export type TransferState = 'pending' | 'accepted' | 'returned';

export interface TransferTable {
  id: Generated<string>;
  matter_id: string;
  case_id: string | null;
  from_org_id: string;
  from_user_id: string;
  to_org_id: string;
  to_track: string | null;
  claim_ids: ColumnType<string[], string[] | undefined, string[]>;
  reason: string;
  state: Generated<TransferState>;
  slip_document_id: string | null;
  opened_case_id: string | null;
  created_at: Generated<Date>;
  decided_at: Date | null;
  decided_by: string | null;
  return_reason: string | null;
  version: Generated<number>;
}

/** The organisation answering for a matter now (changed by an accepted transfer). */
export interface MatterCustodyTable {
  matter_id: string;
  organization_id: string;
  since: Timestamp;
  transfer_id: string | null;
}

export interface TransfersTables {
  transfer: TransferTable;
  matter_custody: MatterCustodyTable;
}
