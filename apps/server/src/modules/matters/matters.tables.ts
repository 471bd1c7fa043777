import type { ColumnType, Generated } from 'kysely';
import { CLAIM_TRACK_IDS, type ClaimTrackId } from '@onestop/domain';
import type { PartiesTables } from '../parties';
import type { Json, Timestamp } from '../../db/column-types';

export const CHANNELS = [
  'window',
  'online',
  'hotline_12333',
  'mail',
  'petition_transfer',
  'inspection_transfer',
  'court_delegated',
  'union_transfer',
  'other_transfer',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const MATTER_STATUSES = ['registered', 'routed', 'closed', 'merged'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
/** Statuses of a matter still being worked on (duplicates, alerts, 《劳动保障监察条例》第二十一条第二款 look at these). */
export const OPEN_STATUSES: MatterStatus[] = ['registered', 'routed'];

/** Derived from the domain's track registry (packages/domain/src/tracks/registry.ts). */
export const CLAIM_TRACKS = CLAIM_TRACK_IDS;
export type ClaimTrack = ClaimTrackId;

export interface MatterTable {
  id: Generated<string>;
  number: string;
  year: number;
  seq: number;
  channel: Channel;
  request_kind: 'question' | 'application' | 'complaint' | 'report' | 'petition';
  status: Generated<MatterStatus>;
  narrative: Generated<string>;
  jurisdiction_id: string;
  responsible_user_id: string | null;
  created_by: string | null;
  received_at: Generated<Date>;
  worker_count: Generated<number>;
  collective: Generated<boolean>;
  collective_contract: Generated<boolean>;
  priority_flags: ColumnType<string[], string[] | undefined, string[]>;
  employment_start: string | null;
  employment_end: string | null;
  knew_date: string | null;
  triage_input: Json;
  triage_result: Json;
  triage_decision: Json;
  triage_decided_by: string | null;
  triage_decided_at: Date | null;
  mediation_consent: Json;
  duplicate_of_id: string | null;
  merged_into_id: string | null;
  closed_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MatterPartyTable {
  matter_id: string;
  party_id: string;
  role: 'worker' | 'employer';
  representative: Generated<boolean>;
  sort: Generated<number>;
}

export interface MatterClaimTable {
  id: Generated<string>;
  matter_id: string;
  type: string;
  amount_fen: number | null;
  period_from: string | null;
  period_to: string | null;
  facts: string;
  track: ClaimTrack | null;
  track_case_id: string | null;
  status: Generated<'pending' | 'routed' | 'withdrawn' | 'closed'>;
  sort: Generated<number>;
  created_at: Generated<Date>;
}

export interface MatterEvidenceTable {
  id: Generated<string>;
  matter_id: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage_key: string;
  description: string | null;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export interface MatterEventTable {
  id: Generated<number>;
  matter_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  /** Why the system acted, when the actor is the system (platform/system.ts); else null. */
  actor_reason: Generated<string | null>;
  kind: string;
  summary: string;
  payload: Json;
}

export type AlertKind =
  | 'employer_open_matters'
  | 'collective'
  | 'spring_festival_wages'
  | 'sms_not_delivered';

export interface AlertTable {
  id: Generated<string>;
  kind: AlertKind;
  dedupe_key: string;
  jurisdiction_id: string;
  matter_id: string | null;
  employer_party_id: string | null;
  summary: string;
  basis: string;
  count: Generated<number>;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** Tables of the intake / matter modules (registered once in db/schema.ts). */
export interface MattersTables extends PartiesTables {
  matter: MatterTable;
  matter_party: MatterPartyTable;
  matter_claim: MatterClaimTable;
  matter_evidence: MatterEvidenceTable;
  matter_event: MatterEventTable;
  alert: AlertTable;
}
