import type { ApprovalTables } from '../modules/cases/approvals';
import type { Generated } from 'kysely';
import type { ArbitrationTables } from '../modules/arbitration/arbitration.tables';
import type { CasesTables } from '../modules/cases/cases.tables';
import type { ClocksTables } from '../modules/clocks/clocks.tables';
import type { DocumentsTables } from '../modules/documents/documents.tables';
import type { InspectionTables } from '../modules/inspection/inspection.tables';
import type { MattersTables } from '../modules/matters/matters.tables';
import type { NotificationsTables } from '../modules/notifications/notifications.tables';
import type { PetitionsLegalAidTables } from '../modules/petitions/petitions.tables';
import type { MediationTables } from '../modules/mediation/mediation.tables';
import type { PortalTables } from '../modules/portal/portal.tables';
import type { LegalAidTables } from '../modules/legal-aid/legal-aid.tables';
import type { TransfersTables } from '../modules/transfers/transfers.tables';
import type { StatisticsTables } from '../modules/statistics/statistics.tables';
import type { WageGroupsTables } from '../modules/wage-groups/wage-groups.tables';
import type { DefaultersTables } from '../modules/defaulters/defaulters.tables';
import type { PreventionTables } from '../modules/prevention/prevention.tables';
import type { ObligationsTables } from '../modules/obligations/obligations.tables';
import type { RoomsTables } from '../modules/rooms/rooms.tables';
import type { TrainingTables } from '../modules/training/training.tables';
import type { Json, Timestamp } from './column-types';

/** Kysely table types. Dates (SQL date) are 'YYYY-MM-DD' strings; int8 is parsed to number. */

export interface JurisdictionTable {
  id: Generated<string>;
  code: string;
  name: string;
  parent_id: string | null;
  level: 'city' | 'county';
  sort: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type Agency = 'hrss' | 'arbitration' | 'inspection' | 'union' | 'court' | 'justice' | 'petition';

export interface OrganizationTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  agency: Agency;
  partner_role: 'lead' | 'partner';
  parent_id: string | null;
  jurisdiction_id: string;
  address: string | null;
  phone: string | null;
  sort: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  organization_id: string;
  password_hash: string;
  phone_enc: string | null;
  phone_hash: string | null;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
  jurisdiction_id: string;
}

export interface CertificateTable {
  id: Generated<string>;
  user_id: string;
  type: string;
  number: string;
  issuer: string;
  valid_from: string;
  valid_to: string;
  revoked: Generated<boolean>;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface SettingTable {
  key: string;
  value: Json;
  label: string;
  basis: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  seq: Generated<number>;
  stream: number;
  stream_seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  /** Why the system acted (actor_role 'system' only; migration 0089). */
  actor_reason: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before: Json;
  after: Json;
  prev_hash: string;
  hash: string;
}

export interface AuditStreamTable {
  id: number;
  seq: number;
  hash: string;
  alg: 'sha256' | 'hmac-sha256';
}

export interface NumberSequenceTable {
  scope: string;
  year: number;
  last_value: number;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: Json;
  dedupe_key: string | null;
  state: Generated<'pending' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_at: Date | null;
  /** a running job whose lease expired (its worker died) is claimable again */
  lease_until: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface IdempotencyKeyTable {
  key: string;
  scope: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: Generated<Date>;
  /** {"value": result of the request's first write transaction}, written in that transaction. */
  result: Json;
}

/**
 * The whole schema. Feature modules declare their tables in `modules/<name>/<name>.tables.ts`
 * and are added to the `extends` list below.
 */
export interface DB
  extends FoundationTables,
    ClocksTables,
    WageGroupsTables,
    DefaultersTables,
    MattersTables,
    DocumentsTables,
    CasesTables,
    ArbitrationTables,
    MediationTables,
    InspectionTables,
    PortalTables,
    PetitionsLegalAidTables,
    NotificationsTables,
    ApprovalTables,
    TransfersTables,
    LegalAidTables,
    StatisticsTables,
    PreventionTables,
    ObligationsTables,
    RoomsTables,
    TrainingTables {}

interface FoundationTables {
  jurisdiction: JurisdictionTable;
  organization: OrganizationTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  certificate: CertificateTable;
  session: SessionTable;
  setting: SettingTable;
  audit_log: AuditLogTable;
  audit_stream: AuditStreamTable;
  number_sequence: NumberSequenceTable;
  job: JobTable;
  idempotency_key: IdempotencyKeyTable;
}
