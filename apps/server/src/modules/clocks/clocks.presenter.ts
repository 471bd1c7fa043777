import {
  CLOCK_STATUS_LABELS,
  type ClockUrgency,
  clockUrgency,
  findRule,
  type WorkCalendar,
} from '@onestop/domain';
import type { AuthContext } from '../../platform/auth';
import type { CalendarSnapshot } from './calendar.service';
import { subjectLabel, TRACK_PERMISSIONS } from './clocks.labels';
import type { ClockRow } from './clocks.service';

export type ClockWithNames = ClockRow & { responsible_name: string | null; organization_name: string | null };

const OPEN = new Set(['running', 'extended']);

/** The status as the staff read it: a met clock says what was done (e.g. 已办结：受理立案). */
export function clockStatusLabel(row: Pick<ClockRow, 'status' | 'outcome'>): string {
  if (row.status === 'met' && row.outcome)
    return row.outcome.startsWith('已') ? row.outcome : `已办结：${row.outcome}`;
  return CLOCK_STATUS_LABELS[row.status];
}

/** Urgency and remaining working days; a date outside the known calendar degrades to plain dates. */
export function urgencyOf(
  row: Pick<ClockRow, 'status' | 'due_date'>,
  cal: WorkCalendar,
  today: string,
): { urgency: ClockUrgency; remaining: number | null } {
  if (row.status === 'missed') return { urgency: 'overdue', remaining: null };
  if (!OPEN.has(row.status)) return { urgency: 'normal', remaining: null };
  let remaining: number | null = null;
  try {
    remaining = cal.workingDaysBetween(today, row.due_date);
    return { urgency: clockUrgency(row.due_date, today, cal), remaining };
  } catch {
    return { urgency: today > row.due_date ? 'overdue' : 'normal', remaining };
  }
}

/** Whitelist presenter; `actions` tells the staff app which buttons the user may press. */
export function presentClock(row: ClockWithNames, snap: CalendarSnapshot, today: string, auth: AuthContext) {
  const rule = findRule(row.rule_id);
  const { urgency, remaining } = urgencyOf(row, snap.for(row.jurisdiction_id), today);
  const extended = row.extension_approver !== null;
  const trackPerm = rule ? TRACK_PERMISSIONS[rule.track] : undefined;
  const mayHandle =
    (trackPerm !== undefined && auth.permissions.has(trackPerm)) || auth.permissions.has('clock.extend');
  const open = OPEN.has(row.status);
  return {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectLabel: subjectLabel(row.subject_type, row.subject_label),
    ruleId: row.rule_id,
    code: rule?.code ?? '',
    name: rule?.name ?? row.rule_id,
    track: rule?.track ?? '',
    basis: row.basis,
    explanation: row.explanation,
    triggerDate: row.trigger_date,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    status: row.status,
    statusLabel: clockStatusLabel(row),
    outcome: row.outcome,
    urgency,
    remainingWorkingDays: remaining,
    calendarVersion: row.calendar_version,
    calendarPendingYear: row.calendar_pending_year,
    suspendedSince: row.suspended_since,
    suspendedDays: row.suspended_days,
    responsible: row.responsible_user_id
      ? { id: row.responsible_user_id, name: row.responsible_name ?? '' }
      : null,
    organization: row.organization_id ? { id: row.organization_id, name: row.organization_name ?? '' } : null,
    extended,
    extension: extended
      ? { approver: row.extension_approver ?? '', reason: row.extension_reason ?? '' }
      : null,
    actions: {
      suspend: mayHandle && open && !!rule?.suspendable,
      resume: mayHandle && row.status === 'suspended',
      extend:
        auth.permissions.has('clock.extend') && row.status === 'running' && !extended && !!rule?.extension,
      restart: mayHandle && (open || row.status === 'suspended'),
    },
    version: row.version,
  };
}
