import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/column-types';

/** Kysely types of migration 0003_clocks.sql. SQL date columns are 'YYYY-MM-DD' strings. */
type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
export type ClockStatusColumn = 'running' | 'suspended' | 'met' | 'missed' | 'extended';

export interface CalendarDayTable {
  region: Generated<string>;
  date: string;
  day_type: DayType;
  name: string | null;
  notice_source: string | null;
}

export interface CalendarNoticeTable {
  region: Generated<string>;
  year: number;
  source: string;
  holidays: Json;
  makeup_workdays: Json;
  version: Generated<number>;
  entered_by: string;
  entered_at: Timestamp;
}

export interface CalendarRevisionTable {
  id: number;
  revision: number;
  updated_at: Timestamp;
}

export interface ClockTable {
  id: Generated<string>;
  subject_type: string;
  subject_id: string;
  subject_label: string | null;
  rule_id: string;
  trigger_date: string;
  due_date: string;
  original_due_date: string;
  calendar_version: string;
  /** Set while the due date is provisional because this year's calendar is not entered yet. */
  calendar_pending_year: ColumnType<number | null, number | null | undefined, number | null>;
  status: Generated<ClockStatusColumn>;
  suspended_since: string | null;
  suspended_days: Generated<number>;
  extension_approver: string | null;
  extension_reason: string | null;
  /** A period shortened with the protected party's consent (rule.shortening); NULL = the rule's. */
  shortened_duration: ColumnType<number | null, number | null | undefined, number | null>;
  shortened_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** What closing the clock achieved (the act that met it, e.g. 受理立案); NULL while open. */
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
  responsible_user_id: string | null;
  organization_id: string | null;
  jurisdiction_id: string | null;
  basis: string;
  explanation: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ClockEventTable {
  id: Generated<number>;
  clock_id: string;
  event: string;
  actor: string;
  actor_id: string | null;
  at: Generated<Date>;
  reason: string | null;
  payload: Json;
}

export interface NotificationTable {
  id: Generated<string>;
  recipient_user_id: string;
  channel: 'in_app' | 'sms';
  template: string;
  params: Json;
  body: string;
  subject_type: string | null;
  subject_id: string | null;
  state: Generated<'pending' | 'sending' | 'sent' | 'logged' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_at: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  provider_ref: string | null;
  dedupe_key: string;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface ClocksTables {
  calendar_day: CalendarDayTable;
  calendar_notice: CalendarNoticeTable;
  calendar_revision: CalendarRevisionTable;
  clock: ClockTable;
  clock_event: ClockEventTable;
  notification: NotificationTable;
}
