import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types';

export type PartyKind = 'worker' | 'employer';
export type IdType = 'resident_id' | 'passport' | 'hmt_residence_permit' | 'foreign_permanent_residence';
export type EmployerSize = 'micro' | 'small' | 'medium' | 'large';
export type EmployerStatus = 'normal' | 'bankrupt' | 'restructuring' | 'closed';

/** Workers and employers. *_enc: AES-256-GCM ciphertext; *_hash: keyed hash for exact lookup. */
export interface PartyTable {
  id: Generated<string>;
  kind: PartyKind;
  name: string;
  id_type: IdType | null;
  id_number_enc: string | null;
  credit_code: string | null;
  identity_hash: string | null;
  sex: 'male' | 'female' | null;
  birth_date: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  address_enc: string | null;
  migrant_worker: Generated<boolean>;
  disabled: Generated<boolean>;
  pregnant_or_nursing: Generated<boolean>;
  minor: Generated<boolean>;
  legal_representative: string | null;
  contact_name: string | null;
  industry: string | null;
  size: EmployerSize | null;
  status: Generated<EmployerStatus>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PartiesTables {
  party: PartyTable;
}
