export interface ClockRule {
  id: string;
  code: string;
  name: string;
  track: string;
  trackLabel: string;
  trigger: string;
  duration: number;
  unit: string;
  unitLabel: string;
  basis: string;
  unitNote: string | null;
  extendable: boolean;
  suspendable: boolean;
}

export interface DeadlineResult {
  ruleId: string;
  due: string;
  basis: string;
  explanation: string;
  calendarVersion: string;
}

export type ClockUrgency = 'normal' | 'due_soon' | 'overdue';

export interface PersonRef {
  id: string;
  name: string;
}

export interface Clock {
  id: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  /** Present in the matter's combined list: the matter itself or the case the clock runs on. */
  source?: { type: 'matter' | 'case'; id: string; label: string };
  ruleId: string;
  code: string;
  name: string;
  track: string;
  basis: string;
  explanation: string;
  triggerDate: string;
  dueDate: string;
  originalDueDate: string;
  status: 'running' | 'suspended' | 'met' | 'missed' | 'extended';
  statusLabel: string;
  /** What closed the clock (e.g. 受理立案, 通知补正); null while open. */
  outcome?: string | null;
  urgency: ClockUrgency;
  remainingWorkingDays: number | null;
  calendarVersion: string;
  /** Year whose holiday notice is missing: the due date is provisional until it is entered. */
  calendarPendingYear: number | null;
  suspendedSince: string | null;
  suspendedDays: number;
  responsible: PersonRef | null;
  organization: PersonRef | null;
  extended: boolean;
  extension: { approver: string; reason: string } | null;
  actions: { suspend: boolean; resume: boolean; extend: boolean; restart: boolean };
  version: number;
}

export type OverviewItem = Pick<
  Clock,
  | 'id'
  | 'subjectType'
  | 'subjectId'
  | 'subjectLabel'
  | 'ruleId'
  | 'name'
  | 'basis'
  | 'dueDate'
  | 'calendarPendingYear'
  | 'status'
  | 'statusLabel'
  | 'urgency'
  | 'remainingWorkingDays'
>;

export interface OverviewCounts {
  overdue: number;
  dueSoon: number;
}

export interface ClocksOverview {
  today: string;
  totals: OverviewCounts;
  groups: (OverviewCounts & {
    organization: PersonRef | null;
    people: (OverviewCounts & { responsible: PersonRef | null; items: OverviewItem[] })[];
  })[];
}

export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface CalendarYear {
  year: number;
  source: string;
  holidays: number;
  makeupWorkdays: number;
  overrides: number;
  version: number;
  enteredBy: string;
  enteredAt: string;
}

export interface NoticeEntry {
  date: string;
  name: string;
}

export interface CalendarYearDetail {
  notice: {
    year: number;
    source: string;
    holidays: NoticeEntry[];
    makeupWorkdays: NoticeEntry[];
    version: number;
  };
  calendarVersion: string;
  days: { date: string; type: DayType; typeLabel: string; name: string | null }[];
}

export interface CalendarOverride {
  region: string;
  regionName: string | null;
  date: string;
  type: DayType;
  typeLabel: string;
  name: string | null;
}

export interface AppNotification {
  id: string;
  channel: 'in_app' | 'sms';
  channelLabel: string;
  template: string;
  templateLabel: string;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
  state: string;
  stateLabel: string;
  attempts: number;
  lastError: string | null;
  recipient: PersonRef;
  createdAt: string;
  sentAt: string | null;
  readAt: string | null;
}
