import { addDays } from '../calendar/date';
import { chineseDate } from '../time';

/**
 * Procedure guards: the legal preconditions of a step, declared next to its machine as data
 * (step → guard ids). A guard is a pure function of a case snapshot (facts read from the record,
 * today, and the due dates the clock engine computed) and answers met, or unmet with the Chinese
 * reason, the earliest date it can be met (null when no date will do: something must be done
 * first) and the statute and article.
 */
export interface GuardUnmet {
  guard: string;
  message: string;
  /** 'YYYY-MM-DD'; null when the condition is not met by waiting. */
  earliestDate: string | null;
  basis: string;
}

export type GuardResult = { met: true; guard: string } | ({ met: false } & GuardUnmet);

export interface ProcedureGuard<S> {
  id: string;
  /** What the guard requires, in Chinese (for lists and documentation). */
  label: string;
  basis: string;
  check: (snapshot: S) => GuardResult;
}

export interface StepVerdict {
  allowed: boolean;
  /** Every unmet guard, in the table's order (the first is the one a refusal names). */
  unmet: GuardUnmet[];
}

/** Messages print dates through the one formatting layer of documents. */
export { chineseDate };

/** The day after `iso`: a period whose last day is `iso` has ended on that day. */
export function dayAfter(iso: string): string {
  return addDays(iso, 1);
}

export function met(guard: string): GuardResult {
  return { met: true, guard };
}

export function unmet(
  g: Pick<ProcedureGuard<unknown>, 'id' | 'basis'>,
  message: string,
  earliestDate: string | null,
): GuardResult {
  return { met: false, guard: g.id, message, earliestDate, basis: g.basis };
}

/** Evaluates the guards a step declares, in order. Unknown steps have no preconditions. */
export function evaluateStep<S>(
  guards: Readonly<Record<string, ProcedureGuard<S>>>,
  table: Readonly<Record<string, readonly string[] | undefined>>,
  step: string,
  snapshot: S,
): StepVerdict {
  const out: GuardUnmet[] = [];
  for (const id of table[step] ?? []) {
    const g = guards[id];
    if (!g) throw new Error(`procedure guard not declared: ${id}`);
    const r = g.check(snapshot);
    if (!r.met)
      out.push({ guard: r.guard, message: r.message, earliestDate: r.earliestDate, basis: r.basis });
  }
  return { allowed: out.length === 0, unmet: out };
}
