import type { Generated } from 'kysely';
import type { ConsultationTables } from '../consultation';
import type { CourtTables } from '../court';
import type { KnowledgeTables } from '../knowledge';
import type { Json, Timestamp } from '../../db/column-types';

export const PETITION_FORMS = ['letter', 'visit', 'call', 'online'] as const;
export type PetitionForm = (typeof PETITION_FORMS)[number];
export const PETITION_CATEGORIES = ['suggestion', 'accusation', 'claim'] as const;
export type PetitionCategory = (typeof PETITION_CATEGORIES)[number];

/** A petition (信访事项); its state is the petition track case's (migration 0010). */
export interface PetitionTable {
  id: Generated<string>;
  case_id: string;
  matter_id: string;
  form: PetitionForm;
  petitioner_name: string;
  petitioner_address_enc: string | null;
  petitioner_phone_enc: string | null;
  request: string;
  facts: string;
  reasons: Generated<string>;
  category: PetitionCategory | null;
  disputed_conclusion: 'inspection' | 'arbitration' | null;
  conclusion_ref: string | null;
  transfer_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PetitionRecordTable {
  id: Generated<string>;
  petition_id: string;
  kind: 'negotiation' | 'settlement' | 'explanation';
  occurred_on: string;
  content: string;
  result: string | null;
  payload: Json;
  document_id: string | null;
  actor_id: string | null;
  actor_name: string;
  created_at: Generated<Date>;
}

/**
 * The tables of migration 0010 (consultation, knowledge base, petitions, court docking; legal aid's are its own),
 * registered once in db/schema.ts.
 */
export interface PetitionsLegalAidTables extends KnowledgeTables, ConsultationTables, CourtTables {
  petition: PetitionTable;
  petition_record: PetitionRecordTable;
}
