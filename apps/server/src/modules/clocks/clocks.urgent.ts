import { addDays, type ClockUrgency, compare, findRule } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CalendarService } from './calendar.service';
import type { ClockStatusColumn } from './clocks.tables';
import { urgencyOf } from './clocks.presenter';

/** A clock the leaders are warned about: overdue, or due within two working days. */
export interface UrgentClock {
  id: string;
  subject_type: string;
  subject_id: string;
  subject_label: string | null;
  rule_id: string;
  basis: string;
  due_date: string;
  calendar_pending_year: number | null;
  status: ClockStatusColumn;
  jurisdiction_id: string | null;
  responsible_user_id: string | null;
  organization_id: string | null;
  responsible_name: string | null;
  organization_name: string | null;
  /** The case's track for a case clock, otherwise the rule's track ('' when the rule is unknown). */
  track: string;
  urgency: Exclude<ClockUrgency, 'normal'>;
  remaining: number | null;
}

/**
 * The one definition of the leaders' clock warnings, shared by the dashboard (/leader) and the
 * supervision page (/leader/clocks): every clock in the scope's jurisdictions (null = the whole city)
 * — of a case, a matter or any other subject — that is missed or open and, by the clock engine's
 * urgency over the jurisdiction's working calendar, overdue or due within two working days
 * (DUE_SOON_WORKING_DAYS). Clocks of a closed case or of a closed or merged matter are left out:
 * nothing is left to supervise there.
 */
export async function urgentClocks(
  db: Kysely<DB>,
  calendars: CalendarService,
  today: string,
  scope: Set<string> | null,
): Promise<UrgentClock[]> {
  if (scope !== null && !scope.size) return [];
  const snap = await calendars.snapshot(db);
  // A cheap upper bound for the query; the exact working-day test is urgencyOf below.
  let horizon = addDays(today, 4);
  try {
    horizon = snap.all().reduce((h, cal) => {
      const d = cal.addWorkingDays(today, 2);
      return compare(d, h) > 0 ? d : h;
    }, today);
  } catch {
    /* calendar unknown after today: urgencyOf then only tells overdue clocks */
  }
  let q = db
    .selectFrom('clock as c')
    .leftJoin('app_user as u', 'u.id', 'c.responsible_user_id')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .leftJoin('track_case as tc', (j) =>
      j.onRef('tc.id', '=', 'c.subject_id').on('c.subject_type', '=', 'case'),
    )
    .leftJoin('matter as m', (j) => j.onRef('m.id', '=', 'c.subject_id').on('c.subject_type', '=', 'matter'))
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
      'tc.track as case_track',
    ])
    .where((eb) =>
      eb.or([
        eb('c.status', '=', 'missed'),
        eb.and([eb('c.status', 'in', ['running', 'extended']), eb('c.due_date', '<=', horizon)]),
      ]),
    )
    .where((eb) => eb.or([eb('tc.id', 'is', null), eb('tc.closed', '=', false)]))
    .where((eb) => eb.or([eb('m.id', 'is', null), eb('m.status', 'not in', ['closed', 'merged'])]));
  if (scope !== null) q = q.where('c.jurisdiction_id', 'in', [...scope]);
  const rows = await q.orderBy('c.due_date').orderBy('c.id').execute();
  const out: UrgentClock[] = [];
  for (const { case_track, ...r } of rows) {
    const { urgency, remaining } = urgencyOf(r, snap.for(r.jurisdiction_id), today);
    if (urgency === 'normal') continue;
    out.push({ ...r, track: case_track ?? findRule(r.rule_id)?.track ?? '', urgency, remaining });
  }
  return out;
}
