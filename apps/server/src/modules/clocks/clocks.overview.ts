import { addDays, CLOCK_STATUS_LABELS, compare, findRule } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CalendarService } from './calendar.service';
import { subjectLabel } from './clocks.labels';
import { urgencyOf } from './clocks.presenter';

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
 * Overdue (missed, or open and past due) and near-due (due within two working days) clocks in the
 * leader's jurisdictions (null = the whole city), grouped by organisation and responsible person.
 */
export async function buildOverview(
  db: Kysely<DB>,
  calendars: CalendarService,
  today: string,
  scope: Set<string> | null,
) {
  const snap = await calendars.snapshot(db);
  let horizon = addDays(today, 4);
  try {
    horizon = snap.all().reduce((h, cal) => {
      const d = cal.addWorkingDays(today, 2);
      return compare(d, h) > 0 ? d : h;
    }, today);
  } catch {
    /* calendar unknown after today: four calendar days is the shown approximation */
  }
  let q = db
    .selectFrom('clock as c')
    .leftJoin('app_user as u', 'u.id', 'c.responsible_user_id')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .select([
      'c.id',
      'c.subject_type',
      'c.subject_id',
      'c.subject_label',
      'c.rule_id',
      'c.basis',
      'c.due_date',
      'c.calendar_pending_year',
      'c.status',
      'c.jurisdiction_id',
      'c.responsible_user_id',
      'c.organization_id',
      'u.display_name as responsible_name',
      'o.name as organization_name',
    ])
    .where((eb) =>
      eb.or([
        eb('c.status', '=', 'missed'),
        eb.and([eb('c.status', 'in', ['running', 'extended']), eb('c.due_date', '<=', horizon)]),
      ]),
    );
  if (scope !== null) {
    if (!scope.size) return { today, totals: { overdue: 0, dueSoon: 0 }, groups: [] };
    q = q.where('c.jurisdiction_id', 'in', [...scope]);
  }
  const rows = await q.orderBy('c.due_date').orderBy('c.id').limit(LIMIT).execute();

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
  for (const r of rows) {
    const { urgency, remaining } = urgencyOf(r, snap.for(r.jurisdiction_id), today);
    if (urgency === 'normal') continue;
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
