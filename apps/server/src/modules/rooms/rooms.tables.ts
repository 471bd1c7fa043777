import type { RecordState, RoomFormat, RoomKind, RoomRole, RoomState } from '@onestop/domain';
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types';

/** Kysely types of migration 0066_rooms.sql. */

export interface RoomTable {
  id: Generated<string>;
  case_id: string;
  matter_id: string;
  jurisdiction_id: string;
  kind: RoomKind;
  format: RoomFormat;
  starts_at: Timestamp;
  place: string | null;
  state: Generated<RoomState>;
  recording_opt_in: Generated<boolean>;
  record_text: Generated<string>;
  record_state: Generated<RecordState>;
  record_sha256: string | null;
  document_id: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RoomInvitationTable {
  id: Generated<string>;
  room_id: string;
  party_id: string;
  role: 'worker' | 'employer';
  name: string;
  preference: RoomFormat;
  adjustments: ColumnType<string[], string | undefined, string>;
  adjustment_note: string | null;
  code_hash: string;
  sms_phone_enc: string | null;
  sms_body_enc: string | null;
  sms_state: Generated<'pending' | 'sent' | 'logged' | 'failed' | 'no_phone'>;
  sms_error: string | null;
  entered_session: string | null;
  entered_at: Date | null;
  code_attempts: Generated<number>;
}

export interface RoomSignatureTable {
  id: Generated<string>;
  room_id: string;
  invitation_id: string | null;
  user_id: string | null;
  signer_name: string;
  signer_role: RoomRole;
  outcome: 'signed' | 'refused';
  record_sha256: string;
  signature_png: string | null;
  signature_sha256: string | null;
  refusal_reason: string | null;
  signed_at: Generated<Date>;
  ip: string | null;
}

/** Tables of the rooms module (registered once in db/schema.ts). */
export interface RoomsTables {
  room: RoomTable;
  room_invitation: RoomInvitationTable;
  room_signature: RoomSignatureTable;
}
