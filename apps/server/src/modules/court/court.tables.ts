import type { DockingState } from '@onestop/domain';
import type { Generated } from 'kysely';

export type { DockingState };
export type DockingKind = 'delegated' | 'confirmation';

/** Court docking (诉调对接, migration 0010). */
export interface CourtDockingTable {
  id: Generated<string>;
  kind: DockingKind;
  state: DockingState;
  matter_id: string | null;
  jurisdiction_id: string;
  court_org_id: string;
  court_case_no: string | null;
  applicant_name: string;
  respondent_name: string;
  summary: string;
  mediator_user_id: string | null;
  agreement_terms: string | null;
  agreement_effective_on: string | null;
  returned_reason: string | null;
  conf_applied_on: string | null;
  court_ruling_no: string | null;
  court_result_on: string | null;
  court_result_note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface CourtDockingEventTable {
  docking_id: string;
  seq: number;
  from_state: string | null;
  to_state: string;
  event: string;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
  note: string | null;
}

export interface CourtTables {
  court_docking: CourtDockingTable;
  court_docking_event: CourtDockingEventTable;
}
