import { DOCUMENT_TYPES } from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import { getClocksService } from '../clocks';
import { OPEN_STATUSES } from '../clocks';

/** What one transition asks of the clocks (clock rule ids, as the machine declares them). */
export interface ClockMoves {
  clocksStart: readonly string[];
  clocksStop: readonly string[];
  clocksPause: readonly string[];
  clocksResume: readonly string[];
  clocksExtend: readonly string[];
  /** What a stopped clock records when it is not the step itself (the machine's clockOutcomes). */
  clockOutcomes?: Readonly<Record<string, string>>;
}

export interface CaseRef {
  id: string;
  number: string;
  assignee_user_id: string | null;
  organization_id: string;
  jurisdiction_id: string;
}

export interface ClockEffect {
  ruleId: string;
  action: 'start' | 'restart' | 'meet' | 'suspend' | 'resume' | 'extend';
  dueDate: string | null;
}

/**
 * Moves the case's clocks in the caller's transaction, as the machine declares: stop (met), pause
 * (suspended: 中止 days excluded), resume, extend (approver and reason from the payload), start
 * (restarted from zero when the clock is already open). Stopping or pausing a clock that is not
 * running is a no-op, as the engine's contract says.
 */
export async function moveClocks(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  c: CaseRef,
  moves: ClockMoves,
  opts: {
    triggerDate: string;
    reason: string | null;
    approver?: string | undefined;
    /** What the step did (the event's label): recorded on the clocks it meets. */
    outcome?: string | undefined;
  },
): Promise<ClockEffect[]> {
  const clocks = getClocksService(ctx);
  const effects: ClockEffect[] = [];
  const open = async (ruleId: string) =>
    trx
      .selectFrom('clock')
      .select(['id', 'status'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', c.id)
      .where('rule_id', '=', ruleId)
      .where('status', 'in', OPEN_STATUSES)
      .executeTakeFirst();
  const reason = opts.reason ?? undefined;

  for (const ruleId of moves.clocksStop) {
    const row = await open(ruleId);
    if (!row) continue;
    const r = await clocks.meet(trx, row.id, actor, reason, moves.clockOutcomes?.[ruleId] ?? opts.outcome);
    effects.push({ ruleId, action: 'meet', dueDate: r.due_date });
  }
  for (const ruleId of moves.clocksPause) {
    const row = await open(ruleId);
    if (!row || row.status === 'suspended') continue;
    const r = await clocks.suspend(trx, row.id, { reason: opts.reason ?? '中止' }, actor);
    effects.push({ ruleId, action: 'suspend', dueDate: r.due_date });
  }
  for (const ruleId of moves.clocksResume) {
    const row = await open(ruleId);
    if (row?.status !== 'suspended') continue;
    const r = await clocks.resume(trx, row.id, reason ? { reason } : {}, actor);
    effects.push({ ruleId, action: 'resume', dueDate: r.due_date });
  }
  for (const ruleId of moves.clocksExtend) {
    const row = await open(ruleId);
    if (!row) continue;
    const r = await clocks.extend(
      trx,
      row.id,
      { approver: opts.approver ?? '', reason: opts.reason ?? '' },
      actor,
    );
    effects.push({ ruleId, action: 'extend', dueDate: r.due_date });
  }
  for (const ruleId of moves.clocksStart) {
    const row = await open(ruleId);
    if (row) {
      const r = await clocks.restart(trx, row.id, opts.triggerDate, opts.reason ?? '重新起算', actor);
      effects.push({ ruleId, action: 'restart', dueDate: r.due_date });
      continue;
    }
    const r = await clocks.start(
      trx,
      {
        subjectType: 'case',
        subjectId: c.id,
        subjectLabel: c.number,
        ruleId,
        triggerDate: opts.triggerDate,
        responsibleUserId: c.assignee_user_id,
        organizationId: c.organization_id,
        jurisdictionId: c.jurisdiction_id,
      },
      actor,
    );
    effects.push({ ruleId, action: 'start', dueDate: r.due_date });
  }
  return effects;
}

export interface DocumentDue {
  type: string;
  title: string;
}

/**
 * The documents a step issues, by the domain's vocabulary. They are returned to the caller (the UI
 * offers to draft them); drafts are not created here because most templates need fields the
 * transition does not carry (TODO: create drafts once each track's forms supply them).
 */
export function documentsDue(types: readonly string[]): DocumentDue[] {
  return types.map((type) => ({
    type,
    title: (DOCUMENT_TYPES as Record<string, string>)[type] ?? type,
  }));
}
