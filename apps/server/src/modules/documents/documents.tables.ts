import type { ColumnType, Generated } from 'kysely';
import type { JsonRequired as Json, Timestamp } from '../../db/column-types';

export const SUBJECT_TYPES = ['matter', 'case', 'other'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const DOCUMENT_STATES = [
  'draft',
  'pending',
  'rendering',
  'ready',
  'failed',
  'issued',
  'superseded',
] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const SERVICE_METHODS = ['in_person', 'electronic', 'post', 'public_notice'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_STATES = ['pending', 'served', 'refused', 'returned'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export interface DocumentNumberPatternTable {
  id: Generated<string>;
  issuer_org_id: string;
  /** a document type, or '*' for the issuer's default */
  type: string;
  pattern: string;
  basis: string;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface DocumentTable {
  id: Generated<string>;
  subject_type: SubjectType;
  subject_id: string;
  type: string;
  title: string;
  version: Generated<number>;
  supersedes_id: string | null;
  correction_reason: string | null;
  state: Generated<DocumentState>;
  fields: Json;
  issuer_org_id: string;
  number: string | null;
  /** 成文日期, 'YYYY-MM-DD' */
  issued_date: string | null;
  issued_at: Date | null;
  issued_by: string | null;
  sha256: string | null;
  short_code: string | null;
  pdf_key: string | null;
  docx_key: string | null;
  rendered_at: Date | null;
  render_error: string | null;
  /** The master-record context at issue (JSON, encrypted): particulars frozen (migration 0056) */
  context_enc: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface DocumentServiceTable {
  id: Generated<string>;
  document_id: string;
  recipient: string;
  recipient_role: string | null;
  method: ServiceMethod;
  place: string | null;
  consent_ref: string | null;
  tracking_no: string | null;
  notice_date: string | null;
  served_at: Date | null;
  first_opened_at: Date | null;
  signer: string | null;
  refusal_reason: string | null;
  witnesses: string | null;
  note: string | null;
  state: Generated<ServiceState>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface OrganizationSealTable {
  organization_id: string;
  png: Buffer;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface DocumentsTables {
  document: DocumentTable;
  document_number_pattern: DocumentNumberPatternTable;
  document_service: DocumentServiceTable;
  organization_seal: OrganizationSealTable;
}
