import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types';

export const CONSULTATION_CHANNELS = [
  'window',
  'phone',
  'online',
  'hotline_12333',
  'petition_window',
] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

/** One question answered (migration 0010). */
export interface ConsultationTable {
  id: Generated<string>;
  matter_id: string | null;
  jurisdiction_id: string;
  channel: ConsultationChannel;
  topic: string;
  question: string;
  answer: string;
  legal_basis: Generated<string>;
  kb_entry_id: string | null;
  visitor_name: string | null;
  visitor_phone_enc: string | null;
  staff_user_id: string;
  staff_name: string;
  state: Generated<'answered' | 'converted'>;
  converted_matter_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ConsultationTables {
  consultation: ConsultationTable;
}
