import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types';

/** Kysely types of migration 0011_portal.sql (matter.query_code is read through raw SQL). */

export const SUBMISSION_KINDS = ['question', 'complaint', 'report', 'mediation', 'arbitration'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export interface PortalAccountTable {
  id: Generated<string>;
  phone_hash: string;
  phone_enc: string;
  created_at: Generated<Date>;
  last_login_at: Date | null;
}

export interface PortalCodeTable {
  id: Generated<string>;
  phone_hash: string;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: Date | null;
  ip: string | null;
  created_at: Generated<Date>;
  /** The SMS waiting in the job queue (encrypted; cleared once it left). */
  phone_enc: string | null;
  body_enc: string | null;
  state: Generated<'pending' | 'sent' | 'logged' | 'failed'>;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export interface PortalSessionTable {
  id: string;
  kind: 'account' | 'query';
  account_id: string | null;
  matter_id: string | null;
  party_id: string | null;
  csrf_token: string;
  ip: string | null;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface PortalAttemptTable {
  id: Generated<number>;
  kind: string;
  key: string;
  at: Generated<Date>;
}

export interface PortalSubmissionTable {
  id: Generated<string>;
  account_id: string | null;
  kind: SubmissionKind;
  matter_id: string | null;
  jurisdiction_id: string | null;
  subject: string | null;
  body: string | null;
  employer_name: string | null;
  employer_address: string | null;
  state: Generated<'received' | 'answered' | 'converted' | 'closed'>;
  created_at: Generated<Date>;
}

export interface PortalUploadTable {
  id: Generated<string>;
  account_id: string;
  idempotency_key: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  evidence_id: string | null;
  created_at: Generated<Date>;
}

export interface PortalConsentTable {
  id: Generated<string>;
  ref: string;
  kind: 'mediation' | 'electronic_service';
  matter_id: string;
  party_id: string;
  account_id: string | null;
  given: boolean;
  channel: Generated<string>;
  text_shown: string;
  created_at: Generated<Date>;
}

export interface PortalMessageTable {
  id: Generated<string>;
  matter_id: string | null;
  party_id: string | null;
  submission_id: string | null;
  direction: 'to_party' | 'from_party';
  body: string;
  staff_user_id: string | null;
  staff_name: string | null;
  read_at: Date | null;
  created_at: Generated<Date>;
}

export interface PortalProposalReplyTable {
  id: Generated<string>;
  document_id: string;
  matter_id: string;
  party_id: string;
  item_index: number;
  answer: 'accept' | 'reject' | 'counter';
  counter_amount_fen: number | null;
  comment: string | null;
  created_at: Generated<Date>;
}

export interface SatisfactionRatingTable {
  id: Generated<string>;
  matter_id: string;
  case_id: string | null;
  track: string;
  party_id: string;
  score: number;
  comment: string | null;
  created_at: Generated<Date>;
}

export interface ModelCaseTable {
  id: Generated<string>;
  title: string;
  summary: string;
  outcome: string;
  published_by: string | null;
  published_by_name: string;
  published_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export interface ServiceSiteTable {
  id: Generated<string>;
  name: string;
  jurisdiction_code: string;
  address: string;
  hours: string;
  phone: string | null;
  services: string;
  demo: Generated<boolean>;
  sort: Generated<number>;
}

/** Migration 0025: employer representatives (单位代表码 and the accounts that redeemed one). */
export interface PortalRepresentativeCodeTable {
  id: Generated<string>;
  matter_id: string;
  party_id: string;
  code_hash: string;
  issued_by: string;
  issued_at: Generated<Date>;
  expires_at: Timestamp;
  redeemed_by: string | null;
  redeemed_at: Date | null;
  /** The 应诉通知书 the code is printed on (null: issued by staff on screen). */
  document_id: string | null;
  superseded_at: Date | null;
}

export interface PortalRepresentationTable {
  account_id: string;
  matter_id: string;
  party_id: string;
  code_id: string;
  created_at: Generated<Date>;
}

export interface PortalTables {
  portal_representative_code: PortalRepresentativeCodeTable;
  portal_representation: PortalRepresentationTable;
  portal_account: PortalAccountTable;
  portal_code: PortalCodeTable;
  portal_session: PortalSessionTable;
  portal_attempt: PortalAttemptTable;
  portal_submission: PortalSubmissionTable;
  portal_upload: PortalUploadTable;
  portal_consent: PortalConsentTable;
  portal_message: PortalMessageTable;
  portal_proposal_reply: PortalProposalReplyTable;
  satisfaction_rating: SatisfactionRatingTable;
  model_case: ModelCaseTable;
  service_site: ServiceSiteTable;
}
