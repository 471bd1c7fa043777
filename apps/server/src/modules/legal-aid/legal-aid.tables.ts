import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types';

export type LegalAidDecision = 'granted' | 'refused' | 'provisional';

/** A referral to the legal-aid center and what came of it (migration 0010). */
export interface LegalAidReferralTable {
  id: Generated<string>;
  case_id: string;
  matter_id: string;
  applicant_party_id: string | null;
  applicant_name: string;
  claim_types: ColumnType<string[], string[] | undefined, string[]>;
  means_test_exempt: boolean;
  exemption_reason: string | null;
  economic_hardship: boolean | null;
  urgent: Generated<boolean>;
  days_left: number | null;
  urgent_measure_needed: Generated<boolean>;
  reason: string;
  referral_document_id: string | null;
  decision: LegalAidDecision | null;
  decided_on: string | null;
  refusal_reason: string | null;
  lawyer_name: string | null;
  law_firm: string | null;
  assigned_on: string | null;
  result: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface LegalAidTables {
  legal_aid_referral: LegalAidReferralTable;
}
