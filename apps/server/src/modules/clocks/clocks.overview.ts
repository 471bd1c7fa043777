import { CLOCK_STATUS_LABELS, findRule } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CalendarService } from './calendar.service';
import { subjectLabel } from './clocks.labels';
import { urgentClocks } from './clocks.urgent';

const LIMIT = 2000;

type Person = { id: string; name: string } | null;

interface Item {
  id: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  ruleId: string;
  name: string;
  basis: string;
  dueDate: string;
  /** Year whose holiday notice is missing: the due date is provisional (暂定). */
  calendarPendingYear: number | null;
  status: string;
  statusLabel: string;
  urgency: 'normal' | 'due_soon' | 'overdue';
  remainingWorkingDays: number | null;
}

/**
 * The supervision page: the warned clocks (urgentClocks — overdue, or due within two working days;
 * the same set the leader dashboard counts) in the leader's jurisdictions (null = the whole city),
 * grouped by organisation and responsible person.
 */
export async function buildOverview(
  db: Kysely<DB>,
  calendars: CalendarService,
  today: string,
  scope: Set<string> | null,
) {
  const rows = await urgentClocks(db, calendars, today, scope);
  const groups = new Map<
    string,
    {
      organization: Person;
      overdue: number;
      dueSoon: number;
      people: Map<string, { responsible: Person; overdue: number; dueSoon: number; items: Item[] }>;
    }
  >();
  const totals = { overdue: 0, dueSoon: 0 };
  let listed = 0;
  for (const r of rows) {
    const { urgency, remaining } = r;
    const orgKey = r.organization_id ?? '';
    let g = groups.get(orgKey);
    if (!g) {
      g = {
        organization: r.organization_id ? { id: r.organization_id, name: r.organization_name ?? '' } : null,
        overdue: 0,
        dueSoon: 0,
        people: new Map(),
      };
      groups.set(orgKey, g);
    }
    const personKey = r.responsible_user_id ?? '';
    let p = g.people.get(personKey);
    if (!p) {
      p = {
        responsible: r.responsible_user_id
          ? { id: r.responsible_user_id, name: r.responsible_name ?? '' }
          : null,
        overdue: 0,
        dueSoon: 0,
        items: [],
      };
      g.people.set(personKey, p);
    }
    const key = urgency === 'overdue' ? 'overdue' : 'dueSoon';
    totals[key]++;
    g[key]++;
    p[key]++;
    // The counts cover every warned clock; the lists stop at LIMIT items per page load.
    if (listed++ >= LIMIT) continue;
    p.items.push({
      id: r.id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      subjectLabel: subjectLabel(r.subject_type, r.subject_label),
      ruleId: r.rule_id,
      name: findRule(r.rule_id)?.name ?? r.rule_id,
      basis: r.basis,
      dueDate: r.due_date,
      calendarPendingYear: r.calendar_pending_year,
      status: r.status,
      statusLabel: CLOCK_STATUS_LABELS[r.status],
      urgency,
      remainingWorkingDays: remaining,
    });
  }
  const byOverdue = <T extends { overdue: number; dueSoon: number }>(a: T, b: T) =>
    b.overdue - a.overdue || b.dueSoon - a.dueSoon;
  return {
    today,
    totals,
    groups: [...groups.values()]
      .map((g) => ({ ...g, people: [...g.people.values()].sort(byOverdue) }))
      .sort(byOverdue),
  };
}
