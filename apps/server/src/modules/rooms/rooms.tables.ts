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
  /** Migration 0080: the host's waiting-room decisions, kept across reconnects and instances. */
  admitted_at: Date | null;
  removed_at: Date | null;
  /** When the party acknowledged the recording notice (rooms recorded by opt-in only). */
  recording_ack_at: Date | null;
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

export interface RoomExhibitTable {
  id: Generated<string>;
  room_id: string;
  evidence_id: string;
  note: string | null;
  shown_by_name: string;
  shown_at: Generated<Date>;
}

export interface RoomRecordingTable {
  id: Generated<string>;
  room_id: string;
  state: Generated<'recording' | 'stored'>;
  content_type: string;
  chunks: Generated<number>;
  size_bytes: ColumnType<string, number | undefined, number | string>;
  sha256: string | null;
  storage_key: string | null;
  started_by: string | null;
  started_by_name: string;
  started_at: Generated<Date>;
  finished_at: Date | null;
}

export interface RoomRelayTable {
  id: Generated<string>;
  payload: string;
  created_at: Generated<Date>;
}

/** One signalling socket's presence, renewed by the instance holding it (0084_room_presence.sql). */
export interface RoomPresenceTable {
  peer_id: string;
  room_id: string;
  identity: string;
  instance: string;
  expires_at: Date;
}

/** Tables of the rooms module (registered once in db/schema.ts). */
export interface RoomsTables {
  room: RoomTable;
  room_invitation: RoomInvitationTable;
  room_signature: RoomSignatureTable;
  room_exhibit: RoomExhibitTable;
  room_recording: RoomRecordingTable;
  room_relay: RoomRelayTable;
  room_presence: RoomPresenceTable;
}
