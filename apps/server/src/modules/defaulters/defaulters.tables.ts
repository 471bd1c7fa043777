import type { Generated } from 'kysely';
import type { DefaulterGround, DefaulterState } from '@onestop/domain';
import type { Timestamp } from '../../db/column-types';

/** One defaulter list procedure against an employer, from one inspection case (migration 0063). */
export interface DefaulterListingTable {
  id: Generated<string>;
  employer_party_id: string;
  case_id: string;
  matter_id: string;
  jurisdiction_id: string;
  organization_id: string;
  ground: DefaulterGround;
  facts: string;
  owed_fen: number;
  responsible_persons: Generated<string>;
  state: DefaulterState;
  decided_on: string | null;
  published_on: string | null;
  ends_on: string | null;
  removed_on: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** Every step of the procedure with the document it issued. */
export interface DefaulterStepTable {
  id: Generated<string>;
  listing_id: string;
  step: string;
  state_after: DefaulterState;
  note: Generated<string>;
  document_id: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

export interface DefaultersTables {
  defaulter_listing: DefaulterListingTable;
  defaulter_step: DefaulterStepTable;
}
