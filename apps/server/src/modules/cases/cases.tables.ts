import type { ColumnType, Generated } from 'kysely';
import { CASE_TRACK_IDS, type CaseTrackId } from '@onestop/domain';
import type { Json, Timestamp } from '../../db/column-types';

/** Kysely types of migration 0006_cases.sql. */

/** Derived from the domain's track registry (packages/domain/src/tracks/registry.ts). */
export const CASE_TRACKS = CASE_TRACK_IDS;
export type CaseTrack = CaseTrackId;

export interface TrackCaseTable {
  id: Generated<string>;
  matter_id: string;
  track: CaseTrack;
  number: string;
  year: number;
  seq: number;
  state: string;
  closed: Generated<boolean>;
  organization_id: string;
  jurisdiction_id: string;
  assignee_user_id: string | null;
  priority_flags: ColumnType<string[], string[] | undefined, string[]>;
  opened_by: string | null;
  version: Generated<number>;
  opened_at: Generated<Date>;
  closed_at: Date | null;
  updated_at: Timestamp;
}

export interface CaseEventTable {
  case_id: string;
  seq: number;
  from_state: string | null;
  to_state: string;
  event: string;
  actor_id: string | null;
  actor_name: string;
  role: string | null;
  at: Generated<Date>;
  reason: string | null;
  payload: Json;
}

export interface CaseClaimTable {
  case_id: string;
  claim_id: string;
  open: Generated<boolean>;
  released_at: Date | null;
  released_reason: string | null;
}

export interface StaffConflictTable {
  id: Generated<string>;
  user_id: string;
  party_id: string;
  relation: string;
  declared_at: Generated<Date>;
}

/** Tables of the cases module (registered once in db/schema.ts). */
export interface CasesTables {
  track_case: TrackCaseTable;
  case_event: CaseEventTable;
  case_claim: CaseClaimTable;
  staff_conflict: StaffConflictTable;
}
