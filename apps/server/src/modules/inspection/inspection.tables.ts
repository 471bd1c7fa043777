import type { ColumnType, Generated } from 'kysely';
import type { Json } from '../../db/column-types';

/** Kysely types of migration 0009_inspection.sql (inspection, supervision, data tables). */

export const INSPECTION_SOURCES = ['complaint', 'report', 'ex_officio', 'campaign', 'supervision'] as const;
export type InspectionSource = (typeof INSPECTION_SOURCES)[number];

export const ACCEPTANCE_DECISIONS = [
  'accepted',
  'time_barred',
  'dispute_procedure',
  'jurisdiction',
  'not_inspection',
] as const;
export type AcceptanceDecision = (typeof ACCEPTANCE_DECISIONS)[number];

export interface InspectionCaseTable {
  case_id: string;
  source: InspectionSource;
  employer_party_id: string | null;
  violation_ended_on: string | null;
  received_on: string;
  campaign_id: string | null;
  supervision_filing_id: string | null;
  decision: AcceptanceDecision | null;
  decision_reason: string | null;
  referral_to: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  filed_on: string | null;
  extended: Generated<boolean>;
  version: Generated<number>;
}

export interface InspectionReporterTable {
  case_id: string;
  anonymous: boolean;
  name_enc: string | null;
  phone_enc: string | null;
  id_number_enc: string | null;
  address_enc: string | null;
  reward_requested: Generated<boolean>;
}

export interface InspectionInspectorTable {
  case_id: string;
  user_id: string;
  lead: Generated<boolean>;
  certificate_number: string;
  assigned_at: Generated<Date>;
  assigned_by: string | null;
  removed_at: Date | null;
}

export const RECORD_KINDS = ['onsite', 'inquiry', 'evidence', 'task'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface InspectionRecordTable {
  id: Generated<string>;
  case_id: string;
  kind: RecordKind;
  title: string;
  content: Generated<string>;
  occurred_on: string | null;
  place: string | null;
  interviewee: string | null;
  inspector_ids: ColumnType<string[], string[] | undefined, string[]>;
  due_date: string | null;
  done_at: Date | null;
  document_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface InspectionRequestTable {
  id: Generated<string>;
  case_id: string;
  materials: string[];
  deadline: string;
  issued_on: string;
  received_on: string | null;
  note: string | null;
  document_id: string | null;
  attend_time: string | null;
  place: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export const OUTCOME_KINDS = [
  'order',
  'compensation',
  'penalty',
  'withdrawal',
  'investigation_end',
  'dispute_referral',
  'police_referral',
  'transfer',
  'result_notice',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface InspectionOutcomeTable {
  id: Generated<string>;
  case_id: string;
  kind: OutcomeKind;
  summary: string;
  deadline: string | null;
  amount_fen: number | null;
  rate_percent: number | null;
  worker_count: number | null;
  penalty_rule: string | null;
  fine_fen: number | null;
  hearing_deadline: string | null;
  hearing_requested: boolean | null;
  complied: boolean | null;
  checked_on: string | null;
  document_id: string | null;
  details: Json;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface InspectionCampaignTable {
  id: Generated<string>;
  name: string;
  topic: string;
  jurisdiction_id: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface InspectionCampaignEmployerTable {
  campaign_id: string;
  employer_party_id: string;
  case_id: string | null;
}

export interface PenaltyRuleTable {
  code: string;
  label: string;
  per: 'worker' | 'case';
  min_fen: number;
  max_fen: number;
  basis: string;
}

export interface MinimumWageTable {
  area_code: string;
  tier: number;
  monthly_fen: number;
  hourly_fen: number;
  effective_from: string;
  basis: string;
}

export const FILING_KINDS = [
  'layoff',
  'dispatch',
  'special_hours',
  'restructuring',
  'bankruptcy',
  // 走访发现问题: an issue found on an outreach visit (prevention, migration 0077).
  'outreach',
] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export interface SupervisionFilingTable {
  id: Generated<string>;
  kind: FilingKind;
  employer_party_id: string;
  jurisdiction_id: string;
  data: Json;
  flags: ColumnType<unknown, string | undefined, string>;
  status: Generated<'filed' | 'flagged' | 'approved' | 'rejected' | 'case_opened'>;
  case_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

/** Tables of the inspection, supervision and employers modules (registered once in db/schema.ts). */
export interface InspectionTables {
  inspection_case: InspectionCaseTable;
  inspection_reporter: InspectionReporterTable;
  inspection_inspector: InspectionInspectorTable;
  inspection_record: InspectionRecordTable;
  inspection_request: InspectionRequestTable;
  inspection_outcome: InspectionOutcomeTable;
  inspection_campaign: InspectionCampaignTable;
  inspection_campaign_employer: InspectionCampaignEmployerTable;
  penalty_rule: PenaltyRuleTable;
  minimum_wage: MinimumWageTable;
  supervision_filing: SupervisionFilingTable;
}

/**
 * The inspection approvals (报批), stored with every other approval in approval_request (migration
 * 0071; cases/approvals.ts) as the approval-form kinds inspection_<kind>.
 */
export const APPROVAL_KINDS = ['filing', 'extension', 'revocation', 'closing'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
