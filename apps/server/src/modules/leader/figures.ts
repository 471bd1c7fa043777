import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { businessToday } from '../../platform/time';
import { clocksRuntime } from '../clocks';
import { urgentClocks } from '../clocks';
import { itemOutcome } from '../mediation';

/**
 * The leaders' figures, defined once for the dashboard (/leader) and the supervision page
 * (/leader/clocks): "due soon" is the clock engine's urgency (due within two working days of the
 * jurisdiction's calendar), never a count of calendar days.
 */

/** Mediation end states: a full agreement, a partial one (some items agreed), none. */
export const MEDIATION_FULL = ['agreed'] as const;
export const MEDIATION_PARTIAL = ['partially_agreed'] as const;
export const MEDIATION_NONE = ['refused', 'failed', 'no_show'] as const;
const CONCLUDED = [...MEDIATION_FULL, ...MEDIATION_PARTIAL, ...MEDIATION_NONE];

/**
 * Overdue and due-soon clocks per track: the clocks module's one definition (urgentClocks), so the
 * dashboard shows the same numbers as the supervision page for the same scope (null = the whole city).
 */
export async function clockFiguresByTrack(ctx: AppContext, scope: Set<string> | null) {
  const { db } = ctx.database;
  const rows = await urgentClocks(db, clocksRuntime(ctx).calendars, businessToday(ctx.config), scope);
  const byTrack = new Map<string, { overdue: number; dueSoon: number }>();
  for (const r of rows) {
    const t = byTrack.get(r.track) ?? { overdue: 0, dueSoon: 0 };
    if (r.urgency === 'overdue') t.overdue++;
    else t.dueSoon++;
    byTrack.set(r.track, t);
  }
  return byTrack;
}

/** A share in whole percent, null when nothing was counted. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : null);

/**
 * Mediation results of the mediation cases that ended since `from`: by matters (full agreements,
 * partial ones and failures are counted apart — a partial agreement is not a success of the whole
 * matter) and by items (each proposal item both parties accepted).
 */
export async function mediationFigures(db: Kysely<DB>, ids: string[], from: Date) {
  const ended = await db
    .selectFrom('case_event as e')
    .innerJoin('track_case as c', 'c.id', 'e.case_id')
    .select(['c.id', 'c.matter_id', 'e.to_state', 'e.at'])
    .where('c.jurisdiction_id', 'in', ids)
    .where('c.track', '=', 'mediation')
    .where('e.at', '>=', from)
    .where('e.to_state', 'in', CONCLUDED)
    .orderBy('e.at')
    .execute();
  // The last end state of each case, and per matter the best result of its mediation cases.
  const lastByCase = new Map(ended.map((e) => [e.id, e]));
  const rank = (s: string) =>
    (MEDIATION_FULL as readonly string[]).includes(s)
      ? 2
      : (MEDIATION_PARTIAL as readonly string[]).includes(s)
        ? 1
        : 0;
  const byMatter = new Map<string, number>();
  for (const e of lastByCase.values())
    byMatter.set(e.matter_id, Math.max(byMatter.get(e.matter_id) ?? 0, rank(e.to_state)));
  const matters = { full: 0, partial: 0, none: 0 };
  for (const r of byMatter.values()) matters[r === 2 ? 'full' : r === 1 ? 'partial' : 'none']++;
  const caseIds = [...lastByCase.keys()];
  const items = caseIds.length
    ? await db
        .selectFrom('mediation_proposal_item')
        .select(['worker_reply', 'employer_reply'])
        .where('case_id', 'in', caseIds)
        .execute()
    : [];
  const agreedItems = items.filter((i) => itemOutcome(i.worker_reply, i.employer_reply) === 'agreed').length;
  const concluded = matters.full + matters.partial + matters.none;
  return {
    matters: { concluded, ...matters },
    items: { total: items.length, agreed: agreedItems },
    matterSuccessRate: percent(matters.full, concluded),
    itemSuccessRate: percent(agreedItems, items.length),
  };
}
