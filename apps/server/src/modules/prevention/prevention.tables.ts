import type { MediationOrgStatus, OrgCaseResult, OrgMemberPosition } from '@onestop/domain';
import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;

/** The register's part of a listed mediation organisation (migration 0064). */
export interface PreventionOrgTable {
  organization_id: string;
  jurisdiction_id: string;
  founded_on: DateCol;
  status: Generated<MediationOrgStatus>;
  credit_code: string | null;
  employer_party_id: string | null;
  last_assessment_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface PreventionOrgMemberTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  position: OrgMemberPosition;
  user_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PreventionChecklistItemTable {
  code: string;
  grp: 'six_haves' | 'five_uniforms';
  label: string;
  guidance: Generated<string>;
  basis: string;
  sort: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface PreventionAssessmentTable {
  id: Generated<string>;
  organization_id: string;
  jurisdiction_id: string;
  assessed_on: DateCol;
  assessor_id: string | null;
  assessor_name: string;
  passed: boolean;
  failed_count: number;
  reassess_rule: string;
  reassess_due: DateCol;
  clock_id: string | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface PreventionAssessmentItemTable {
  assessment_id: string;
  code: string;
  grp: string;
  label: string;
  passed: boolean;
  note: string | null;
  sort: number;
}

export interface PreventionEvidenceTable {
  id: Generated<string>;
  assessment_id: string;
  item_code: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export interface PreventionOrgCaseTable {
  id: Generated<string>;
  organization_id: string;
  jurisdiction_id: string;
  seq: number;
  applicant_name: string;
  respondent_name: string;
  claim_type: string;
  summary: string;
  received_on: DateCol;
  result: Generated<OrgCaseResult>;
  closed_on: DateCol | null;
  amount_fen: ColumnType<number, number | undefined, number>;
  matter_id: string | null;
  referral_purpose: Generated<ReferralPurpose | null>;
  referred_at: Generated<Date | null>;
  recorded_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface PreventionEventTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: string;
  organization_id: string | null;
  action: string;
  summary: string;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

export type ReferralPurpose = 'handling' | 'arbitral_review' | 'judicial_confirmation';
export type VisitKind = 'enterprise_visit' | 'law_session';
export type VisitStatus = 'planned' | 'done' | 'cancelled';
export type IssueState = 'open' | 'matter' | 'supervision';

/** Outreach (migration 0077): a visit to an enterprise (走访) or a 普法 session. */
export interface PreventionVisitTable {
  id: Generated<string>;
  kind: VisitKind;
  status: Generated<VisitStatus>;
  jurisdiction_id: string;
  employer_party_id: string | null;
  address: string;
  planned_on: DateCol;
  done_on: DateCol | null;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  attendance_count: number | null;
  attendees: ColumnType<{ name: string; position?: string }[], string | undefined, string>;
  summary: string | null;
  cancel_reason: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface PreventionVisitStaffTable {
  visit_id: string;
  user_id: string;
  sort: number;
}

export interface PreventionVisitPhotoTable {
  id: Generated<string>;
  visit_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export interface PreventionVisitIssueTable {
  id: Generated<string>;
  visit_id: string;
  seq: number;
  description: string;
  claim_type: string | null;
  worker_count: number | null;
  state: Generated<IssueState>;
  matter_id: string | null;
  supervision_filing_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

/** Tables of the prevention module (registered once in db/schema.ts). */
export interface PreventionTables {
  prevention_org: PreventionOrgTable;
  prevention_org_member: PreventionOrgMemberTable;
  prevention_checklist_item: PreventionChecklistItemTable;
  prevention_assessment: PreventionAssessmentTable;
  prevention_assessment_item: PreventionAssessmentItemTable;
  prevention_evidence: PreventionEvidenceTable;
  prevention_org_case: PreventionOrgCaseTable;
  prevention_event: PreventionEventTable;
  prevention_visit: PreventionVisitTable;
  prevention_visit_staff: PreventionVisitStaffTable;
  prevention_visit_photo: PreventionVisitPhotoTable;
  prevention_visit_issue: PreventionVisitIssueTable;
}
