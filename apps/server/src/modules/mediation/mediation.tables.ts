import { MEDIATION_ORG_KIND_INFO, MEDIATION_ORG_KINDS, type MediationOrgKind } from '@onestop/domain';
import type { ColumnType, Generated } from 'kysely';
import type { Json, JsonRequired, Timestamp } from '../../db/column-types';

/** Kysely types of migration 0007_mediation.sql. */

/** Kinds of listed mediation organisation: one list, in the domain (prevention/organizations.ts). */
export const ORGANIZATION_KINDS = MEDIATION_ORG_KINDS;
export type OrganizationKind = MediationOrgKind;

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = Object.fromEntries(
  MEDIATION_ORG_KINDS.map((k) => [k, MEDIATION_ORG_KIND_INFO[k].label]),
) as Record<OrganizationKind, string>;

export type Reply = 'pending' | 'accepted' | 'rejected';
export type FollowupKind = 'arbitral_review' | 'judicial_confirmation' | 'payment_order';

export interface MediationOrganizationTable {
  id: Generated<string>;
  name: string;
  kind: OrganizationKind;
  jurisdiction_code: string;
  address: string | null;
  contact_person: string | null;
  phone: string | null;
  /** The organization row that issues its documents (set on its first document, migration 0040) */
  issuer_org_id: Generated<string | null>;
  active: Generated<boolean>;
  sort: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MediationCaseTable {
  case_id: string;
  matter_id: string;
  consent: JsonRequired;
  employer_consent: Json;
  handled_by: 'center' | 'organization';
  handling_reasons: ColumnType<unknown, string | undefined, string>;
  organization_id: string | null;
  referral_state: 'pending' | 'accepted' | 'returned' | null;
  referral_note: string | null;
  mediator_user_id: string | null;
  mediator_name: string | null;
  mediator_contact: string | null;
  reply_deadline: string | null;
  proposal_document_id: string | null;
  agreement_document_id: string | null;
  agreement_signed_at: Date | null;
  performance_date: string | null;
  arbitration_case_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MediationProposalItemTable {
  case_id: string;
  claim_id: string;
  proposed_fen: number;
  reason: string;
  formula: string | null;
  basis: string | null;
  calculation: Json;
  worker_reply: Generated<Reply>;
  worker_replied_at: Date | null;
  employer_reply: Generated<Reply>;
  employer_replied_at: Date | null;
  reply_notes: ColumnType<unknown, string | undefined, string>;
  sort: Generated<number>;
}

export interface MediationSessionTable {
  id: Generated<string>;
  case_id: string;
  starts_at: Timestamp;
  room: string;
  joint: Generated<boolean>;
  mediators: ColumnType<unknown, string | undefined, string>;
  participants: ColumnType<unknown, string | undefined, string>;
  record: string | null;
  status: Generated<'scheduled' | 'held' | 'no_show'>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MediationFollowupTable {
  id: Generated<string>;
  case_id: string;
  kind: FollowupKind;
  body: string;
  claim_ids: ColumnType<string[], string[] | undefined, string[]>;
  filed_on: string;
  result: Generated<'pending' | 'granted' | 'refused'>;
  result_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

/** Tables of the mediation module (registered once in db/schema.ts). */
export interface MediationTables {
  mediation_organization: MediationOrganizationTable;
  mediation_case: MediationCaseTable;
  mediation_proposal_item: MediationProposalItemTable;
  mediation_session: MediationSessionTable;
  mediation_followup: MediationFollowupTable;
}
