import { findRule, ROLES, waitingOn } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { TRACKS } from './cases.tracks';
import type { CaseTrack } from './cases.tables';

/** What an open case waits for: the posts, the steps and its nearest running time limit. */
export interface CaseNext {
  roles: { code: string; label: string }[];
  steps: string[];
  text: string;
  /** Whether the steps answer a running time limit (else: every step open in the state). */
  answersClock: boolean;
  dueDate: string | null;
  /** The nearest running limit's name. */
  dueRule: string | null;
}

/**
 * One case's next step, read from its track's machine (domain `waitingOn`) and its running clocks
 * (`runningRuleIds` nearest first, `dueDate` the nearest); null when closed or the track has no machine.
 */
export function caseNext(
  track: CaseTrack,
  state: string,
  runningRuleIds: readonly string[],
  dueDate: string | null,
): CaseNext | null {
  const machine = TRACKS[track].machine;
  const w = machine ? waitingOn(machine, state, runningRuleIds) : null;
  if (!w) return null;
  const first = runningRuleIds[0];
  return {
    roles: w.roles.map((code) => ({ code, label: ROLES[code].label })),
    steps: [...new Set(w.steps.map((s) => s.label))],
    text: w.text,
    answersClock: w.answersClock,
    dueDate,
    dueRule: first ? (findRule(first)?.name ?? null) : null,
  };
}

/** The next step of each of `cases` (one clock query for all), keyed by case id; closed cases are left out. */
export async function nextStepsOf(
  db: Kysely<DB>,
  cases: readonly { id: string; track: CaseTrack; state: string; closed: boolean }[],
): Promise<Map<string, CaseNext>> {
  const open = cases.filter((c) => !c.closed);
  const clocks = open.length
    ? await db
        .selectFrom('clock')
        .select(['subject_id', 'rule_id', 'due_date'])
        .where('subject_type', '=', 'case')
        .where(
          'subject_id',
          'in',
          open.map((c) => c.id),
        )
        .where('status', 'in', ['running', 'extended'])
        .orderBy('due_date')
        .orderBy('rule_id')
        .execute()
    : [];
  const out = new Map<string, CaseNext>();
  for (const c of open) {
    const mine = clocks.filter((k) => k.subject_id === c.id);
    const next = caseNext(
      c.track,
      c.state,
      mine.map((k) => k.rule_id),
      mine[0] ? String(mine[0].due_date).slice(0, 10) : null,
    );
    if (next) out.set(c.id, next);
  }
  return out;
}
