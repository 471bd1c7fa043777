import type { ColumnType, Generated } from 'kysely';
import type { JsonDefaulted as Json, Timestamp } from '../../db/column-types';

export type SameDayCategory = 'wage_arrears' | 'work_injury' | 'major_collective';

export interface ArbitrationApplicationTable {
  case_id: string;
  matter_id: string;
  claims: Json;
  facts: Generated<string>;
  evidence: Json;
  witnesses: Json;
  materials: Json;
  copies_submitted: Generated<number>;
  applicant_signed: Generated<boolean>;
  performance_place: string | null;
  employer_domicile: string | null;
  within_jurisdiction: boolean | null;
  representatives: Json;
  simplified: Generated<boolean>;
  simplified_grounds: ColumnType<string[], string[] | undefined, string[]>;
  same_day_category: SameDayCategory | null;
  received_at: Timestamp;
  checklist: Json;
  missing_items: ColumnType<string[], string[] | undefined, string[]>;
  correction_deadline: string | null;
  rejection_reason: string | null;
  competent_commission: string | null;
  redirect_explanation: string | null;
  outcome: string | null;
  outcome_amount_fen: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type TribunalRole = 'sole' | 'presiding' | 'member' | 'clerk';

/** Sides of a tripartite tribunal (集体合同争议): labour administration, trade union, enterprise side. */
export type TribunalSide = 'labour_administration' | 'trade_union' | 'enterprise';

export interface TribunalMemberTable {
  case_id: string;
  user_id: string;
  role: TribunalRole;
  side: ColumnType<TribunalSide | null, TribunalSide | null | undefined, TribunalSide | null>;
  appointed_at: Generated<Date>;
  appointed_by: string | null;
}

export interface HearingRoomTable {
  id: Generated<string>;
  jurisdiction_id: string;
  name: string;
  location: Generated<string>;
  active: Generated<boolean>;
  sort: Generated<number>;
}

export type HearingState = 'scheduled' | 'held' | 'postponed' | 'cancelled';

export interface HearingTable {
  id: Generated<string>;
  case_id: string;
  room_id: string;
  starts_at: Date;
  ends_at: Date;
  state: Generated<HearingState>;
  arbitrator_ids: ColumnType<string[], string[] | undefined, string[]>;
  notice_document_ids: ColumnType<string[], string[] | undefined, string[]>;
  postponed_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export const RECORD_KINDS = [
  'evidence',
  'hearing_record',
  'defence',
  'mediation_attempt',
  'postponement_request',
  'suspension',
  'resumption',
  'extension',
  'withdrawal',
  'default',
  'advance_execution',
  'restart',
  'note',
  'consent',
  'claims_change',
  'collective_notice',
  'simplified_notice',
  'defence_waiver',
  'evidence_waiver',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface ArbitrationRecordTable {
  id: Generated<string>;
  case_id: string;
  kind: RecordKind;
  summary: string;
  content: Json;
  created_by: string | null;
  created_by_name: string;
  created_at: Generated<Date>;
}

export interface ArbitrationAwardTable {
  id: Generated<string>;
  case_id: string;
  items: Json;
  minimum_wage_fen: number;
  final_document_id: string | null;
  non_final_document_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ArbitrationDayCloseTable {
  jurisdiction_id: string;
  day: string;
  closed_by: string | null;
  closed_at: Generated<Date>;
}

export interface SatisfactionRequestTable {
  id: Generated<string>;
  case_id: string;
  matter_id: string;
  party_id: string;
  token: string;
  message: string;
  state: Generated<'pending' | 'answered' | 'expired'>;
  rating: number | null;
  comment: string | null;
  created_at: Generated<Date>;
  answered_at: Date | null;
}

export const CONSENT_ACTS = [
  'change_claims',
  'abandon_claims',
  'admit_claims',
  'accept_settlement',
  'withdraw',
] as const;
export type ConsentAct = (typeof CONSENT_ACTS)[number];

export interface ArbitrationConsentTable {
  id: Generated<string>;
  case_id: string;
  act: ConsentAct;
  party_ids: ColumnType<string[], string[], string[]>;
  party_names: ColumnType<string[], string[], string[]>;
  signed_on: string;
  document_ref: string;
  note: Generated<string>;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: Generated<Date>;
}

/** 书面审理 (migration 0081, issue #20). */
export interface WrittenHearingTable {
  case_id: string;
  ordered_by_name: string;
  ordered_at: Generated<Date>;
  note: string | null;
  statement_due: ColumnType<string, string, string>;
  reply_due: ColumnType<string, string, string>;
  basis: string;
}

export interface WrittenSubmissionTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  role: 'worker' | 'employer';
  round: 'statement' | 'reply';
  text: string;
  evidence_ids: ColumnType<unknown, string | undefined, string>;
  submitted_by_name: string;
  submitted_at: Generated<Date>;
}

/** Tables of the arbitration module (migrations 0008, 0016). */
export interface ArbitrationTables {
  arbitration_application: ArbitrationApplicationTable;
  tribunal_member: TribunalMemberTable;
  hearing_room: HearingRoomTable;
  hearing: HearingTable;
  arbitration_record: ArbitrationRecordTable;
  arbitration_award: ArbitrationAwardTable;
  arbitration_day_close: ArbitrationDayCloseTable;
  satisfaction_request: SatisfactionRequestTable;
  arbitration_consent: ArbitrationConsentTable;
  written_hearing: WrittenHearingTable;
  written_submission: WrittenSubmissionTable;
}
